package io.creditsuite.credit.domain;

/** What the flow log holds about an accepted request: enough to answer its retry. */
public record StoredFlow(String requestId, String bodyHash, String holdId, long flowSeq) {
}
