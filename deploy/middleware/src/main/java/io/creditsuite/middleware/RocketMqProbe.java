package io.creditsuite.middleware;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;

/**
 * Asks a RocketMQ name server what it knows, over one plain socket with RocketMQ's own frame
 * codec. A real request, but without the Netty client's thread pools, so polling it every
 * 100 ms while a broker starts costs nothing.
 */
final class RocketMqProbe implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5000;
    private static final int MAX_FRAME = 16 * 1024 * 1024;

    /** The cluster table of the name server at {@code host:port}; throws if it does not answer. */
    ClusterInfo clusterInfo(String nameServerAddress) throws IOException {
        RocketMqSupport.prepareJvm();
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null);
        RemotingCommand response = call(nameServerAddress, request);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IOException("name server " + nameServerAddress + " answered code " + response.getCode()
                    + ": " + response.getRemark());
        }
        ClusterInfo info = response.getBody() == null ? new ClusterInfo()
                : ClusterInfo.decode(response.getBody(), ClusterInfo.class);
        return info;
    }

    /** The master address of broker {@code brokerName} as registered at the name server. */
    Optional<String> brokerAddress(String nameServerAddress, String brokerName) throws IOException {
        Map<String, BrokerData> brokers = clusterInfo(nameServerAddress).getBrokerAddrTable();
        if (brokers == null || !brokers.containsKey(brokerName)) {
            return Optional.empty();
        }
        return Optional.ofNullable(brokers.get(brokerName).getBrokerAddrs().get(0L));
    }

    @Override
    public void close() {
        // stateless: one socket per call
    }

    private static RemotingCommand call(String address, RemotingCommand request) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("name server address must be host:port, was " + address);
        }
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteBuffer frame = request.encode();
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            // frame: 4-byte total length, then header length + header + body
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            if (length <= 0 || length > MAX_FRAME) {
                throw new IOException("implausible RocketMQ frame length " + length + " from " + address);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            try {
                return RemotingCommand.decode(ByteBuffer.wrap(payload));
            } catch (Exception e) {
                throw new IOException("cannot decode the answer of " + address, e);
            }
        }
    }
}
