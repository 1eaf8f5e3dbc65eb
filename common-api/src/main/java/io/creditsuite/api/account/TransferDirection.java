package io.creditsuite.api.account;

/** OUT: money leaves the account (TransOut); IN: money arrives (TransIn). */
public enum TransferDirection {
    OUT, IN
}
