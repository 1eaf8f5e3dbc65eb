package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.gateway.domain.money.CurrencyUnit;
import io.creditsuite.gateway.domain.money.DecimalAmount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the services' views (minor units, epoch millis) into the partner's JSON (decimal strings, ISO-8601). */
final class PartnerViews {
    private PartnerViews() {
    }

    static PartnerJson.Customer customer(CustomerView view) {
        return new PartnerJson.Customer(view.customerId(), view.partnerCustomerRef(), view.name(), view.currency(),
                time(view.onboardedAtEpochMillis()));
    }

    /** Nodes grouped by line, lines and nodes in the order the service listed them. */
    static PartnerJson.CustomerLimits limits(String customerId, List<LimitNodeView> nodes) {
        Map<String, List<PartnerJson.LimitNode>> byLine = new LinkedHashMap<>();
        Map<String, String> lineCurrency = new LinkedHashMap<>();
        for (LimitNodeView node : nodes) {
            byLine.computeIfAbsent(node.lineId(), k -> new ArrayList<>()).add(node(node));
            lineCurrency.putIfAbsent(node.lineId(), node.currency());
        }
        List<PartnerJson.Line> lines = new ArrayList<>();
        byLine.forEach((lineId, lineNodes) -> lines.add(new PartnerJson.Line(lineId, lineCurrency.get(lineId), lineNodes)));
        return new PartnerJson.CustomerLimits(customerId, lines);
    }

    static PartnerJson.LimitNode node(LimitNodeView n) {
        CurrencyUnit unit = CurrencyUnit.iso(n.currency());
        return new PartnerJson.LimitNode(n.nodeId(), n.lineId(), n.limitType(), n.level(), n.businessType(),
                n.productCode(), n.usageParentIds(), n.grantParentIds(), n.currency(),
                amount(n.limitMinor(), unit), amount(n.usedMinor(), unit), amount(n.inTransitMinor(), unit),
                amount(n.inUseMinor(), unit), amount(n.frozenMinor(), unit), amount(n.availableMinor(), unit));
    }

    static PartnerJson.Statement statement(String customerId, StatementPage page) {
        List<PartnerJson.StatementEntry> entries = page.entries().stream().map(PartnerViews::entry).toList();
        return new PartnerJson.Statement(customerId, page.accountId(), entries, page.nextAfterVersion());
    }

    private static PartnerJson.StatementEntry entry(JournalEntryView e) {
        CurrencyUnit unit = CurrencyUnit.iso(e.currency());
        return new PartnerJson.StatementEntry(e.version(), e.voucherNo(), e.legNo(), e.postingType(), e.side(),
                amount(e.amountMinor(), unit), e.currency(), amount(e.balanceBeforeMinor(), unit),
                amount(e.balanceAfterMinor(), unit), e.accountingDate(), e.reversal());
    }

    static PartnerJson.Loan loan(LoanView l) {
        CurrencyUnit unit = CurrencyUnit.iso(l.currency());
        return new PartnerJson.Loan(l.loanId(), l.customerId(), l.lineId(), l.productNodeId(),
                amount(l.amountMinor(), unit), l.currency(), l.payeeAccount(), l.status(), l.refusal(),
                amount(l.principalOutstandingMinor(), unit), amount(l.repaidPrincipalMinor(), unit),
                time(l.createdAtEpochMillis()),
                l.disbursedAtEpochMillis() == null ? null : time(l.disbursedAtEpochMillis()));
    }

    static PartnerJson.Repayment repayment(RepaymentView r) {
        CurrencyUnit unit = CurrencyUnit.iso(r.currency());
        return new PartnerJson.Repayment(r.repaymentId(), r.loanId(), amount(r.principalMinor(), unit),
                amount(r.interestMinor(), unit), r.currency(), r.payerAccount(), r.voucherNo(),
                time(r.repaidAtEpochMillis()));
    }

    private static String amount(long minor, CurrencyUnit unit) {
        return DecimalAmount.format(minor, unit);
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
