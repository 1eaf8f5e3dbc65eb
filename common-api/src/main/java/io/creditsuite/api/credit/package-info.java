/**
 * credit-service's API: credit lines on a limit DAG (授信额度). Amounts are {@code long} minor units with an
 * explicit ISO currency; times are epoch milliseconds (UTC); every command carries the caller's request id
 * (at most 64 characters): a retry returns the original result, the same id with another body is
 * {@code REQUEST_ID_REUSED}.
 */
package io.creditsuite.api.credit;
