package io.creditsuite.credit.infrastructure.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseBeforeCommitTest {

    @TempDir
    Path dir;

    @Test
    void off_and_an_absent_file_do_not_hold_a_drawdown() {
        Path absent = dir.resolve("pause");

        CompletableFuture<Void> off = CompletableFuture.runAsync(() -> PauseBeforeCommit.off().await("LN1", "x1"));
        CompletableFuture<Void> noFile = CompletableFuture.runAsync(
                () -> PauseBeforeCommit.whileFileExists(absent, Duration.ofMinutes(2)).await("LN1", "x1"));

        assertThat(off).succeedsWithin(Duration.ofSeconds(5));
        assertThat(noFile).succeedsWithin(Duration.ofSeconds(5));
        assertThat(PauseBeforeCommit.off().isOn()).isFalse();
    }

    @Test
    void a_drawdown_waits_while_the_file_exists_and_resumes_once_it_is_gone() throws Exception {
        Path file = Files.createFile(dir.resolve("pause"));
        PauseBeforeCommit pause = PauseBeforeCommit.whileFileExists(file, Duration.ofMinutes(2));

        CompletableFuture<Void> drawdown = CompletableFuture.runAsync(() -> pause.await("LN1", "x1"));

        assertThat(drawdown).as("held while the file exists").isNotDone();
        assertThat(catchTimeout(drawdown)).isTrue();
        Files.delete(file);
        assertThat(drawdown).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void the_wait_is_bounded_even_if_the_file_stays() throws IOException {
        Path file = Files.createFile(dir.resolve("pause"));

        CompletableFuture<Void> drawdown = CompletableFuture.runAsync(
                () -> PauseBeforeCommit.whileFileExists(file, Duration.ofMillis(300)).await("LN1", "x1"));

        assertThat(drawdown).succeedsWithin(Duration.ofSeconds(10));
        assertThat(file).exists();
    }

    @Test
    void a_pause_needs_a_file_and_a_positive_bound() {
        assertThatThrownBy(() -> PauseBeforeCommit.whileFileExists(null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PauseBeforeCommit.whileFileExists(dir.resolve("p"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** True when the drawdown is still held after a short wait on it (a bounded get, not a sleep). */
    private static boolean catchTimeout(CompletableFuture<Void> drawdown) throws Exception {
        try {
            drawdown.get(300, TimeUnit.MILLISECONDS);
            return false;
        } catch (java.util.concurrent.TimeoutException stillHeld) {
            return true;
        }
    }
}
