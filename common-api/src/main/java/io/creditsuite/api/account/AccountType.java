package io.creditsuite.api.account;

/**
 * What an account is in the books. The type fixes the account's normal side: a debit raises an
 * ASSET or EXPENSE balance, a credit raises a LIABILITY or INCOME balance.
 */
public enum AccountType {
    /** e.g. a clearing account at a payment channel (待清算), a loan receivable, a payout account */
    ASSET,
    /** e.g. a customer's or a partner's balance (个人余额) */
    LIABILITY,
    /** e.g. interest income, merchant service fee income */
    INCOME,
    EXPENSE
}
