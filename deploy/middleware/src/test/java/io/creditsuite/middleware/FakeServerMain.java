package io.creditsuite.middleware;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A stand-in process for {@link ProcessLauncherTest}: {@code listen <port>} opens a port and
 * prints READY; {@code die <code>} prints a few lines and exits; both say goodbye on SIGTERM.
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("goodbye from the shutdown hook")));
        switch (args[0]) {
            case "listen" -> {
                try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[1]), 10,
                        InetAddress.getByName(Ports.LOOPBACK))) {
                    System.out.println("READY fake port=" + socket.getLocalPort());
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            case "die" -> {
                for (int i = 1; i <= 5; i++) {
                    System.out.println("dying, step " + i);
                }
                System.exit(Integer.parseInt(args[1]));
            }
            case "ignore-term" -> {
                // a process that hangs in its shutdown hook: only SIGKILL ends it
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException ignored) {
                        // never
                    }
                }));
                System.out.println("READY stubborn");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
