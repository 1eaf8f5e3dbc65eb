package io.creditsuite.api.probe;

import java.io.Serializable;

/** @param probeId caller-made id, unique per probe run; also the business key of every branch */
public record TccProbeRequest(String probeId, TccProbeScenario scenario) implements Serializable {
}
