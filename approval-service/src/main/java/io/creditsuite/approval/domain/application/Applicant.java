package io.creditsuite.approval.domain.application;

/**
 * Who applies, as the partner declared it; what the automatic checks read. Money in minor units.
 *
 * @param identityType "ID_CARD" (a person) or "USCC" (an organisation's unified social credit code)
 * @param age          null for an organisation
 */
public record Applicant(String name, String identityType, String identityNumber, String phone, Integer age,
                        String industry, long declaredAnnualRevenueMinor) {
}
