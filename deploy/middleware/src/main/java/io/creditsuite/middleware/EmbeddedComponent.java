package io.creditsuite.middleware;

/** A middleware component running inside this JVM (or owned by it, like mariadbd). */
public interface EmbeddedComponent extends AutoCloseable {

    /** Short name used in logs and messages, e.g. {@code "zookeeper"}. */
    String name();

    /** The port clients connect to on {@link Ports#LOOPBACK}. */
    int port();

    /** Stops the component. Idempotent; never throws (failures are logged). */
    @Override
    void close();
}
