package io.creditsuite.credit.domain.lending;

/** PENDING (recorded, the ledger may not have posted it yet) -> DONE (posted, limit returned) or FAILED (refused by the ledger). */
public enum RepaymentState { PENDING, DONE, FAILED }
