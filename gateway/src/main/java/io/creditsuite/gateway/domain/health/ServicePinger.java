package io.creditsuite.gateway.domain.health;

/** Port: pings one downstream service. Implementations never throw; failure is a {@link ServiceCheck}. */
public interface ServicePinger {
    String service();

    ServiceCheck ping();
}
