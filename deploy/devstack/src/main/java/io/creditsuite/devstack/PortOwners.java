package io.creditsuite.devstack;

import io.creditsuite.middleware.ProcessLauncher;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Best effort, Linux only: which process listens on a TCP port, so that "port 3306 is in use"
 * can say by whom (often a stack from another working directory, or an orphaned mariadbd).
 * Reads {@code /proc/net/tcp*} for the socket's inode, then finds the process holding it.
 * Returns empty wherever /proc is missing or unreadable; the caller still reports the port.
 */
final class PortOwners {

    private static final String LISTEN = "0A";
    private static final int MAX_DESCRIPTION = 120;

    private PortOwners() {
    }

    static Optional<String> describe(int port) {
        try {
            Set<String> inodes = listeningInodes(port);
            if (inodes.isEmpty()) {
                return Optional.empty();
            }
            return findHolder(inodes).map(PortOwners::describeProcess);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> listeningInodes(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static Optional<Long> findHolder(Set<String> inodes) throws IOException {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                Path fds = process.resolve("fd");
                try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fds)) {
                    for (Path descriptor : descriptors) {
                        String target = Files.readSymbolicLink(descriptor).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(target.substring(8, target.length() - 1))) {
                            return Optional.of(Long.parseLong(process.getFileName().toString()));
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // a process that ended meanwhile, or one we may not look into
                }
            }
        }
        return Optional.empty();
    }

    private static String describeProcess(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        String marker = "-D" + ProcessLauncher.PROCESS_MARKER_PROPERTY + "=";
        String what = handle.flatMap(h -> h.info().arguments())
                .flatMap(args -> java.util.Arrays.stream(args).filter(arg -> arg.startsWith(marker)).findFirst())
                .map(arg -> "the " + arg.substring(marker.length()) + " of a credit-suite stack")
                .orElseGet(() -> handle.flatMap(h -> h.info().commandLine()).orElse("unknown command"));
        String description = "pid " + pid + ": " + what;
        return description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) + "..." : description;
    }
}
