package io.creditsuite.middleware;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, for failure messages ("the broker did not start; its log ends
 * with ..."). Reads from the end, so a log of gigabytes costs no more than one of kilobytes.
 */
public final class LogTail {

    private static final int CHUNK = 16 * 1024;

    private LogTail() {
    }

    /**
     * The last {@code lines} lines of {@code file}, oldest first; empty when the file does not
     * exist. A trailing newline does not count as an empty last line.
     */
    public static List<String> tail(Path file, int lines) {
        if (lines <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = length;
            byte[] buffer = new byte[0];
            // read backwards in chunks until the buffer holds more than `lines` line breaks
            while (start > 0 && countNewlines(buffer) <= lines) {
                int chunk = (int) Math.min(CHUNK, start);
                start -= chunk;
                byte[] bigger = new byte[buffer.length + chunk];
                raf.seek(start);
                raf.readFully(bigger, 0, chunk);
                System.arraycopy(buffer, 0, bigger, chunk, buffer.length);
                buffer = bigger;
            }
            String text = new String(buffer, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
                all.remove(all.size() - 1);
            }
            // the first element may be a partial line when we stopped reading mid-file
            if (start > 0 && !all.isEmpty()) {
                all.remove(0);
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }

    /** {@link #tail} as one indented block for an exception message. */
    public static String tailText(Path file, int lines) {
        List<String> tail = tail(file, lines);
        if (tail.isEmpty()) {
            return "  (log " + file + " is empty or missing)";
        }
        StringBuilder text = new StringBuilder("  last lines of ").append(file).append(':');
        for (String line : tail) {
            text.append(System.lineSeparator()).append("  | ").append(line);
        }
        return text.toString();
    }

    private static int countNewlines(byte[] buffer) {
        int count = 0;
        for (byte b : buffer) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }
}
