package io.creditsuite.seatatc;

/**
 * Starts seata-server's {@code io.seata.server.ServerApplication}, optionally tied to a parent.
 *
 * <p>With {@code -Dcreditsuite.parent-pid=<pid>} the TC exits as soon as that process is gone.
 * Tests start the TC as a child JVM; if the test JVM is killed (SIGKILL, a crashed fork) its
 * shutdown hook never runs, and without this watchdog the TC would keep its port and ~300 MB
 * until someone noticed. The devstack does not set the property: its TC outlives the CLI.
 */
public final class SeataTcMain {

    private SeataTcMain() {
    }

    public static void main(String[] args) throws Exception {
        String parentPid = System.getProperty("creditsuite.parent-pid");
        if (parentPid != null && !parentPid.isBlank()) {
            watchParent(Long.parseLong(parentPid.trim()));
        }
        Class.forName("io.seata.server.ServerApplication")
                .getMethod("main", String[].class)
                .invoke(null, (Object) args);
    }

    private static void watchParent(long pid) {
        ProcessHandle parent = ProcessHandle.of(pid).orElse(null);
        if (parent == null || !parent.isAlive()) {
            System.err.println("parent process " + pid + " is gone; not starting the TC");
            System.exit(3);
        }
        // onExit() polls /proc for non-children; System.exit runs the TC's shutdown hooks
        parent.onExit().thenRun(() -> {
            System.err.println("parent process " + pid + " exited; stopping the TC");
            System.exit(0);
        });
    }
}
