package io.creditsuite.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A balanced set of legs under one voucher (资金凭证号).
 *
 * <p>Guarantees, checked at construction:
 * <pre>
 *   for each currency c:  sum(amount of DEBIT legs in c) = sum(amount of CREDIT legs in c)   (Math.addExact)
 *   2 &lt;= legs &lt;= 64;  no account appears in two legs;
 *   voucherNo is a caller's ([A-Za-z0-9._:-]{1,64}, {@link #requireVoucher}, checked at the edge) or a derived one
 *   ({@link DerivedVoucher}, which only the ledger itself makes)
 * </pre>
 * {@link #digest()} fingerprints the body so that a voucher reused with a different body is told
 * apart from a retry.
 */
public record Posting(String voucherNo, String postingType, List<Leg> legs) {
    public static final int MAX_LEGS = 64;

    public Posting {
        DerivedVoucher.requireLedgerVoucher(voucherNo);
        if (postingType == null || !postingType.matches("[A-Z_]{1,32}")) {
            throw new LedgerException(LedgerError.POSTING_MALFORMED,
                    "posting type '" + postingType + "' must match [A-Z_]{1,32}");
        }
        if (legs == null || legs.size() < 2 || legs.size() > MAX_LEGS) {
            throw new LedgerException(LedgerError.POSTING_MALFORMED,
                    "a posting needs 2 to " + MAX_LEGS + " legs, got " + (legs == null ? 0 : legs.size()));
        }
        legs = List.copyOf(legs);
        Set<Long> accounts = new HashSet<>();
        Map<String, Long> net = new HashMap<>();
        for (Leg leg : legs) {
            if (!accounts.add(leg.accountId())) {
                throw new LedgerException(LedgerError.POSTING_MALFORMED,
                        "account " + leg.accountId() + " appears in two legs; merge them into one");
            }
            long signed = leg.side() == Side.DEBIT ? leg.amountMinor() : -leg.amountMinor();
            try {
                net.merge(leg.currency(), signed, Math::addExact);
            } catch (ArithmeticException e) {
                throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "the " + leg.currency() + " legs overflow a long");
            }
        }
        net.forEach((currency, difference) -> {
            if (difference != 0) {
                throw new LedgerException(LedgerError.POSTING_UNBALANCED, "debits - credits = " + difference
                        + " minor units of " + currency + "; they must be equal");
            }
        });
    }

    /** A caller's voucher; one in the ledger's own namespace ({@link DerivedVoucher}) is refused by name. */
    public static void requireVoucher(String voucherNo) {
        if (DerivedVoucher.isDerived(voucherNo)) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "voucher '" + voucherNo + "' starts with '"
                    + DerivedVoucher.PREFIX + "', which is reserved for vouchers the ledger derives (TCC transfers);"
                    + " a caller's voucher must match [A-Za-z0-9._:-]{1,64}");
        }
        if (voucherNo == null || !voucherNo.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT,
                    "voucher '" + voucherNo + "' must match [A-Za-z0-9._:-]{1,64}");
        }
    }

    /** SHA-256 of the body (type and legs in order), hex. */
    public String digest() {
        StringBuilder body = new StringBuilder(postingType);
        for (Leg leg : legs) {
            body.append('|').append(leg.accountId()).append(',').append(leg.side()).append(',')
                    .append(leg.amountMinor()).append(',').append(leg.currency());
        }
        return sha256(body.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
