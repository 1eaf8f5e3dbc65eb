package io.creditsuite.credit.application;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.EdgeKind;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.FlowType;
import io.creditsuite.credit.domain.GrantControlPolicy;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.LimitType;
import io.creditsuite.credit.domain.LineStatus;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.NodeLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants a line: the entry point the approval flow calls. Creates the line's nodes (limit type, business types,
 * products) with USAGE edges between its levels, hangs the limit-type node under the shared parent by the edge
 * its control mechanism calls for, and gives the nodes their limits by one GRANT flow, audited.
 */
public class GrantLineHandler {
    private final MaintenanceSupport support;
    private final LimitDirectory directory;
    private final NodeTreeQueryHandler tree;

    public GrantLineHandler(MaintenanceSupport support, LimitDirectory directory, NodeTreeQueryHandler tree) {
        this.support = support;
        this.directory = directory;
        this.tree = tree;
    }

    @Transactional
    public GrantLineResult handle(GrantLineRequest request) {
        if (request == null || request.limitType() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a grant needs a limit type");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String hash = Requests.bodyHash(request);
        if (support.earlier(requestId, hash).isPresent()) {
            return result(requestId, request.lineId());
        }
        String actor = Requests.requireId(request.actor(), "actor");
        String reason = Requests.requireText(request.reason(), "reason", 500);
        String lineId = Requests.requireId(request.lineId(), "lineId");
        Requests.requireCurrency(request.currency());
        Requests.requireId(request.subjectId(), "subjectId");
        for (String customerId : List.of(Requests.requireId(request.grantorId(), "grantorId"),
                Requests.requireId(request.holderId(), "holderId"))) {
            directory.customer(customerId).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_CUSTOMER_UNKNOWN,
                    "no credit customer " + customerId));
        }
        if (request.termEndEpochMillis() <= request.termStartEpochMillis()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the term must end after it starts");
        }
        BigDecimal rate = Rates.parse(request.rate());
        Requests.requireNotNegative(request.fixedLimitMinor(), "fixedLimitMinor");
        Requests.requireNotNegative(request.temporaryLimitMinor(), "temporaryLimitMinor");
        Instant temporaryExpiresAt = temporaryExpiresAt(request);
        if (request.temporaryLimitMinor() > 0 && temporaryExpiresAt == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a temporary limit needs its expiry");
        }
        LimitType type = LimitType.valueOf(request.limitType().name());
        LimitNode parent = parent(request, type);

