package io.creditsuite.middleware;

import java.net.URL;
import java.nio.file.Path;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * JVM-wide settings RocketMQ reads once, in static initialisers, so they must be set before the
 * first RocketMQ class that uses them is loaded (by this module or by a service's client).
 */
public final class RocketMqSupport {

    /** System property holding the directory of RocketMQ's logs (used by our rmq logback config). */
    public static final String LOG_DIR_PROPERTY = "creditsuite.rocketmq.log.dir";
    /** RocketMQ's shaded logback reads its configuration from here before its own defaults. */
    static final String LOGBACK_CONFIG_PROPERTY = "rmq.logback.configurationFile";
    static final String LOGBACK_CONFIG_RESOURCE = "io/creditsuite/middleware/rmq-logback.xml";

    private RocketMqSupport() {
    }

    /**
     * Sets what RocketMQ needs before it starts:
     * <ul>
     *   <li>{@code rocketmq.remoting.version}: without it an in-process broker and client each
     *       assume a default version and the client finds "No route info of this topic" for
     *       30-55 s (verified);</li>
     *   <li>RocketMQ's log configuration, so its logs go to {@code logDir} instead of
     *       {@code ~/logs/rocketmqlogs};</li>
     *   <li>{@code tls.server.mode=disabled}: the default "permissive" mode builds a self-signed
     *       TLS context for each name server and broker, 2-10 s each on this hardware, for
     *       connections that never use TLS on loopback.</li>
     * </ul>
     * Values set earlier (by a caller or on the command line) win. Safe to call repeatedly.
     */
    public static synchronized void prepareJvm(Path logDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null && logDir != null) {
            System.setProperty(LOG_DIR_PROPERTY, logDir.toAbsolutePath().toString());
        }
        prepareJvm();
    }

    /** {@link #prepareJvm(Path)} without choosing a log directory (our config then uses the temp dir). */
    public static synchronized void prepareJvm() {
        if (System.getProperty(RemotingCommand.REMOTING_VERSION_KEY) == null) {
            System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        }
        if (System.getProperty(TlsSystemConfig.TLS_SERVER_MODE) == null) {
            System.setProperty(TlsSystemConfig.TLS_SERVER_MODE, "disabled");
        }
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            // RocketMQ's configurator takes a URL here, not a classpath resource name
            URL config = RocketMqSupport.class.getClassLoader().getResource(LOGBACK_CONFIG_RESOURCE);
            if (config != null) {
                System.setProperty(LOGBACK_CONFIG_PROPERTY, config.toString());
            }
        }
    }
}
