package io.creditsuite.credit.infrastructure.lending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.lending.LendingEvents;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import io.creditsuite.support.requestid.RequestIds;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Lending's events into the transactional outbox (topic {@value #TOPIC}, KEYS = the loan or repayment id, ordered per
 * customer), appended inside the transaction of the fact. When no {@link Outbox} bean exists (a build without the
 * outbox), each event is logged instead, so the service still starts; the facts themselves do not depend on it.
 * Payload schema version {@value #SCHEMA} (docs/events.md, "Lending events"): amounts in minor units, times ISO-8601
 * UTC instants as in every other event of the topic. Each payload names both sides of its fact, so a reconciler can
 * match it without knowing how ids are derived: credit's flow request id (the KEYS of the CREDIT_HOLD_* event) and
 * the ledger's voucher and accounts (LEDGER_TRANSFER_CONFIRMED, LEDGER_LOAN_REPAID).
 */
public class OutboxLendingEvents implements LendingEvents {
    public static final String TOPIC = "CS_CREDIT_EVENTS";
    static final int SCHEMA = 1;
    private static final Logger log = LoggerFactory.getLogger(OutboxLendingEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<Outbox> outbox;
    private final Clock clock;

    public OutboxLendingEvents(ObjectProvider<Outbox> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void drawdownCommitted(Loan loan, LendingPartner partner, PartnerCustomer customer) {
        Map<String, Object> body = loanBody(loan, partner, customer);
        body.put("creditRequestId", HoldOperationHandler.confirmRequestId(loan.holdId()));
        body.put("ledgerVoucherNo", ledgerVoucherOf(loan));
        body.put("occurredAt", clock.instant().toString());
        append("LOAN_DRAWDOWN_COMMITTED", loan.loanId(), loan.customerId(), body);
    }

    @Override
    public void drawdownRefused(Loan loan) {
        Map<String, Object> body = loanBody(loan, null, null);
        body.put("refusal", loan.refusal().reason().name());
        body.put("refusalDetail", loan.refusal().detail());
        body.put("occurredAt", clock.instant().toString());
        append("LOAN_DRAWDOWN_REFUSED", loan.loanId(), loan.customerId(), body);
    }

    @Override
    public void disbursed(Loan loan, LendingPartner partner, PartnerCustomer customer) {
        Map<String, Object> body = loanBody(loan, partner, customer);
        body.put("creditRequestId", loan.disburseRequestId());
        body.put("ledgerVoucherNo", ledgerVoucherOf(loan));
        body.put("principalOutstandingMinor", loan.principalOutstandingMinor());
        body.put("occurredAt", loan.disbursedAt().toString());
        append("LOAN_DISBURSED", loan.loanId(), loan.customerId(), body);
    }

    @Override
    public void repaid(Repayment repayment, Loan loan, LendingPartner partner, PartnerCustomer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repaymentId", repayment.repaymentId());
        body.put("loanId", loan.loanId());
        body.put("partnerId", loan.partnerId());
        body.put("customerId", loan.customerId());
        body.put("lineId", loan.terms().lineId());
        body.put("holdId", loan.holdId());
        body.put("creditRequestId", repayment.returnRequestId());
        body.put("voucherNo", repayment.voucherNo());
        body.put("fundingAccountId", partner.fundingAccountId());
        body.put("loanAccountId", customer.loanAccountId());
        body.put("interestIncomeAccountId", partner.interestIncomeAccountId());
        body.put("payerAccount", repayment.payerAccount());
        body.put("principalMinor", repayment.principalMinor());
        body.put("interestMinor", repayment.amounts().interestMinor());
        body.put("currency", repayment.amounts().currency());
        body.put("repaidPrincipalMinor", loan.repaidPrincipalMinor());
        body.put("principalOutstandingMinor", loan.principalOutstandingMinor());
        body.put("loanStatus", loan.status().name());
        body.put("createdAt", repayment.createdAt().toString());
        body.put("occurredAt", repayment.settledAt().toString());
        append("LOAN_REPAID", repayment.repaymentId(), loan.customerId(), body);
    }

    private static Map<String, Object> loanBody(Loan loan, LendingPartner partner, PartnerCustomer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loanId", loan.loanId());
        body.put("partnerId", loan.partnerId());
        body.put("customerId", loan.customerId());
        body.put("lineId", loan.terms().lineId());
        body.put("productNodeId", loan.terms().productNodeId());
        body.put("holdId", loan.holdId());
        body.put("transferId", loan.transferId());
        if (partner != null) {
            body.put("fundingAccountId", partner.fundingAccountId());
        }
        if (customer != null) {
            body.put("loanAccountId", customer.loanAccountId());
        }
        body.put("payeeAccount", loan.terms().payeeAccount());
        body.put("amountMinor", loan.amountMinor());
        body.put("currency", loan.terms().currency());
        body.put("status", loan.status().name());
        body.put("xid", loan.xid());
        body.put("createdAt", loan.createdAt().toString());
        return body;
    }

    /** The journal voucher of the ledger's confirm of the loan's funding transfer (account-service's TCC naming). */
    private static String ledgerVoucherOf(Loan loan) {
        return "#TCC-" + loan.transferId() + "-OUT";
    }

    private void append(String eventType, String businessKey, String orderingKey, Map<String, Object> body) {
        String traceId = RequestIds.current();
        body.put("traceId", traceId);
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + eventType + " " + businessKey + " cannot be written as JSON", e);
        }
        Outbox target = outbox.getIfAvailable();
        if (target == null) {
            log.info("lending event (no outbox in this build) {} {} {}", eventType, businessKey, json);
            return;
        }
        target.append(new OutboxMessage(TOPIC, eventType, SCHEMA, businessKey, orderingKey, json, traceId));
    }
}
