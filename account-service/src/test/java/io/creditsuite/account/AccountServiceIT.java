package io.creditsuite.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** account-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class AccountServiceIT extends ServiceContractIT {
    AccountServiceIT() {
        super("account-service", AccountPingService.class, "mq_consumed", "tcc_fence_log", "tcc_probe_branch",
                "account", "journal_entry", "pending_credit", "accounting_calendar", "tcc_transfer",
                "day_end_cutover", "end_of_day_balance", "account_status_change", "buffered_refusal");
    }

    /**
     * The ledger's operational gauges and the fence's unfinished TCC branches are served, and the database-backed
     * ones hold numbers, not NaN.
     */
    @Test
    void the_ledgers_operational_metrics_are_served_with_values_read_from_the_database() throws Exception {
        HttpResponse<String> answer = send(request("/actuator/prometheus"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body().lines().filter(line -> line.matches("ledger_(hot_lanes|hot_queued|hot_batches_total"
                + "|hot_batched_postings_total|buffered_backlog|day_end_last_completed_timestamp_seconds"
                + "|day_end_running_seconds)\\{.*} [0-9.E]+|tcc_branches_(unfinished|suspended)\\{.*} [0-9.E]+"))
                .map(line -> line.substring(0, line.indexOf('{'))))
                .containsExactlyInAnyOrder("ledger_hot_lanes", "ledger_hot_queued", "ledger_hot_batches_total",
                        "ledger_hot_batched_postings_total", "ledger_buffered_backlog",
                        "ledger_day_end_last_completed_timestamp_seconds", "ledger_day_end_running_seconds",
                        "tcc_branches_unfinished", "tcc_branches_suspended");
    }
}
