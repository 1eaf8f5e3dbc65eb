package io.creditsuite.credit.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WriteScriptTest {

    @Test
    void parts_are_exact_up_to_32_rows_else_a_multiple_of_32_and_add_up_to_the_rows() {
        assertThat(WriteScript.parts(47)).containsExactly(32, 15);
        assertThat(WriteScript.parts(24)).containsExactly(24);
        assertThat(WriteScript.parts(96)).containsExactly(96);
        assertThat(WriteScript.parts(1)).containsExactly(1);
        assertThat(WriteScript.parts(0)).isEmpty();
        assertThat(WriteScript.parts(1_300)).containsExactly(512, 512, 256, 20);
        java.util.Set<Integer> shapes = new java.util.TreeSet<>();
        IntStream.rangeClosed(1, 2_000).forEach(n -> {
            List<Integer> parts = WriteScript.parts(n);
            assertThat(parts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
            assertThat(parts).allMatch(p -> p <= WriteScript.MAX_ROWS && (p <= 32 || p % 32 == 0));
            assertThat(parts.stream().filter(p -> p < WriteScript.MAX_ROWS)).hasSizeLessThanOrEqualTo(2);
            shapes.addAll(parts);
        });
        assertThat(shapes).hasSize(47);
    }

    @Test
    void a_key_list_is_padded_to_a_power_of_two_with_its_last_key() {
        assertThat(WriteScript.padded(List.of(7L))).containsExactly(7L);
        assertThat(WriteScript.padded(List.of(1L, 2L, 3L))).containsExactly(1L, 2L, 3L, 3L);
        assertThat(WriteScript.padded(List.of("a", "b", "c", "d", "e"))).hasSize(8).endsWith("e", "e", "e", "e");
        assertThat(WriteScript.paddedSize(0)).isEqualTo(1);
        assertThat(WriteScript.paddedSize(64)).isEqualTo(64);
        assertThat(WriteScript.paddedSize(65)).isEqualTo(128);
        assertThat(WriteScript.paddedRows(3)).isEqualTo(4);
        assertThat(WriteScript.paddedRows(16)).isEqualTo(16);
        assertThat(WriteScript.paddedRows(17)).isEqualTo(32);
        assertThat(WriteScript.paddedRows(75)).isEqualTo(80);
    }
}
