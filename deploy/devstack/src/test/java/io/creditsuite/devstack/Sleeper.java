package io.creditsuite.devstack;

/** A process that only waits to be stopped: stands in for a component in the unit tests. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping");
        Thread.sleep(Long.MAX_VALUE);
    }
}
