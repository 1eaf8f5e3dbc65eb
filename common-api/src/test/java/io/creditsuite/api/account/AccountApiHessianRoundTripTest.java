package io.creditsuite.api.account;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the account (ledger) API survives Dubbo's Hessian2 serialization unchanged. */
class AccountApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        JournalEntryView entry = new JournalEntryView(7, 1, 3, "v-1", 1, false, null, "RECHARGE", EntrySide.CREDIT,
                100, "CNY", 200, 300, "2026-11-22", "req-1", "a".repeat(64), "b".repeat(64), true);
        JournalEntryView pending = new JournalEntryView(8, 2, 0, "v-1", 2, true, 7L, "REVERSAL", EntrySide.DEBIT,
                100, "CNY", 0, 0, "2026-11-22", "", null, null, false);
        JournalEntryView sameSide = new JournalEntryView(9, 1, 4, "v-2", 1, false, null, "RECHARGE", EntrySide.CREDIT,
                5, "CNY", 300, 305, "2026-11-22", "req-2", "b".repeat(64), "c".repeat(64), true);
        JournalEntryView otherPending = new JournalEntryView(10, 2, 0, "v-3", 2, false, null, "WITHDRAW", EntrySide.DEBIT,
                9, "CNY", 0, 0, "2026-11-22", "", null, null, false);
        return Stream.of(
                new LegRequest(1, EntrySide.DEBIT, 100, "CNY"),
                new PostingRequest("v-1", "CUSTOM", List.of(new LegRequest(1, EntrySide.DEBIT, 100, "CNY"),
                        new LegRequest(2, EntrySide.CREDIT, 100, "CNY"))),
                entry,
                pending,
                new PostingResult("v-1", PostingOutcome.POSTED, false, List.of(entry, pending)),
                new PostingResult("v-2", PostingOutcome.INSUFFICIENT_BALANCE, false, List.of()),
                new OpenAccountRequest("o", AccountType.ASSET, "CNY", 0, 500L, HotMode.BOTH, 8, 1_000),
                new OpenAccountRequest("o", AccountType.LIABILITY, "CNY", 10, null, HotMode.NORMAL, 0, 0),
                new AccountView(1, "o", AccountType.INCOME, "CNY", AccountStatus.FROZEN, 0, null,
                        HotMode.SUBTRACT_FREQUENT, 4, 10, 20, 30, 40, 30, 9),
                new StatementQuery(1, 0, 50),
                new StatementPage(1, List.of(entry), 3L),
                new StatementPage(1, List.of(), null),
                // sides repeat in one message (hessian-lite cannot read a repeated enum inside a record)
                new StatementPage(1, List.of(entry, sameSide, pending, otherPending), 4L),
                new PostingRequest("v-5", "LOAN_REPAY", List.of(new LegRequest(1, EntrySide.DEBIT, 107, "CNY"),
                        new LegRequest(2, EntrySide.CREDIT, 100, "CNY"), new LegRequest(3, EntrySide.CREDIT, 7, "CNY"))),
                new ChainReport(1, true, 10, null, null, null),
                new ChainReport(1, false, 3, 7L, 3L, "hash does not match"),
                new TemplateRequest("v-3", 1, 2, 99, "CNY"),
                new LoanRepayRequest("v-4", 1, 2, 3, 100, 7, "CNY"),
                new ReversalRequest("v-1", "keyed twice"),
                new TransferBranchRequest("t-1", 1, 2, 100, "CNY"),
                new TransferView("t-1", 1, 2, 100, "CNY", TransferDirection.OUT, TransferPhase.CONFIRMED, "xid-1"));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
