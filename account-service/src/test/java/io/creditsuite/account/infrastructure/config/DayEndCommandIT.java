package io.creditsuite.account.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.application.RunDayEndCutoverHandler;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.DayEndService;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The day-end command's work (without its JVM exit), in the ledger ITs' shared context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DayEndCommandIT extends LedgerItSupport {

    @Autowired
    RunDayEndCutoverHandler cutover;
    @Autowired
    DayEndSteps steps;
    @Autowired
    DayEndService dayEnd;

    @Test
    void the_command_closes_the_date_in_force_by_default_and_a_named_date_again_is_a_no_op() {
        openCustomer();
        LocalDate t = LocalDate.parse(dayEnd.accountingDate());

        DayEndCutover closed = DayEndConfiguration.runCommand("", cutover, steps);

        assertThat(closed.closedDate()).isEqualTo(t);
        assertThat(closed.completed()).isTrue();
        assertThat(dayEnd.accountingDate()).isEqualTo(t.plusDays(1).toString());
        assertThat(DayEndConfiguration.runCommand(t.toString(), cutover, steps)).isEqualTo(closed);
        assertThat(dayEnd.accountingDate()).isEqualTo(t.plusDays(1).toString());
    }
}
