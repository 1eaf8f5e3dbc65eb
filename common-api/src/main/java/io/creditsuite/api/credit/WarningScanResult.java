package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** The warnings this scan raised (not those already raised today) and how many events it published. */
public record WarningScanResult(List<WarningView> raised, int published) implements Serializable {
}
