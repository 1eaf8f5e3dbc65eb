package io.creditsuite.approval.infrastructure.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class DubboCreditLinesTest {

    @Test
    void only_a_final_business_answer_stops_the_grant_retries() {
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.INVALID_ARGUMENT)).isTrue();
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.AMOUNT_INVALID)).isTrue();
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.REQUEST_IN_PROGRESS)).isFalse();
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.RATE_LIMITED)).isFalse();
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.DOWNSTREAM_UNAVAILABLE)).isFalse();
        assertThat(DubboCreditLines.isBusinessRefusal(ErrorCode.INTERNAL_ERROR)).isFalse();
    }
}
