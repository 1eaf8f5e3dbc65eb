package io.creditsuite.account;

import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.support.it.ServiceContractIT;

/** account-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class AccountServiceIT extends ServiceContractIT {
    AccountServiceIT() {
        super("account-service", AccountPingService.class, "mq_consumed", "tcc_fence_log", "tcc_probe_branch",
                "account", "journal_entry", "pending_credit", "accounting_calendar", "tcc_transfer",
                "day_end_cutover", "end_of_day_balance", "account_status_change", "buffered_refusal");
    }
}
