package io.creditsuite.api.approval;

import java.io.Serializable;

/**
 * What the applicant declares; the automatic checks read these facts (and the customer's existing exposure, which
 * approval-service reads from credit-service itself).
 *
 * @param name                          the applicant's name as declared (the blacklist also matches it normalised)
 * @param identityType                  ID_CARD for a person, USCC for an organisation
 * @param identityNumber                the identity number (matched exactly)
 * @param phone                         mobile number, digits only, may be null for an organisation
 * @param age                           years; null for an organisation
 * @param industry                      industry code, e.g. "RETAIL", "MANUFACTURING"
 * @param declaredAnnualRevenueMinor    declared yearly revenue or income in minor units of the application's currency
 * @param regionPath                    where the applicant is, a path in the region hierarchy, e.g. "/CN/EAST/SH";
 *                                      reviewers see only applications under their own region path
 */
public record ApplicantFacts(String name, IdentityType identityType, String identityNumber, String phone, Integer age,
                             String industry, long declaredAnnualRevenueMinor, String regionPath)
        implements Serializable {
}
