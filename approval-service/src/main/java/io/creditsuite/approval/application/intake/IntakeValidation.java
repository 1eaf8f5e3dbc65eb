package io.creditsuite.approval.application.intake;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.domain.check.IdentityNumbers;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** The intake's edge checks: every field of a submitted application, each failure named, before anything is written. */
final class IntakeValidation {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern REGION = Pattern.compile("(/[A-Za-z0-9_-]{1,32}){1,8}");
    private static final int MAX_PRODUCTS = 20;

    private IntakeValidation() {
    }

    static void check(SubmitApplicationRequest r, CallbackUrls callbackUrls) {
        if (r == null || r.applicant() == null || r.limitType() == null) {
            throw invalid("an application needs its applicant and limit type");
        }
        id(r.partnerId(), "partnerId");
        id(r.partnerApplicationId(), "partnerApplicationId");
        id(r.customerId(), "customerId");
        id(r.productLine(), "productLine");
        applicant(r.applicant());
        if (r.currency() == null || !r.currency().matches("[A-Z]{3}") || !isIsoCurrency(r.currency())) {
            throw invalid("currency must be an ISO 4217 code with a minor unit, not " + r.currency());
        }
        if (r.requestedMinor() <= 0) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, "requestedMinor must be positive, not "
                    + r.requestedMinor());
        }
        if (r.termMonths() < 1 || r.termMonths() > 360) {
            throw invalid("termMonths must be 1..360, not " + r.termMonths());
        }
        List<String> products = r.productIds();
        if (products == null || products.isEmpty() || products.size() > MAX_PRODUCTS) {
            throw invalid("productIds must name 1.." + MAX_PRODUCTS + " products");
        }
        products.forEach(p -> id(p, "productIds[]"));
        if (r.callbackUrl() != null && !callbackUrls.accepts(r.callbackUrl())) {
            throw new ApiException(ErrorCode.CALLBACK_URL_INVALID, "callbackUrl must be an absolute https URL of at"
                    + " most 512 characters");
        }
    }

    private static void applicant(ApplicantFacts a) {
        if (a.name() == null || a.name().isBlank() || a.name().length() > 128) {
            throw invalid("applicant.name must be 1..128 characters");
        }
        if (a.identityType() == null) {
            throw invalid("applicant.identityType is required (ID_CARD or USCC)");
        }
        boolean valid = a.identityType() == IdentityType.ID_CARD ? IdentityNumbers.isValidIdCard(a.identityNumber())
                : IdentityNumbers.isValidUscc(a.identityNumber());
        if (!valid) {
            throw new ApiException(ErrorCode.IDENTITY_NUMBER_INVALID, "applicant.identityNumber is not a valid "
                    + a.identityType() + " number (length, characters or check character)");
        }
        if (a.phone() != null && !IdentityNumbers.isValidPhone(a.phone())) {
            throw invalid("applicant.phone must be an 11-digit mainland mobile number");
        }
        if (a.age() != null && (a.age() < 0 || a.age() > 150)) {
            throw invalid("applicant.age must be 0..150, not " + a.age());
        }
        if (a.identityType() == IdentityType.ID_CARD && a.age() == null) {
            throw invalid("applicant.age is required for a person (ID_CARD)");
        }
        if (a.industry() != null && !ID.matcher(a.industry()).matches()) {
            throw invalid("applicant.industry must be a code of letters, digits and ._:- (at most 64)");
        }
        if (a.declaredAnnualRevenueMinor() < 0) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, "applicant.declaredAnnualRevenueMinor must not be"
                    + " negative");
        }
        if (a.regionPath() == null || !REGION.matcher(a.regionPath()).matches()) {
            throw invalid("applicant.regionPath must look like /CN/EAST/SH (1..8 segments)");
        }
    }

    private static void id(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw invalid(field + " must be 1..64 letters, digits or ._:- starting with a letter or digit");
        }
    }

    /** An ISO 4217 money code: XXX ("no currency"), XAU, XDR and the like have no minor unit and lend nothing. */
    private static boolean isIsoCurrency(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, detail);
    }
}
