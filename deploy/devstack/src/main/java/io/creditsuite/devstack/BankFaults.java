package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import java.io.PrintStream;
import java.util.List;

/**
 * The faults of a bank test run, done on their own thread while the clients run ({@link BankKills}: SIGKILL of every
 * component; {@link RollingRestarts}: SIGTERM and restart of every service in turn). The clients keep going until
 * {@link #run} returns.
 */
interface BankFaults {

    /** Does the faults; times are measured from {@code startedNanos} ({@link System#nanoTime} when the run began). */
    void run(long startedNanos);

    void printPlan(PrintStream out);

    /** Whether every fault was done and the component came back (and, for a graceful stop, how it stopped). */
    List<Check> checks();

    void printTable(PrintStream out);

    /** The run's name in the last line, {@code BENCH <name> ...}. */
    String benchName();

    /** What the last line says of the faults, e.g. {@code kills=8}. */
    String benchFields();
}
