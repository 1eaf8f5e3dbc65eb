package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditsuite.devstack.smoke.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The running devstack gateway's flow limits ({@code data/gateway/flow-limits.json}, which the gateway reads again
 * within 2 s of a change) given one partner key a rate of its own ({@code perPartnerQps[keyId]}), and put back as they
 * were by {@link #close}. Each version is written whole to a temporary file and moved over the old one, so the
 * gateway never reads half a file. In force once the gateway logged limits that name the key.
 */
final class FlowLimitsFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN_FORCE = "flow limits in force";

    private final StackSettings settings;
    private final Path file;
    private final String original;

    private FlowLimitsFile(StackSettings settings, Path file, String original) {
        this.settings = settings;
        this.file = file;
        this.original = original;
    }

    /**
     * Gives {@code keyId} its own {@code qps} and returns once the gateway has the new limits in force.
     *
     * @throws DevstackException when the file is missing or the gateway did not take the limits within {@code within}
     */
    static FlowLimitsFile partnerRate(StackSettings settings, String keyId, double qps, Duration within)
            throws InterruptedException {
        Path file = ComponentLaunchers.flowLimitsFile(settings);
        if (!Files.isRegularFile(file)) {
            throw new DevstackException(ExitCode.FAILED, "no flow limits file " + file + ": is the gateway running?");
        }
        try {
            String original = Files.readString(file, StandardCharsets.UTF_8);
            ObjectNode limits = (ObjectNode) JSON.readTree(original);
            limits.withObject("/perPartnerQps").put(keyId, qps);
            FlowLimitsFile changed = new FlowLimitsFile(settings, file, original);
            changed.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(limits));
            Poll.Outcome<List<String>> taken = Poll.until(changed::inForceLines,
                    lines -> lines.stream().anyMatch(line -> line.contains(keyId + "=")), within, Duration.ofMillis(250));
            if (!taken.satisfied()) {
                changed.close();
                throw new DevstackException(ExitCode.FAILED, "the gateway did not take the flow limits of " + file
                        + " within " + within.toSeconds() + " s; see " + settings.logFile(Component.GATEWAY));
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change " + file, e);
        }
    }

    /** Puts the limits back as they were before (the gateway reads them again within 2 s). */
    @Override
    public void close() {
        write(original);
    }

    private void write(String json) {
        try {
            Path next = Files.createTempFile(file.getParent(), "flow-limits", ".tmp");
            Files.writeString(next, json, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The gateway's log lines saying which limits it put in force. */
    private List<String> inForceLines() {
        try (var lines = Files.lines(settings.logFile(Component.GATEWAY), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(IN_FORCE)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
