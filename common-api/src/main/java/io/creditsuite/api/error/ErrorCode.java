package io.creditsuite.api.error;

/**
 * Every error credit-suite can return, with its stable code, HTTP status and default message.
 *
 * <p>Codes are published API: a code is never renamed, never reused and never changes its
 * meaning. Ranges: {@code CS-1xxx} common, {@code CS-2xxx} credit, {@code CS-3xxx} account,
 * {@code CS-4xxx} approval, {@code CS-5xxx} reconcile, {@code CS-6xxx} gateway.
 */
public enum ErrorCode {
    INVALID_ARGUMENT("CS-1000", 400, "A request field is missing or malformed"),
    REQUEST_ID_REUSED("CS-1001", 409, "The request id was already used with a different body"),
    REQUEST_IN_PROGRESS("CS-1002", 409, "A request with this id is still being processed"),
    NOT_FOUND("CS-1003", 404, "The requested resource does not exist"),
    DOWNSTREAM_UNAVAILABLE("CS-1004", 503, "A service this request depends on is unavailable"),
    RATE_LIMITED("CS-1005", 429, "Too many requests; retry later"),
    INTERNAL_ERROR("CS-1099", 500, "Unexpected internal error"),

    // credit-service (CS-2xxx)
    CREDIT_CUSTOMER_UNKNOWN("CS-2001", 404, "No credit customer with this id"),
    CREDIT_LINE_UNKNOWN("CS-2002", 404, "No credit line with this id"),
    LIMIT_NODE_UNKNOWN("CS-2003", 404, "No limit node with this id on this line"),
    HOLD_UNKNOWN("CS-2004", 404, "No hold with this id"),
    AMOUNT_INVALID("CS-2005", 400, "An amount is zero, negative or overflows"),
    CURRENCY_MISMATCH("CS-2006", 400, "The currency is not the line's currency"),
    USE_EXCEEDS_HOLD("CS-2007", 409, "The use exceeds what is frozen in the hold"),
    RETURN_EXCEEDS_USED("CS-2008", 409, "The return exceeds what is in use in the hold"),
    DISBURSE_EXCEEDS_IN_TRANSIT("CS-2009", 409, "The disbursement exceeds what is in transit in the hold"),
    LINE_EXPIRED("CS-2010", 409, "The credit line is outside its term"),
    LINE_FROZEN("CS-2011", 409, "The credit line is frozen"),
    LINE_CLEARED("CS-2012", 409, "The credit line is cleared"),
    HOLD_EXPIRED("CS-2013", 409, "The hold has expired"),
    LIMIT_INSUFFICIENT("CS-2014", 409, "Used plus frozen would exceed the limit of a node on the path"),
    LIMIT_BELOW_EXPOSURE("CS-2015", 409, "The limit would fall below what is used and frozen"),
    GRANT_EXCEEDS_PARENT("CS-2016", 409, "The granted limits would exceed the parent limit they are controlled by"),
    CREDIT_LINE_EXISTS("CS-2017", 409, "A credit line with this id already exists"),
    MAKER_CANNOT_CHECK("CS-2018", 403, "The maker of a change cannot approve it"),
    APPROVAL_UNKNOWN("CS-2019", 404, "No pending approval with this id"),
    APPROVAL_DECIDED("CS-2020", 409, "The approval was already decided"),
    LINE_STATE_CONFLICT("CS-2021", 409, "The line is not in a state that allows this action"),
    PARENT_NODE_INVALID("CS-2022", 400, "The parent node does not fit the line's limit type"),
    NOTHING_FROZEN("CS-2023", 409, "The hold has nothing frozen"),

    // credit-service warnings, replay, import and reports (CS-2100..CS-2129)
    CSV_ROW_INVALID("CS-2100", 400, "A row of the imported CSV is malformed; nothing was imported"),
    IMPORT_FLOW_REJECTED("CS-2101", 409, "An imported flow breaks a limit rule on replay; nothing was imported"),
    IMPORT_FLOW_EXISTS("CS-2102", 409, "An imported flow's request id is in the flow log already; nothing was imported"),
    REPORT_PERIOD_INVALID("CS-2103", 400, "The report period is invalid (from after to)"),
    REPLAY_LOG_INVALID("CS-2104", 409, "The flow log breaks a limit rule on replay"),
    REPAYMENT_DUE_INVALID("CS-2105", 400, "The repayment due is malformed"),
    NODE_OUT_OF_SYNC("CS-2106", 409, "A node's stored balances differ from its flows; replay and correct it first"),

    PROBE_FAILED("CS-1900", 500, "A wiring probe did not reach the expected outcome");

    private final String code;
    private final int httpStatus;
    private final String message;

    ErrorCode(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}
