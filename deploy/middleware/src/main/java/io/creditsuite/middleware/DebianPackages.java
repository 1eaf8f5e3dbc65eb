package io.creditsuite.middleware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian packages a test needs (a headless browser, Alertmanager), installed on first use when the file they provide
 * is missing, so the README's one test command works on a fresh machine. Installing needs root and the Debian
 * mirrors; anywhere else the caller gets an error that names the packages to install by hand.
 */
public final class DebianPackages {
    private static final long INSTALL_MINUTES = 15;

    private DebianPackages() {
    }

    /**
     * Makes sure {@code provides} exists, installing {@code packages} with apt-get when it does not.
     *
     * @throws IllegalStateException when they cannot be installed; its message says how to install them
     */
    public static synchronized void ensure(Path provides, String... packages) {
        if (Files.isExecutable(provides)) {
            return;
        }
        String manual = "sudo apt-get install -y " + String.join(" ", packages);
        List<String> asRoot = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            if (!succeeds(List.of("sudo", "-n", "true"))) {
                throw new IllegalStateException(provides + " is missing; install it with: " + manual);
            }
            // passwordless sudo, as on CI runners; sudo drops the environment, so the frontend is passed again
            asRoot.addAll(List.of("sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"));
        }
        List<String> update = new ArrayList<>(asRoot);
        update.addAll(List.of("apt-get", "update", "-qq"));
        run(update, manual);
        List<String> install = new ArrayList<>(asRoot);
        install.addAll(List.of("apt-get", "install", "-y", "-qq"));
        install.addAll(List.of(packages));
        run(install, manual);
        if (!Files.isExecutable(provides)) {
            throw new IllegalStateException("installed " + String.join(" ", packages) + " but " + provides
                    + " is still missing");
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command, String manual) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + INSTALL_MINUTES
                        + " min; install by hand: " + manual);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "); install by hand: " + manual);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run apt-get (" + e.getMessage() + "); install by hand: " + manual,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing; install by hand: " + manual, e);
        }
    }
}
