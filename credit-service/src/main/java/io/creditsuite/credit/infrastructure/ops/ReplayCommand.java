package io.creditsuite.credit.infrastructure.ops;

import io.creditsuite.api.credit.CorrectionRequest;
import io.creditsuite.api.credit.CorrectionResult;
import io.creditsuite.api.credit.FieldDifference;
import io.creditsuite.api.credit.FlowImportRequest;
import io.creditsuite.api.credit.FlowImportResult;
import io.creditsuite.api.credit.NodeDifference;
import io.creditsuite.api.credit.ReplayReport;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.credit.application.CorrectBalancesHandler;
import io.creditsuite.credit.application.ImportFlowsHandler;
import io.creditsuite.credit.application.ReplayFlowLogHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The operator's replay commands (see README "Replay and CSV import"): {@code replay} prints every node whose stored
 * balances differ from its flows; {@code correct} applies the audited correction to the named nodes (or to every
 * differing node with {@code nodes=all}); {@code import} imports a CSV file of historical flows.
 * Exit codes: 0 done (replay: no differences), 1 replay found differences, 2 refused (the error code is printed).
 */
@Component
public class ReplayCommand {
    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int REFUSED = 2;
    static final String COMMAND_ARGUMENT = "--credit-suite.ops.command=";
    private static final List<String> COMMANDS = List.of("replay", "correct", "import");

    private final ReplayFlowLogHandler replay;
    private final CorrectBalancesHandler correct;
    private final ImportFlowsHandler importFlows;

    public ReplayCommand(ReplayFlowLogHandler replay, CorrectBalancesHandler correct, ImportFlowsHandler importFlows) {
        this.replay = replay;
        this.correct = correct;
        this.importFlows = importFlows;
    }

    /** {@code options}: request-id, actor, reason, nodes (comma-separated ids or "all"), file. */
    public int run(String command, Map<String, String> options, PrintStream out) {
        try {
            return switch (command) {
                case "replay" -> printReplay(replay.handle(), out);
                case "correct" -> {
                    List<Long> nodes = nodes(options.get("nodes"));
                    if (nodes.isEmpty() && "all".equals(options.get("nodes"))) {
                        out.println("CORRECTED request=" + options.get("request-id") + " nodes=0 (the replay found no difference)");
                        yield OK;
                    }
                    yield printCorrection(correct.handle(new CorrectionRequest(options.get("request-id"),
                            options.get("actor"), options.get("reason"), nodes)), out);
                }
                case "import" -> printImport(importFlows.handle(new FlowImportRequest(options.get("request-id"),
                        options.get("actor"), options.get("reason"), read(options.get("file")))), out);
                default -> {
                    out.println(unknown(command));
                    yield REFUSED;
                }
            };
        } catch (ApiException e) {
            out.println("REFUSED " + e.errorCode().name() + " " + e.getMessage());
            return REFUSED;
        } catch (IOException e) {
            out.println("REFUSED cannot read " + options.get("file") + ": " + e.getMessage());
            return REFUSED;
        }
    }

    /**
     * The refusal of an unknown {@code --credit-suite.ops.command=...} among the program arguments, if any: checked
     * before the application starts, so a mistyped command costs no start and touches no database.
     */
    public static Optional<String> refusalOf(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(COMMAND_ARGUMENT) && !COMMANDS.contains(arg.substring(COMMAND_ARGUMENT.length()))) {
                return Optional.of(unknown(arg.substring(COMMAND_ARGUMENT.length())));
            }
        }
        return Optional.empty();
    }

    private static String unknown(String command) {
        return "REFUSED unknown command '" + command + "': use " + String.join(", ", COMMANDS);
    }

    private List<Long> nodes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.equals("all")) {
            return replay.handle().differences().stream().map(NodeDifference::nodeId).toList();
        }
        List<Long> ids = new ArrayList<>();
        try {
            Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).forEach(ids::add);
        } catch (NumberFormatException e) {
            throw new ApiException(io.creditsuite.api.error.ErrorCode.INVALID_ARGUMENT, "nodes must be ids separated by"
                    + " commas, or all; got '" + text + "'");
        }
        return ids;
    }

    private static String read(String file) throws IOException {
        if (file == null) {
            throw new ApiException(io.creditsuite.api.error.ErrorCode.INVALID_ARGUMENT, "file= names the CSV to import");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int printReplay(ReplayReport report, PrintStream out) {
        out.println("REPLAY flows=" + report.flowCount() + " entries=" + report.entryCount() + " nodes=" + report.nodeCount()
                + " differences=" + report.differences().size());
        report.differences().forEach(d -> out.println(describe(d)));
        return report.differences().isEmpty() ? OK : DIFFERENCES;
    }

    private static int printCorrection(CorrectionResult result, PrintStream out) {
        out.println("CORRECTED request=" + result.requestId() + " nodes=" + result.corrected().size());
        result.corrected().forEach(d -> out.println(describe(d)));
        return OK;
    }

    private static int printImport(FlowImportResult result, PrintStream out) {
        out.println("IMPORTED request=" + result.requestId() + " flows=" + result.flowCount() + " entries="
                + result.entryCount() + " nodes=" + result.nodeCount());
        return OK;
    }

    /** {@code node 7 line L-1: frozenMinor stored=999 replayed=100 diff=-899} (diff = what a correction moves). */
    static String describe(NodeDifference d) {
        StringBuilder text = new StringBuilder("node " + d.nodeId() + " line " + d.lineId() + ":");
        for (FieldDifference f : d.fields()) {
            text.append(' ').append(f.field()).append(" stored=").append(f.storedValue()).append(" replayed=")
                    .append(f.replayedValue());
            if (f.storedValue() != null && f.replayedValue() != null && !f.field().equals("temporaryExpiresAt")) {
                text.append(" diff=").append(f.replayedValue() - f.storedValue());
            }
            text.append(';');
        }
        return text.toString();
    }
}
