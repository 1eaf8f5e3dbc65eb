package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void the_last_lines_come_oldest_first() throws Exception {
        Path log = write("one\ntwo\nthree\nfour\n");
        assertThat(LogTail.tail(log, 2)).containsExactly("three", "four");
    }

    @Test
    void a_last_line_without_newline_counts() throws Exception {
        Path log = write("one\ntwo\nthree");
        assertThat(LogTail.tail(log, 2)).containsExactly("two", "three");
    }

    @Test
    void asking_for_more_lines_than_exist_gives_them_all() throws Exception {
        Path log = write("one\r\ntwo\r\n");
        assertThat(LogTail.tail(log, 10)).containsExactly("one", "two");
    }

    @Test
    void a_log_much_larger_than_one_read_chunk_gives_exactly_the_last_lines() throws Exception {
        String text = IntStream.range(0, 20_000).mapToObj(i -> "line " + i + " " + "x".repeat(i % 97))
                .collect(Collectors.joining("\n", "", "\n"));
        Path log = write(text);
        assertThat(LogTail.tail(log, 3)).containsExactly(
                "line 19997 " + "x".repeat(19997 % 97),
                "line 19998 " + "x".repeat(19998 % 97),
                "line 19999 " + "x".repeat(19999 % 97));
    }

    @Test
    void a_missing_or_empty_log_has_no_lines_and_says_so_in_text() throws Exception {
        assertThat(LogTail.tail(dir.resolve("missing.log"), 5)).isEmpty();
        assertThat(LogTail.tail(write(""), 5)).isEmpty();
        assertThat(LogTail.tailText(dir.resolve("missing.log"), 5)).contains("empty or missing");
    }

    @Test
    void the_text_form_names_the_file_and_marks_each_line() throws Exception {
        Path log = write("boom\n");
        assertThat(LogTail.tailText(log, 5)).contains(log.toString()).contains("| boom");
    }

    private Path write(String text) throws Exception {
        Path log = Files.createTempFile(dir, "test", ".log");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }
}
