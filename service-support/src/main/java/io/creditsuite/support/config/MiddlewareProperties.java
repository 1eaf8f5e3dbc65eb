package io.creditsuite.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds its middleware ({@code credit-suite.middleware.*}). Defaults, in
 * {@code credit-suite-defaults.yml}, point at what the devstack starts on this machine; the
 * {@code prod} profile reads them from the environment. Dubbo, Seata, RocketMQ and the data
 * source take their addresses from here, so one setting moves all of them.
 *
 * @param dbHost        MySQL/MariaDB host (default {@code 127.0.0.1})
 * @param dbPort        its port (default {@code 3306})
 * @param dbUser        user (default {@code root} locally)
 * @param dbPassword    password (default empty locally)
 * @param zookeeper     ZooKeeper {@code host:port} of the local registry (default {@code 127.0.0.1:2181})
 * @param nameServer    RocketMQ name server {@code host:port} (default {@code 127.0.0.1:9876})
 * @param seataTc       Seata TC {@code host:port} when the file registry is used (default {@code 127.0.0.1:8091})
 * @param nacos         Nacos {@code host:port}, used by the {@code prod} profile
 * @param advertiseHost the address Dubbo registers (default {@code 127.0.0.1}; empty means the machine's own)
 */
@ConfigurationProperties("credit-suite.middleware")
public record MiddlewareProperties(String dbHost, int dbPort, String dbUser, String dbPassword, String zookeeper,
                                   String nameServer, String seataTc, String nacos, String advertiseHost) {
}
