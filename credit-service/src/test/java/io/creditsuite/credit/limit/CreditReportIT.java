package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditReportService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ReportDimension;
import io.creditsuite.api.credit.ReportQuery;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 统计: balances at the period's ends and the period's occurrence, by customer, business type and limit type. */
class CreditReportIT extends CreditLimitITSupport {
    @Autowired
    CreditReportService reports;

    @Test
    void a_period_reports_opening_and_closing_balances_and_what_occurred_in_it() throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        String downstream = customer(CustomerSource.DEALER, null, null);
        String businessType = id("bt");
        GrantLineResult guarantee = guarantee(upstream, 1_000_000);
        GrantLineResult line = grant(upstream, downstream, LimitType.VENDOR_CREDIT_SALE, 10_000, root(guarantee), true,
                List.of(new BusinessTypeGrant(businessType, 10_000, List.of())));
        long leaf = businessType(line);
        long start = nextMillisecond();

        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 3_000, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 2_000, CNY));
        long middle = nextMillisecond();
        nextMillisecond();
        limits.disburse(new DisburseRequest(id("r"), hold.holdId(), 1_500, CNY));
        limits.repay(new ReturnRequest(id("r"), hold.holdId(), 1_000, CNY));
        limits.unfreeze(new UnfreezeRequest(id("r"), hold.holdId()));
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 500, CNY));
        long end = System.currentTimeMillis() + 1;

        ReportRow customer = row(new ReportQuery(start, end, ReportDimension.CUSTOMER), downstream);
        assertThat(customer).isEqualTo(new ReportRow(ReportDimension.CUSTOMER.name(), downstream, CNY, 0, 1_500, 0, 0, 3_000,
                1_000, 2_500, 1_500, 1_000, 6));
        LimitNodeView stored = node(line.lineId(), root(line));
        assertThat(customer.closingUsedMinor()).as("closing = stored").isEqualTo(stored.usedMinor());

        ReportRow byBusinessType = row(new ReportQuery(middle, end, ReportDimension.BUSINESS_TYPE), businessType);
        assertThat(byBusinessType).isEqualTo(new ReportRow(ReportDimension.BUSINESS_TYPE.name(), businessType, CNY, 2_000, 1_500,
                1_000, 0, 0, 1_000, 500, 1_500, 1_000, 4));

        ReportRow upstreamGuarantee = row(new ReportQuery(start, end, ReportDimension.CUSTOMER), upstream);
        assertThat(upstreamGuarantee.closingUsedMinor()).as("the downstream's use occupies the upstream's guarantee")
                .isEqualTo(1_500);

        long later = end + 60_000;
        for (String type : List.of("GUARANTEE", "VENDOR_CREDIT_SALE")) {
            ReportRow byType = row(new ReportQuery(0, later, ReportDimension.LIMIT_TYPE), type);
            assertThat(byType.closingUsedMinor()).as(type + " closing = the stored used of its limit-type nodes")
                    .isEqualTo(jdbc.queryForObject("SELECT SUM(n.in_transit_minor + n.in_use_minor) FROM limit_node n"
                            + " JOIN credit_line l ON l.line_id = n.line_id WHERE n.level = 'LIMIT_TYPE' AND l.limit_type = ?"
                            + " AND n.currency = 'CNY'", Long.class, type));
            assertThat(byType.openingUsedMinor()).isZero();
        }

        ReportRow empty = row(new ReportQuery(end, end, ReportDimension.CUSTOMER), downstream);
        assertThat(empty.openingUsedMinor()).isEqualTo(empty.closingUsedMinor()).isEqualTo(1_500);
        assertThat(empty.flowCount()).isZero();
    }

    @Test
    void a_bad_period_gets_its_error_code() {
        assertThat(codeOf(() -> reports.report(new ReportQuery(2, 1, ReportDimension.CUSTOMER))))
                .isEqualTo(ErrorCode.REPORT_PERIOD_INVALID);
        assertThat(codeOf(() -> reports.report(new ReportQuery(1, 2, null)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> reports.report(null))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    /**
     * A millisecond strictly after every flow written so far (their times are the same system clock's): a poll until
     * the clock moves, not a sleep that hopes it has.
     */
    private static long nextMillisecond() {
        long now = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > now);
        return System.currentTimeMillis();
    }

    private ReportRow row(ReportQuery query, String key) {
        return reports.report(query).stream().filter(r -> r.groupKey().equals(key) && r.currency().equals(CNY))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " in " + reports.report(query)));
    }
}
