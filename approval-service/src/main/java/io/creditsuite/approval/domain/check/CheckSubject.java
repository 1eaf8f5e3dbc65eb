package io.creditsuite.approval.domain.check;

/**
 * The facts the automatic checks read: the applicant's declaration, the request, and the customer's existing
 * exposure in credit-service (used + frozen over its lines, read at intake). Money in minor units.
 *
 * @param identityType "ID_CARD" or "USCC"
 * @param age          null for an organisation
 */
public record CheckSubject(String applicationId, String name, String identityType, String identityNumber,
                           String phone, Integer age, String industry, long declaredAnnualRevenueMinor,
                           String regionPath, String productLine, String currency, long requestedMinor,
                           int termMonths, long existingExposureMinor) {
}
