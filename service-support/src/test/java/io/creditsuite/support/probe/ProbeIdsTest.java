package io.creditsuite.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeIdsTest {

    @Test
    void an_id_of_sixty_four_safe_characters_is_accepted() {
        String id = "p-1_a.b:" + "x".repeat(56);
        assertThat(ProbeIds.require(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "two keys", "p\n1", "p/1"})
    void a_missing_blank_or_unsafe_id_is_an_invalid_argument(String id) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> ProbeIds.require(id));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void an_id_longer_than_sixty_four_characters_is_an_invalid_argument_saying_so() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> ProbeIds.require("x".repeat(65)));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.detail()).contains("65").contains("64");
    }
}
