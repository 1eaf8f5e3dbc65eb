package io.creditsuite.middleware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;

/**
 * A RocketMQ 5.5 name server in this JVM, the way RocketMQ's own integration tests run it.
 * Its small config files live in {@code dir}, not in {@code ~/namesrv}.
 */
public final class RocketMqNameServer implements EmbeddedComponent {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final int port;
    private final NamesrvController controller;

    private RocketMqNameServer(int port, NamesrvController controller) {
        this.port = port;
        this.controller = controller;
    }

    /** Starts a name server on {@code port}; returns once it answers a cluster-info request. */
    public static RocketMqNameServer start(int port, Path dir) {
        Ports.requireValid(port, "RocketMQ name server port");
        Path home = dir.toAbsolutePath();
        RocketMqSupport.prepareJvm(home.resolve("logs"));
        NamesrvController controller = null;
        try {
            Files.createDirectories(home);
            NamesrvConfig config = new NamesrvConfig();
            config.setRocketmqHome(home.toString());
            config.setKvConfigPath(home.resolve("kvConfig.json").toString());
            config.setConfigStorePath(home.resolve("namesrv.properties").toString());
            NettyServerConfig server = new NettyServerConfig();
            server.setBindAddress(Ports.LOOPBACK);
            server.setListenPort(port);
            controller = new LoopbackNamesrvController(config, server);
            if (!controller.initialize()) {
                throw new IllegalStateException("NamesrvController.initialize() returned false");
            }
            controller.start();
            RocketMqNameServer nameServer = new RocketMqNameServer(port, controller);
            Readiness.await("rocketmq-namesrv", Readiness.nameServer(nameServer.address()), READY_TIMEOUT);
            return nameServer;
        } catch (Exception e) {
            if (controller != null) {
                controller.shutdown();
            }
            if (e instanceof ComponentStartException start) {
                throw start;
            }
            throw new ComponentStartException("rocketmq-namesrv", "did not start on port " + port + ": " + e, e);
        }
    }

    /** {@code 127.0.0.1:port}, the form of {@code rocketmq.name-server}. */
    public String address() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    public String name() {
        return "rocketmq-namesrv";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        controller.shutdown();
    }

    /**
     * The name server keeps a client to itself, which RocketMQ points at the machine's first
     * non-loopback address. Ours listens on loopback only, so that client would knock on the
     * network interface and be refused; this start() is the one of RocketMQ 5.5.0 with the
     * loopback address instead. (TLS is disabled, so there is no file watcher to start.)
     */
    private static final class LoopbackNamesrvController extends NamesrvController {

        LoopbackNamesrvController(NamesrvConfig config, NettyServerConfig server) {
            super(config, server);
        }

        @Override
        public void start() {
            getRemotingServer().start();
            getRemotingClient().updateNameServerAddressList(
                    List.of(Ports.LOOPBACK + ":" + getNettyServerConfig().getListenPort()));
            getRemotingClient().start();
            getRouteInfoManager().start();
        }
    }
}
