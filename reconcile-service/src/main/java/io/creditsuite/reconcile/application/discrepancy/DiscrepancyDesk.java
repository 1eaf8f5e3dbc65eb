package io.creditsuite.reconcile.application.discrepancy;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.reconcile.application.realtime.DiscrepancyStore;
import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import io.creditsuite.reconcile.domain.discrepancy.DiscrepancyState;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with discrepancies: read them, acknowledge, resolve by a corrective booking (checked against the
 * ledger), accept with a note. Input is validated before anything is read; every action is one transition, audited
 * by the aggregate, in one transaction. Served over Dubbo as {@link DiscrepancyService}.
 */
public class DiscrepancyDesk {
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern VOUCHER = Pattern.compile("[A-Za-z0-9#._:-]{1,64}");
    private static final Set<String> STATES = Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED");

    private final DiscrepancyStore store;
    private final DiscrepancyReads reads;
    private final CorrectiveVouchers vouchers;
    private final Clock clock;

    public DiscrepancyDesk(DiscrepancyStore store, DiscrepancyReads reads, CorrectiveVouchers vouchers, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DiscrepancyView> discrepancies(String state, String ruleId, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw invalid("state must be OPEN, ACKNOWLEDGED or RESOLVED, not " + state);
        }
        if (ruleId != null && !ACTOR.matcher(ruleId).matches()) {
            throw invalid("ruleId must be 1..64 letters, digits or ._@-");
        }
        if (limit < 1 || limit > DiscrepancyService.MAX_PAGE) {
            throw invalid("limit must be 1.." + DiscrepancyService.MAX_PAGE + ", not " + limit);
        }
        return reads.list(state, ruleId, limit);
    }

    @Transactional(readOnly = true)
    public DiscrepancyView discrepancy(long id) {
        return reads.byId(id).orElseThrow(() -> unknown(id));
    }

    @Transactional
    public DiscrepancyView acknowledge(long id, String who, String note) {
        return act(id, who, note(note, false), d -> d.acknowledge(who, note, clock.instant()));
    }

    @Transactional
    public DiscrepancyView resolveByBooking(long id, String who, String voucherNo) {
        if (voucherNo == null || !VOUCHER.matcher(voucherNo).matches()) {
            throw invalid("voucherNo must be 1..64 letters, digits or #._:-");
        }
        return act(id, who, voucherNo, d -> {
            if (d.state() != DiscrepancyState.RESOLVED && !vouchers.posted(voucherNo)) {
                throw new ApiException(ErrorCode.CORRECTIVE_VOUCHER_UNKNOWN, "the ledger has no posting " + voucherNo);
            }
            d.fixedByBooking(who, voucherNo, clock.instant());
        });
    }

    @Transactional
    public DiscrepancyView accept(long id, String who, String note) {
        return act(id, who, note(note, true), d -> d.accepted(who, note, clock.instant()));
    }

    private DiscrepancyView act(long id, String who, String checkedInput, Consumer<Discrepancy> action) {
        if (who == null || !ACTOR.matcher(who).matches()) {
            throw invalid("who must be 1..64 letters, digits or ._@-");
        }
        DiscrepancyStore.Located found = store.lockById(id).orElseThrow(() -> unknown(id));
        try {
            action.accept(found.discrepancy());
        } catch (IllegalStateException e) {
            throw new ApiException(ErrorCode.DISCREPANCY_STATE_CONFLICT, e.getMessage());
        }
        store.save(found.discrepancy(), found.context());
        return reads.byId(id).orElseThrow();
    }

    private static String note(String note, boolean required) {
        if ((required && (note == null || note.isBlank())) || (note != null && note.length() > 2000)) {
            throw invalid(required ? "a note (1..2000 characters) must say why it is accepted"
                    : "a note is at most 2000 characters");
        }
        return note;
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, detail);
    }

    private static ApiException unknown(long id) {
        return new ApiException(ErrorCode.DISCREPANCY_UNKNOWN, "no discrepancy " + id);
    }
}
