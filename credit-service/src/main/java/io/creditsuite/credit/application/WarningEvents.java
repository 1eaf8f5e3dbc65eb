package io.creditsuite.credit.application;

import io.creditsuite.api.credit.WarningView;

/** Sends a warning's event (KEYS = its warning key); false when the broker did not take it. */
public interface WarningEvents {
    boolean publish(WarningView warning);
}
