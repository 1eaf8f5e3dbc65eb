/**
 * Lending for partner institutions (放款 / 还款), provided by credit-service, which owns the loan record and
 * begins the Seata global transaction of a drawdown (its own hold as one TCC branch, account-service's TransOut
 * of the lender's funding account as the other). The gateway calls these interfaces on behalf of an
 * authenticated partner and passes that partner's id: every query and command is scoped to the partner, and
 * another partner's customer, loan or hold is answered as unknown (404), never as forbidden.
 *
 * <p>Amounts are {@code long} minor units with an explicit ISO 4217 currency; times are epoch milliseconds
 * (UTC); every command carries the caller's request id (at most 64 characters; the gateway passes the
 * partner's Idempotency-Key), unique per partner: a retry returns the original result, the same id with
 * another body is {@code REQUEST_ID_REUSED}.
 */
package io.creditsuite.api.lending;
