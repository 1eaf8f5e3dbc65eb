package io.creditsuite.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code devstack.properties}: the ports of the stack last started in a working directory.
 * {@code up} writes it before starting anything; {@code status} and {@code smoke} read it, so
 * they find a stack started on other ports (or free ones) without being told again.
 */
final class StateFile {

    private StateFile() {
    }

    static void write(StackSettings settings) {
        Properties properties = new Properties();
        settings.ports().writeTo(properties);
        properties.setProperty("started-at", Instant.now().toString());
        Path file = settings.stateFile();
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "credit-suite devstack: ports of the stack started in this directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The ports recorded in {@code workDir}, if a stack was ever started there. */
    static Optional<StackPorts> read(Path stateFile, StackPorts fallback) {
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
        try {
            return Optional.of(StackPorts.readFrom(properties, fallback));
        } catch (IllegalArgumentException e) {
            throw new DevstackException(ExitCode.USAGE, stateFile + " is damaged (" + e.getMessage()
                    + "); delete it and start the stack again");
        }
    }
}
