package io.creditsuite.credit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.FlowType;
import io.creditsuite.credit.domain.NodeDelta;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowCsvTest {
    private static final String ROW = "h-1,2024-02-01T08:00:00.123456789Z,USE,7,CNY,10,200,0,0,,0,0,200,0";

    @Test
    void rows_parse_into_entries_with_times_cut_to_the_logs_precision() {
        List<FlowCsv.Row> rows = FlowCsv.parse(FlowCsv.HEADER + "\n" + ROW + "\n"
                + "h-2,2024-02-02T00:00:00Z,GRANT,7,CNY,0,0,0,50,2025-01-01T00:00:00.5Z,0,0,0,0\n");

        assertThat(rows).hasSize(2);
        FlowCsv.Row use = rows.get(0);
        assertThat(use.lineNumber()).isEqualTo(2);
        assertThat(use.occurredAt()).isEqualTo(Instant.parse("2024-02-01T08:00:00.123456Z"));
        assertThat(use.type()).isEqualTo(FlowType.USE);
        assertThat(use.cashMinor()).isEqualTo(10);
        assertThat(use.delta()).isEqualTo(NodeDelta.inTransit(7, 200));
        assertThat(rows.get(1).delta().temporaryExpiresAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00.500Z"));
    }

    @Test
    void a_malformed_row_names_its_line_number() {
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW + "\n" + ROW.replace(",200,0,0,,", ",2x0,0,0,,")))
                .startsWith("line 3: ").contains("credit_minor");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW + ",extra")).startsWith("line 2: expected 14 fields");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW.replace("USE", "STEAL"))).startsWith("line 2: flow_type");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW.replace("2024-02-01T08", "01/02/2024 08"))).startsWith("line 2: occurred_at");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW.replace("CNY", "\"CNY\""))).startsWith("line 2: quotes");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW.replace(",10,200,", ",-1,200,"))).startsWith("line 2: cash_minor");
        assertThat(refusal(FlowCsv.HEADER + "\n" + ROW.replace(",0,200,0", ",0,99999999999999999999,0")))
                .startsWith("line 2: ");
        assertThat(refusal(FlowCsv.HEADER + "\n\n" + ROW)).startsWith("line 2: blank line");
    }

    @Test
    void the_hold_columns_name_a_flows_hold_and_an_opening_freezes_expiry() {
        List<FlowCsv.Row> rows = FlowCsv.parse(FlowCsv.HEADER_WITH_HOLDS + "\n"
                + "h-1,2024-02-01T00:00:00Z,FREEZE,7,CNY,0,200,0,0,,0,200,0,0,h-1,2024-03-01T00:00:00.1234Z\n"
                + "h-2,2024-02-02T00:00:00Z,USE,7,CNY,0,50,0,0,,0,-50,50,0,h-1,\n"
                + "h-3,2024-02-03T00:00:00Z,GRANT,7,CNY,0,0,9,0,,0,0,0,0,,\n");

        assertThat(rows).extracting(FlowCsv.Row::holdId).containsExactly("h-1", "h-1", null);
        assertThat(rows.get(0).holdExpiresAt()).isEqualTo(Instant.parse("2024-03-01T00:00:00.123Z"));
        assertThat(rows.get(1).holdExpiresAt()).isNull();
        assertThat(FlowCsv.parse(FlowCsv.HEADER + "\n" + ROW).get(0).holdId()).as("the first format: no hold").isNull();
    }

    @Test
    void hold_columns_where_they_do_not_belong_name_their_line() {
        String header = FlowCsv.HEADER_WITH_HOLDS + "\n";
        assertThat(refusal(header + ROW)).startsWith("line 2: expected 16 fields");
        assertThat(refusal(header + "h-3,2024-02-03T00:00:00Z,GRANT,7,CNY,0,0,9,0,,0,0,0,0,h-1,"))
                .startsWith("line 2: a GRANT works on no hold");
        assertThat(refusal(header + "h-1,2024-02-01T00:00:00Z,FREEZE,7,CNY,0,200,0,0,,0,200,0,0,h-9,"))
                .startsWith("line 2: a FREEZE opens the hold named by its own request id");
        assertThat(refusal(header + "h-1,2024-02-01T00:00:00Z,RETURN,7,CNY,0,200,0,0,,0,0,0,-200,h-1,"))
                .startsWith("line 2: a RETURN works on an earlier hold");
        assertThat(refusal(header + "h-2,2024-02-02T00:00:00Z,USE,7,CNY,0,50,0,0,,0,-50,50,0,h-1,2024-03-01T00:00:00Z"))
                .startsWith("line 2: hold_expires_at belongs only on a FREEZE");
        assertThat(refusal(header + "h-1,2024-02-01T00:00:00Z,FREEZE,7,CNY,0,200,0,0,,0,200,0,0,h-1,soon"))
                .startsWith("line 2: hold_expires_at must be");
    }

    @Test
    void a_wrong_header_or_an_empty_file_is_line_1() {
        assertThat(refusal("id,time\n" + ROW)).startsWith("line 1: the header");
        assertThat(refusal("")).startsWith("line 1: the CSV is empty");
        assertThat(refusal(FlowCsv.HEADER + "\n")).startsWith("line 2: no rows");
    }

    private static String refusal(String csv) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> FlowCsv.parse(csv));
        assertThat(e).as("refused: " + csv).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.CSV_ROW_INVALID);
        return e.detail();
    }
}
