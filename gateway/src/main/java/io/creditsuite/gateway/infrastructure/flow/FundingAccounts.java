package io.creditsuite.gateway.infrastructure.flow;

import java.util.OptionalLong;

/** The funding account of a lending partner, for its hot-parameter limit; empty while not known (or not a lender). */
@FunctionalInterface
public interface FundingAccounts {
    /** Must answer at once: it runs on every partner request before the request may proceed. */
    OptionalLong of(String partnerId);
}
