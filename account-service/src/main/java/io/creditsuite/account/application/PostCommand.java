package io.creditsuite.account.application;

import io.creditsuite.account.domain.Posting;

/**
 * The caller's request to {@link PostHandler}: a balanced posting whose legs may still name split accounts
 * (the handler resolves them to sub-accounts and hands the writer a {@link ResolvedPosting}).
 * {@code traceId} is the request id it is written under.
 */
public record PostCommand(Posting posting, String traceId) {
}
