package io.creditsuite.api.credit;

/** The expected business outcomes of a limit operation; everything else is an {@code ApiException}. */
public enum LimitOutcome { ACCEPTED, LIMIT_INSUFFICIENT }