        CreditLine line = new CreditLine(lineId, request.grantorId(), request.holderId(), type, request.currency(),
                request.subjectId(), Instant.ofEpochMilli(request.termStartEpochMillis()),
                Instant.ofEpochMilli(request.termEndEpochMillis()), request.revolving(), rate, LineStatus.ACTIVE, null);
        if (!support.store().insertLine(line, requestId)) {
            throw new ApiException(ErrorCode.CREDIT_LINE_EXISTS, "credit line " + lineId + " exists already");
        }
        List<NodeDelta> grants = new ArrayList<>();
        long root = support.store().insertNode(lineId, NodeLevel.LIMIT_TYPE, null, null, line.revolving(), line.currency());
        grants.add(NodeDelta.limits(root, request.fixedLimitMinor(), request.temporaryLimitMinor(), temporaryExpiresAt));
        if (parent != null) {
            support.store().insertEdge(root, parent.nodeId(), type.mechanism().parentEdge());
        }
        Set<String> businessTypes = new HashSet<>();
        for (BusinessTypeGrant business : request.businessTypes() == null ? List.<BusinessTypeGrant>of()
                : request.businessTypes()) {
            String code = Requests.requireId(business.businessType(), "businessType");
            if (!businessTypes.add(code)) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "business type " + code + " is listed twice");
            }
            long node = support.store().insertNode(lineId, NodeLevel.BUSINESS_TYPE, code, null, line.revolving(),
                    line.currency());
            support.store().insertEdge(node, root, EdgeKind.USAGE);
            grants.add(NodeDelta.limits(node, Requests.requireNotNegative(business.fixedLimitMinor(), "fixedLimitMinor"),
                    0, null));
            Set<String> products = new HashSet<>();
            for (ProductGrant product : business.products() == null ? List.<ProductGrant>of() : business.products()) {
                String productCode = Requests.requireId(product.productCode(), "productCode");
                if (!products.add(productCode)) {
                    throw new ApiException(ErrorCode.INVALID_ARGUMENT, "product " + productCode + " is listed twice");
                }
                long productNode = support.store().insertNode(lineId, NodeLevel.PRODUCT, code, productCode,
                        line.revolving(), line.currency());
                support.store().insertEdge(productNode, node, EdgeKind.USAGE);
                grants.add(NodeDelta.limits(productNode, Requests.requireNotNegative(product.fixedLimitMinor(),
                        "fixedLimitMinor"), 0, null));
            }
        }
        support.applyChange(requestId, hash, new LimitOperation.Deltas(FlowType.GRANT, grants, root),
                grants.stream().map(NodeDelta::nodeId).toList(),
                new FlowHeader(lineId, line.grantorId(), line.holderId(), line.currency(), 0, 0,
                        Requests.traceId(requestId)));
        support.audit(requestId, lineId, "GRANT", actor, null, "none",
                line.describe() + " fixed=" + request.fixedLimitMinor() + " temporary=" + request.temporaryLimitMinor()
                        + " parent=" + (parent == null ? "none" : parent.nodeId()), reason, hash);
        return result(requestId, lineId);
    }

    /**
     * The shared node the line hangs under. A vendor credit-sale line must hang under an upstream's guarantee
     * (its uses occupy it); a grant-controlled line's limit, fixed plus temporary in force, must fit in what its parent
     * has not granted yet ({@link GrantControlPolicy}).
     */
    private LimitNode parent(GrantLineRequest request, LimitType type) {
        if (request.parentNodeId() == null) {
            if (type == LimitType.VENDOR_CREDIT_SALE) {
                throw new ApiException(ErrorCode.PARENT_NODE_INVALID,
                        "a vendor credit-sale line hangs under an upstream's guarantee node; none given");
            }
            return null;
        }
        LimitNode parent = directory.node(request.parentNodeId()).orElseThrow(() -> new ApiException(
                ErrorCode.LIMIT_NODE_UNKNOWN, "no limit node " + request.parentNodeId()));
        if (!parent.currency().equals(request.currency())) {
            throw new ApiException(ErrorCode.CREDIT_CURRENCY_MISMATCH, "parent node " + parent.nodeId() + " is in "
                    + parent.currency() + ", the line in " + request.currency());
        }
        CreditLine parentLine = directory.line(parent.lineId()).orElseThrow();
        if (type == LimitType.VENDOR_CREDIT_SALE && parentLine.limitType() != LimitType.GUARANTEE) {
            throw new ApiException(ErrorCode.PARENT_NODE_INVALID, "node " + parent.nodeId() + " is a "
                    + parentLine.limitType() + " node, not a guarantee");
        }
        if (type.mechanism().parentEdge() == EdgeKind.GRANT) {
            // under the parent's row lock (held to the commit, taken before this grant writes anything): grants
            // under one parent check and add their children one at a time, so
            // sum(fixed of the parent's GRANT children) <= the parent's limit holds under any concurrency. In READ
            // COMMITTED the sum below, read after the lock, sees every grant that held it before.
            Balances locked = support.store().lockNode(parent.nodeId()).orElseThrow();
            Instant now = support.clock().instant();
            try {
                long carved = GrantControlPolicy.carvedAt(new Balances(request.fixedLimitMinor(),
                        request.temporaryLimitMinor(), temporaryExpiresAt(request), 0, 0, 0, 0), now);
                GrantControlPolicy.requireRoomFor(parent.nodeId(), directory.grantedUnder(parent.nodeId(), now), carved,
                        locked.limitAt(now));
            } catch (LimitRejection rejection) {
                throw Requests.toApi(rejection);
            } catch (ArithmeticException overflow) {
                throw Requests.toApi(new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW,
                        "node " + parent.nodeId() + "'s limit overflows"));
            }
        }
        return parent;
    }

    private static Instant temporaryExpiresAt(GrantLineRequest request) {
        return request.temporaryExpiresAtEpochMillis() == null ? null
                : Instant.ofEpochMilli(request.temporaryExpiresAtEpochMillis());
    }

    private GrantLineResult result(String requestId, String lineId) {
        return new GrantLineResult(requestId, lineId, tree.handle(new NodeTreeQuery(NodeScope.LINE, lineId)));
    }
}
