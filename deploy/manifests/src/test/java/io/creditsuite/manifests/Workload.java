package io.creditsuite.manifests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One container as a manifest declares it, in the terms the checks compare with the code.
 *
 * @param where        file and container, for the findings
 * @param image        the image reference as written
 * @param service      the credit-suite service it runs (from the image {@code credit-suite/<service>:tag}), if any
 * @param ports        container ports
 * @param environment  the environment variables given to it (values as written; secrets: their reference)
 * @param probes       health checks: path and port
 * @param stopGrace    how long the platform waits after SIGTERM before SIGKILL, if the manifest says
 * @param preStop      a pause before SIGTERM (Kubernetes preStop sleep), zero if none
 * @param scrapes      what a scraper is told to read from it (Kubernetes prometheus.io annotations)
 */
record Workload(String where, String image, Optional<String> service, Set<Integer> ports,
                Map<String, String> environment, List<Endpoint> probes, Optional<Duration> stopGrace,
                Duration preStop, List<Endpoint> scrapes) {

    /** An HTTP path on a port of the container. */
    record Endpoint(String path, int port) {
    }

    static final String OWN_IMAGE_PREFIX = "credit-suite/";

    /** The service an image of ours runs: {@code credit-suite/gateway:1.0} runs gateway. */
    static Optional<String> serviceOf(String image) {
        if (image == null || !image.startsWith(OWN_IMAGE_PREFIX)) {
            return Optional.empty();
        }
        String rest = image.substring(OWN_IMAGE_PREFIX.length());
        int colon = rest.indexOf(':');
        return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
    }
}
