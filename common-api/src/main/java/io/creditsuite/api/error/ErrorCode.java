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

    PROBE_FAILED("CS-1900", 500, "A wiring probe did not reach the expected outcome"),

    // credit-service (CS-2xxx)
    CREDIT_CUSTOMER_UNKNOWN("CS-2001", 404, "No credit customer with this id"),
    CREDIT_LINE_UNKNOWN("CS-2002", 404, "No credit line with this id"),
    LIMIT_NODE_UNKNOWN("CS-2003", 404, "No limit node with this id on this line"),
    HOLD_UNKNOWN("CS-2004", 404, "No hold with this id"),
    AMOUNT_INVALID("CS-2005", 400, "An amount is zero, negative or overflows"),
    CREDIT_CURRENCY_MISMATCH("CS-2006", 400, "The currency is not the line's currency"),
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
    TERM_END_INVALID("CS-2024", 400, "The renewed term must end after the current term end and after now"),
    HOLD_IN_GLOBAL_TRANSACTION("CS-2025", 409,
            "The hold was opened by a TCC try and belongs to its global transaction until phase two (confirm or cancel)"),
    CREDIT_AMOUNT_OVERFLOW("CS-2026", 422,
            "An amount, a balance or a sum of limits would exceed the largest amount a limit node can hold"),

    // credit-service lending: loans, repayments, partners' customers (CS-2200..CS-2249)
    LOAN_UNKNOWN("CS-2200", 404, "No loan with this id"),
    LOAN_STATE_CONFLICT("CS-2201", 409, "The loan is not in a state that allows this action"),
    REPAYMENT_EXCEEDS_OUTSTANDING("CS-2202", 409, "The repaid principal exceeds the loan's principal outstanding"),
    LENDING_PARTNER_UNKNOWN("CS-2203", 404, "No lending partner with this id"),
    LENDING_PARTNER_CONFLICT("CS-2204", 409, "The lending partner is registered with other settings"),

    // credit-service warnings, replay, import and reports (CS-2100..CS-2129)
    CSV_ROW_INVALID("CS-2100", 400, "A row of the imported CSV is malformed; nothing was imported"),
    IMPORT_FLOW_REJECTED("CS-2101", 409, "An imported flow breaks a limit rule on replay; nothing was imported"),
    IMPORT_FLOW_EXISTS("CS-2102", 409, "An imported flow's request id is in the flow log already; nothing was imported"),
    REPORT_PERIOD_INVALID("CS-2103", 400, "The report period is invalid (from after to)"),
    REPLAY_LOG_INVALID("CS-2104", 409, "The flow log breaks a limit rule on replay"),
    REPAYMENT_DUE_INVALID("CS-2105", 400, "The repayment due is malformed"),
    NODE_OUT_OF_SYNC("CS-2106", 409, "A node's stored balances differ from its flows; replay and correct it first"),

    // account-service (CS-3xxx): the ledger
    ACCOUNT_NOT_FOUND("CS-3001", 404, "The account does not exist"),
    LEDGER_CURRENCY_MISMATCH("CS-3002", 422, "A leg's currency differs from its account's currency"),
    AMOUNT_NOT_POSITIVE("CS-3003", 400, "An amount must be greater than zero"),
    AMOUNT_OVERFLOW("CS-3004", 422, "An amount or a balance would overflow"),
    POSTING_UNBALANCED("CS-3005", 422, "The debits and credits of a posting differ in a currency"),
    ACCOUNT_CLOSED("CS-3006", 422, "The account is closed"),
    ACCOUNT_FROZEN("CS-3007", 422, "The account is frozen"),
    INSUFFICIENT_BALANCE("CS-3008", 422, "The balance is not enough for this outflow"),
    VOUCHER_REUSED("CS-3009", 409, "The voucher was already posted with a different body"),
    ENTRY_ALREADY_REVERSED("CS-3010", 409, "The posting was already reversed"),
    VOUCHER_NOT_FOUND("CS-3011", 404, "No posting has this voucher"),
    POSTING_MALFORMED("CS-3012", 400, "The posting's legs are malformed"),
    LEDGER_BUSY("CS-3013", 503, "The ledger could not apply the posting in time; retry with the same voucher"),
    TRANSFER_REUSED("CS-3014", 409, "The transfer id was already used with a different body"),
    TRANSFER_ROLLED_BACK("CS-3015", 409, "The transfer branch was already rolled back; this late try is refused"),

    // account-service day-end cutover (日切), CS-3100..CS-3119
    CUTOVER_DATE_NOT_NEXT("CS-3100", 409, "The cutover date is not the accounting date in force"),
    CUTOVER_PREVIOUS_INCOMPLETE("CS-3101", 409, "An earlier day-end cutover has not completed; rerun it first"),
    CUTOVER_INTERRUPTED("CS-3102", 503, "The day-end cutover stopped midway; rerun it to resume"),
    END_OF_DAY_BALANCE_NOT_FOUND("CS-3103", 404, "No end-of-day balance exists for this account and date"),

    // account-service status maintenance (freeze, unfreeze, close), CS-3120..CS-3139
    ACCOUNT_STATUS_TRANSITION_ILLEGAL("CS-3120", 409, "The account's status does not allow this change"),
    ACCOUNT_CLOSED_FINAL("CS-3121", 409, "The account is closed; a closed account cannot be reopened or changed"),
    ACCOUNT_NOT_EMPTY("CS-3122", 409, "The account still holds money, a hold, money in transit or pending details; it cannot be closed"),

    // approval-service (CS-4xxx). Ranges while issue 12 is built: review chain 4020-4039, checks 4040-4059,
    // workbench 4060-4069.
    APPLICATION_UNKNOWN("CS-4001", 404, "No credit application with this id"),
    APPLICATION_NOT_AWAITING_INFO("CS-4002", 409, "The application is not waiting for more information"),
    REVIEW_TASK_UNKNOWN("CS-4003", 404, "No open review task with this id"),
    REVIEW_TASK_TAKEN("CS-4004", 409, "The review task is claimed by someone else"),
    FOUR_EYES_VIOLATION("CS-4005", 403, "This person already acted on this application; another reviewer must act"),
    APPROVED_AMOUNT_RAISED("CS-4006", 409, "A stage cannot approve more than the previous stage approved"),
    REVIEW_ROLE_MISSING("CS-4007", 403, "The staff member's role does not allow this action"),
    REASON_CODE_REQUIRED("CS-4008", 400, "A rejection or send-back needs a reason code"),
    APPLICATION_NOT_IN_REVIEW("CS-4009", 409, "The application is not waiting at this review stage"),
    RULE_EXPRESSION_INVALID("CS-4010", 400, "A rule or scorecard expression does not compile in the sandbox"),
    VERSION_IN_USE("CS-4011", 409, "A version in use is never edited; publish a new version instead"),
    BLACKLIST_ENTRY_UNKNOWN("CS-4012", 404, "No blacklist entry with this id"),
    IDENTITY_NUMBER_INVALID("CS-4013", 400, "The identity number is not a valid ID card number or social credit code"),
    STAFF_UNKNOWN("CS-4014", 404, "No staff member with this user name"),
    CALLBACK_URL_INVALID("CS-4015", 400, "The callback URL must be an absolute https URL"),

    // reconcile: BCP discrepancies (CS-5xxx)
    DISCREPANCY_UNKNOWN("CS-5001", 404, "No discrepancy with this id"),
    DISCREPANCY_STATE_CONFLICT("CS-5002", 409, "The discrepancy's state does not allow this action"),
    CORRECTIVE_VOUCHER_UNKNOWN("CS-5003", 422, "The ledger has no posting with this corrective voucher"),
    BCP_RULE_INVALID("CS-5004", 400, "A BCP rule is malformed or one of its expressions does not compile in the sandbox"),
    BCP_RULE_UNKNOWN("CS-5005", 404, "No BCP rule with this id"),
    FULL_CHECK_UNKNOWN("CS-5010", 404, "No full check run with this id"),
    FULL_CHECK_BUSY("CS-5011", 409, "A full check is running; start another when it has finished"),

    // gateway: the partner API's edge (CS-6xxx)
    SIGNATURE_MISSING("CS-6001", 401, "The request has no CS1-HMAC-SHA256 Authorization header, or it lacks a part"),
    SIGNATURE_INVALID("CS-6002", 401, "The signature does not match the request, or the key is unknown or revoked"),
    TIMESTAMP_OUT_OF_WINDOW("CS-6003", 401, "The signed timestamp is more than 5 minutes from the gateway's clock"),
    NONCE_REPLAYED("CS-6004", 401, "The nonce was already used inside the timestamp window"),
    SCOPE_DENIED("CS-6005", 403, "The partner's key is not allowed this operation"),
    IDEMPOTENCY_KEY_MISSING("CS-6006", 400, "A POST needs an Idempotency-Key header (1 to 64 printable characters)"),
    IDEMPOTENCY_KEY_REUSED("CS-6007", 422, "The Idempotency-Key was already used with a different request"),
    IDEMPOTENCY_KEY_IN_PROGRESS("CS-6008", 409, "A request with this Idempotency-Key is still being processed"),
    BODY_TOO_LARGE("CS-6009", 413, "The request body exceeds the gateway's limit"),
    MEDIA_TYPE_UNSUPPORTED("CS-6010", 415, "The request body must be application/json"),
    AMOUNT_MALFORMED("CS-6011", 400,
            "An amount must be a decimal string with at most the currency's minor digits, positive and in range"),
    CURRENCY_UNKNOWN("CS-6012", 400, "The currency is not an ISO 4217 code the suite supports"),
    OPERATOR_TOKEN_INVALID("CS-6013", 401, "The operator endpoint needs a valid X-Operator-Token"),
    PARTNER_UNKNOWN("CS-6014", 404, "No partner with this id"),
    PARTNER_KEY_LIMIT("CS-6015", 409, "The partner already has two active keys; revoke one first"),
    CALLBACK_UNKNOWN("CS-6016", 404, "No callback delivery with this event id");

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
