package io.creditsuite.approval.domain.check;

import java.util.List;

/** The active blacklist entries an application matches. */
public interface Blacklist {
    /**
     * @param normalizedName the applicant's name after {@link NameNormalizer#normalize}
     * @return every active entry whose value equals the identity number (of its kind), the phone, or the name
     */
    List<BlacklistEntry> matching(String identityType, String identityNumber, String phone, String normalizedName);
}
