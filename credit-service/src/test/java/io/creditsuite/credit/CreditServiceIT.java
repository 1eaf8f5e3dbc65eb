package io.creditsuite.credit;

import io.creditsuite.api.ping.CreditPingService;
import io.creditsuite.support.it.ServiceContractIT;

/** credit-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class CreditServiceIT extends ServiceContractIT {
    CreditServiceIT() {
        super("credit-service", CreditPingService.class,
                "mq_consumed", "tcc_fence_log", "tcc_probe_branch", "tcc_probe_run", "mq_probe_message",
                "credit_customer", "credit_line", "limit_node", "limit_edge", "credit_hold", "credit_flow",
                "credit_flow_entry", "credit_audit", "credit_approval",
                "credit_balance_correction", "credit_flow_import", "credit_warning", "credit_repayment_due",
                "credit_business_cap");
    }
}
