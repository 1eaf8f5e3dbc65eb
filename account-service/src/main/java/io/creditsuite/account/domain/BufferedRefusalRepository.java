package io.creditsuite.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The refusals of buffered postings (see {@link BufferedRefusal}). */
public interface BufferedRefusalRepository {
    /** Keeps each refusal; a voucher that has one already keeps its first (a redelivered batch comes back here). */
    void recordAll(List<BufferedRefusal> refusals);

    Optional<BufferedRefusal> find(String voucherNo);

    /** The vouchers among {@code voucherNos} that have a refusal. */
    Set<String> refusedAmong(Collection<String> voucherNos);
}
