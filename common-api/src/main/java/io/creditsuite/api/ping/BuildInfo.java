package io.creditsuite.api.ping;

import java.io.Serializable;

/**
 * What a running service says about itself; returned by every {@link PingService}.
 *
 * @param service             logical service name, e.g. {@code credit-service}
 * @param version             artifact version
 * @param gitCommit           short commit id the artifact was built from, or {@code unknown}
 * @param startedAtEpochMilli when the process started
 * @param javaVersion         runtime version, for support
 */
public record BuildInfo(String service, String version, String gitCommit, long startedAtEpochMilli,
                        String javaVersion) implements Serializable {
}
