package io.creditsuite.devstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every port the stack binds, with the devstack default. The key is what a person types:
 * {@code --port gateway=9080} or {@code DEVSTACK_PORT_GATEWAY=9080}.
 *
 * <p>The RocketMQ broker also listens on {@code broker - 2} (its "fast" channel); that port is
 * derived, not configured, and checked like the others before anything starts.
 */
public enum PortName {
    DB("db", 3306, "MariaDB"),
    ZOOKEEPER("zookeeper", 2181, "ZooKeeper"),
    NAMESRV("namesrv", 9876, "RocketMQ name server"),
    BROKER("broker", 10911, "RocketMQ broker"),
    BROKER_HA("broker-ha", 10912, "RocketMQ broker HA"),
    SEATA("seata", 8091, "Seata TC"),
    SEATA_CONSOLE("seata-console", 7091, "Seata TC console"),
    SEATA_METRICS("seata-metrics", 9898, "Seata TC metrics"),
    ALERTMANAGER("alertmanager", 9093, "Alertmanager HTTP"),
    PROMETHEUS("prometheus", 9090, "Prometheus HTTP"),
    GATEWAY("gateway", 8080, "gateway HTTP"),
    GATEWAY_DUBBO("gateway-dubbo", 20880, "gateway Dubbo"),
    CREDIT("credit", 8081, "credit-service HTTP"),
    CREDIT_DUBBO("credit-dubbo", 20881, "credit-service Dubbo"),
    ACCOUNT("account", 8082, "account-service HTTP"),
    ACCOUNT_DUBBO("account-dubbo", 20882, "account-service Dubbo"),
    APPROVAL("approval", 8083, "approval-service HTTP"),
    APPROVAL_DUBBO("approval-dubbo", 20883, "approval-service Dubbo"),
    RECONCILE("reconcile", 8084, "reconcile-service HTTP"),
    RECONCILE_DUBBO("reconcile-dubbo", 20884, "reconcile-service Dubbo");

    private final String key;
    private final int defaultPort;
    private final String label;

    PortName(String key, int defaultPort, String label) {
        this.key = key;
        this.defaultPort = defaultPort;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** What the port is, for messages: "port 8080 (gateway HTTP) is in use". */
    public String label() {
        return label;
    }

    /** The environment variable that sets it, e.g. {@code DEVSTACK_PORT_GATEWAY_DUBBO}. */
    public String environmentVariable() {
        return "DEVSTACK_PORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static Optional<PortName> byKey(String key) {
        return Arrays.stream(values()).filter(name -> name.key.equals(key)).findFirst();
    }
}
