package io.creditsuite.approval.domain.check;

/**
 * One blacklist entry. Identity numbers and phones match exactly; names match after {@link NameNormalizer}.
 *
 * @param kind ID_CARD, USCC, PHONE or NAME
 */
public record BlacklistEntry(String entryId, String kind, String value, String reason) {
}
