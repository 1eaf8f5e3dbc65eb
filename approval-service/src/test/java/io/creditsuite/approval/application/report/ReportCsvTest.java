package io.creditsuite.approval.application.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.api.approval.ThroughputRow;
import io.creditsuite.api.approval.TimelinessRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void rows_become_rfc4180_lines_with_a_header() {
        assertThat(ReportCsv.throughput(List.of(new ThroughputRow("2026-12-03", "ann", ReviewStage.FIRST_REVIEW, 3,
                1, 1, 5)))).isEqualTo("day,reviewer,stage,approved,rejected,sent_back,decisions\r\n"
                + "2026-12-03,ann,FIRST_REVIEW,3,1,1,5\r\n");
        assertThat(ReportCsv.timeliness(List.of(new TimelinessRow(ReviewStage.RECHECK, 3, 60, 120, 2, 6666))))
                .endsWith("RECHECK,3,60,120,2,66.66\r\n");
    }

    @Test
    void a_text_field_is_quoted_when_needed_and_never_runs_as_a_formula() {
        assertThat(ReportCsv.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.text("@sum")).isEqualTo("'@sum");
        assertThat(ReportCsv.text(null)).isEmpty();
    }
}
