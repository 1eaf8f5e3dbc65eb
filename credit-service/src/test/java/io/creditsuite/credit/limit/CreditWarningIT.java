package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.BusinessTypeCapRequest;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditWarningService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.RepaymentDueRequest;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.WarningKind;
import io.creditsuite.api.credit.WarningQuery;
import io.creditsuite.api.credit.WarningScanResult;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.middleware.Middleware;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 预警: a scan raises each warning once (per day for lasting conditions), keeps it as a queryable record and
 * publishes it on RocketMQ with KEYS = its warning key, received here by a real consumer on the real broker.
 */
class CreditWarningIT extends CreditLimitITSupport {
    private static final Map<String, String> RECEIVED = new ConcurrentHashMap<>();
    private static DefaultMQPushConsumer consumer;

    @Autowired
    CreditWarningService warnings;

    @BeforeAll
    static void aConsumer() throws Exception {
        Middleware.shared().createTopics(WarningView.TOPIC);
        consumer = new DefaultMQPushConsumer("credit-warning-it");
        consumer.setNamesrvAddr(Middleware.shared().nameServerAddress());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(WarningView.TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> RECEIVED.put(m.getKeys(), m.getTags()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    @AfterAll
    static void stopConsumer() {
        consumer.shutdown();
    }

    @Test
    void a_scan_raises_each_kind_once_keeps_it_queryable_and_publishes_it_keyed_by_its_warning_key() {
        long now = System.currentTimeMillis();
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        String downstream = customer(CustomerSource.DEALER, null, null);
        String businessType = id("wb");
        GrantLineResult guarantee = guarantee(upstream, 1_000_000);
        GrantLineResult expiring = maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "approved", id("line"),
                upstream, downstream, LimitType.VENDOR_CREDIT_SALE, CNY, "s", now - 60_000,
                now + Duration.ofDays(10).toMillis(), true, "0.04", 1_000, 0, null, root(guarantee),
                List.of(new BusinessTypeGrant(businessType, 1_000, List.of()))));
        GrantLineResult expired = maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "approved", id("line"),
                upstream, downstream, LimitType.GUARANTEE, CNY, "s", now - Duration.ofDays(20).toMillis(),
                now - Duration.ofDays(1).toMillis(), true, "0.04", 1_000, 0, null, null, List.of()));
        long leaf = businessType(expiring);
        LimitOperationResult use = limits.useDirect(new DirectUseRequest(id("r"), expiring.lineId(), leaf, 0, 960, CNY));
        limits.disburse(new DisburseRequest(id("r"), use.holdId(), 960, CNY));
        warnings.recordRepaymentDue(new RepaymentDueRequest(id("r"), use.holdId(), now - 86_400_000, 300, CNY));
        RepaymentDueRequest future = new RepaymentDueRequest(id("r"), use.holdId(), now + 86_400_000, 500, CNY);
        warnings.recordRepaymentDue(future);
        warnings.recordRepaymentDue(future);
        limits.repay(new ReturnRequest(id("r"), use.holdId(), 10, CNY));
        warnings.setBusinessTypeCap(new BusinessTypeCapRequest(businessType, CNY, 1_000));
        warnings.setBusinessTypeCap(new BusinessTypeCapRequest(businessType, CNY, 800));

        WarningScanResult first = warnings.scan();

        List<WarningView> ours = first.raised().stream().filter(w -> downstream.equals(w.customerId())
                || (businessType + "/CNY").equals(w.subject())).toList();
        assertThat(ours).extracting(WarningView::kind, WarningView::subject, WarningView::amountMinor)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(WarningKind.AVAILABLE_LOW.name(), String.valueOf(leaf), 50L),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.AVAILABLE_LOW.name(), String.valueOf(root(expiring)), 50L),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.LINE_EXPIRING.name(), expiring.lineId(), 0L),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.LINE_EXPIRED.name(), expired.lineId(), 0L),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.OVERDUE.name(), use.holdId(), 290L),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.BUSINESS_TYPE_OVER_CAP.name(), businessType + "/CNY", 150L));
        assertThat(first.published()).isGreaterThanOrEqualTo(ours.size());

        WarningScanResult second = warnings.scan();
        assertThat(second.raised()).as("raised once").doesNotContainAnyElementsOf(ours);

        List<WarningView> queried = warnings.warnings(new WarningQuery(null, downstream, now - 1, now + 600_000, 100));
        assertThat(queried).containsExactlyInAnyOrderElementsOf(ours.stream()
                .filter(w -> !w.kind().equals(WarningKind.BUSINESS_TYPE_OVER_CAP.name())).toList());
        assertThat(warnings.warnings(new WarningQuery(WarningKind.OVERDUE, downstream, now - 1, now + 600_000, 100)))
                .singleElement().satisfies(w -> assertThat(w.detail()).contains("300 due by now, 10 returned"));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(RECEIVED).containsAllEntriesOf(
                ours.stream().collect(java.util.stream.Collectors.toMap(WarningView::warningKey, WarningView::kind))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_warning WHERE published_at IS NULL AND warning_key IN ("
                + String.join(",", ours.stream().map(w -> "'" + w.warningKey() + "'").toList()) + ")", Long.class)).isZero();
    }

    @Test
    void bad_warning_inputs_get_their_error_codes_and_write_nothing() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        String downstream = customer(CustomerSource.DEALER, null, null);
        GrantLineResult line = vendorLine(upstream, downstream, root(guarantee(upstream, 10_000)), 1_000, true);
        LimitOperationResult use = limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 10, CNY));
        long dues = count("credit_repayment_due");
        long caps = count("credit_business_cap");
        long now = System.currentTimeMillis();

        assertThat(codeOf(() -> warnings.recordRepaymentDue(new RepaymentDueRequest(id("r"), "no-such-hold", now, 1, CNY))))
                .isEqualTo(ErrorCode.HOLD_UNKNOWN);
        assertThat(codeOf(() -> warnings.recordRepaymentDue(new RepaymentDueRequest(id("r"), use.holdId(), now, 0, CNY))))
                .isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> warnings.recordRepaymentDue(new RepaymentDueRequest(id("r"), use.holdId(), now, 1, "USD"))))
                .isEqualTo(ErrorCode.CREDIT_CURRENCY_MISMATCH);
        assertThat(codeOf(() -> warnings.recordRepaymentDue(new RepaymentDueRequest(id("r"), use.holdId(), 0, 1, CNY))))
                .isEqualTo(ErrorCode.REPAYMENT_DUE_INVALID);
        RepaymentDueRequest due = new RepaymentDueRequest(id("r"), use.holdId(), now, 1, CNY);
        warnings.recordRepaymentDue(due);
        assertThat(codeOf(() -> warnings.recordRepaymentDue(new RepaymentDueRequest(due.requestId(), use.holdId(), now, 2,
                CNY)))).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(codeOf(() -> warnings.setBusinessTypeCap(new BusinessTypeCapRequest("auto", CNY, -1))))
                .isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> warnings.setBusinessTypeCap(new BusinessTypeCapRequest("auto", "cny", 1))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> warnings.warnings(new WarningQuery(null, null, 2, 1, 10))))
                .isEqualTo(ErrorCode.REPORT_PERIOD_INVALID);
        assertThat(codeOf(() -> warnings.warnings(new WarningQuery(null, null, 1, 2, 0)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);

        assertThat(count("credit_repayment_due")).isEqualTo(dues + 1);
        assertThat(count("credit_business_cap")).isEqualTo(caps);
    }
}
