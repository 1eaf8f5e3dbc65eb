package io.creditsuite.gateway.infrastructure.web.partner;

/** Texts shared by the partner controllers' OpenAPI annotations (annotation values must be constants). */
final class PartnerApiDocs {
    static final String SECURITY_SCHEME = "CS1-HMAC-SHA256";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_KEY_DOC = "Required on every POST: 1 to 64 printable ASCII characters, unique per "
            + "partner. The same key with the same body replays the first response (kept at least 24 h); with another "
            + "body it is 422 CS-6007; while the first is still running, 409 CS-6008. Passed to the services as the request id.";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String ID_PATTERN = "^[A-Za-z0-9_.:-]{1,64}$";

    static final String CUSTOMER_EXAMPLE = """
            {"customerId":"C-7f3a9c","partnerCustomerRef":"cust-0001","name":"Zhang San","currency":"CNY","onboardedAt":"2026-12-02T08:30:00Z"}""";
    static final String LOAN_EXAMPLE = """
            {"loanId":"LN-9d2e41","customerId":"C-7f3a9c","lineId":"L-2026-0001","productNodeId":42,"amount":"5000.00",\
            "currency":"CNY","payeeAccount":"6222020200112233","status":"DISBURSING","refusal":null,\
            "principalOutstanding":"5000.00","repaidPrincipal":"0.00","createdAt":"2026-12-02T08:31:00.120Z","disbursedAt":null}""";
    static final String REFUSED_EXAMPLE = """
            {"type":"urn:credit-suite:error:CS-2014","title":"Used plus frozen would exceed the limit of a node on the path",\
            "status":422,"detail":"node 7 (guarantee): available 1200.00 < 5000.00","code":"CS-2014","requestId":"req-1",\
            "traceId":null,"outcome":"REFUSED","refusal":"LIMIT_INSUFFICIENT","loan":{"loanId":"LN-9d2e42","status":"REFUSED",\
            "refusal":"LIMIT_INSUFFICIENT","amount":"5000.00","currency":"CNY","principalOutstanding":"0.00"}}""";
    static final String REFUSED_DOC = "The drawdown was refused and rolled back: nothing is frozen anywhere and no money "
            + "moved. `outcome` = REFUSED, `refusal` names the reason and `code` is its stable code: LIMIT_INSUFFICIENT "
            + "CS-2014, LINE_FROZEN CS-2011, LINE_EXPIRED CS-2010, LINE_CLEARED CS-2012, FUNDING_INSUFFICIENT CS-3008, "
            + "FUNDING_ACCOUNT_FROZEN / LOAN_ACCOUNT_FROZEN CS-3007. `loan` is the refused loan record (status REFUSED) "
            + "when one was made. (refusal UNAVAILABLE is answered 503 CS-1004 with the same members.)";
    static final String REPAYMENT_RESULT_EXAMPLE = """
            {"repayment":{"repaymentId":"RP-51c0aa","loanId":"LN-9d2e41","principal":"1000.00","interest":"12.50",\
            "currency":"CNY","payerAccount":"6222020200112233","voucherNo":"RPY-LN-9d2e41-1","repaidAt":"2026-12-20T10:00:00Z"},\
            "loan":{"loanId":"LN-9d2e41","customerId":"C-7f3a9c","lineId":"L-2026-0001","productNodeId":42,"amount":"5000.00",\
            "currency":"CNY","payeeAccount":"6222020200112233","status":"ACTIVE","refusal":null,"principalOutstanding":"4000.00",\
            "repaidPrincipal":"1000.00","createdAt":"2026-12-02T08:31:00.120Z","disbursedAt":"2026-12-02T08:31:01.005Z"}}""";
    static final String HOLD_EXAMPLE = """
            {"holdId":"H-88c1f0","outcome":"ACCEPTED","detail":null}""";
    static final String LIMITS_EXAMPLE = """
            {"customerId":"C-7f3a9c","lines":[{"lineId":"L-2026-0001","currency":"CNY","nodes":[{"nodeId":42,\
            "lineId":"L-2026-0001","limitType":"REVOLVING","level":"PRODUCT","businessType":null,"productCode":"CONSUMER-LOAN",\
            "usageParentIds":[7],"grantParentIds":[7],"currency":"CNY","limit":"50000.00","used":"5000.00","inTransit":"0.00",\
            "inUse":"5000.00","frozen":"300.00","available":"44700.00"}]}]}""";
    static final String STATEMENT_EXAMPLE = """
            {"customerId":"C-7f3a9c","accountId":1001,"entries":[{"version":1,"voucherNo":"DRW-LN-9d2e41","legNo":1,\
            "postingType":"LOAN_DISBURSEMENT","side":"DEBIT","amount":"5000.00","currency":"CNY","balanceBefore":"0.00",\
            "balanceAfter":"5000.00","accountingDate":"2026-12-02","reversal":false}],"nextAfterVersion":null}""";

    private PartnerApiDocs() {
    }
}
