package io.creditsuite.account.application;

import io.creditsuite.account.domain.Posting;

/** Post a balanced posting; {@code traceId} is the request id it is written under. */
public record PostCommand(Posting posting, String traceId) {
}
