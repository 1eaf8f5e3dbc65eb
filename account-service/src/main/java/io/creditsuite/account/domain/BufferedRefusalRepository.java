package io.creditsuite.account.domain;

import java.util.List;
import java.util.Optional;

/** The refusals of buffered postings (see {@link BufferedRefusal}). */
public interface BufferedRefusalRepository {
    /** Keeps each refusal; a voucher that has one already keeps its first (a redelivered batch comes back here). */
    void recordAll(List<BufferedRefusal> refusals);

    Optional<BufferedRefusal> find(String voucherNo);
}
