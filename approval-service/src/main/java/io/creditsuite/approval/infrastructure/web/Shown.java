package io.creditsuite.approval.infrastructure.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How pages show amounts and times, as {@code ${fmt.money(...)}} and {@code ${fmt.time(...)}} in every template. */
@ControllerAdvice(assignableTypes = {ReviewPages.class, TeamPages.class, RulePages.class, ReportPages.class})
class Shown {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @ModelAttribute("fmt")
    Shown fmt() {
        return this;
    }

    public String money(Long minor, String currency) {
        return minor == null ? "" : MinorUnits.format(minor, currency);
    }

    public String time(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** A duration in seconds as "2 h 05 min", "4 min 10 s". */
    public String seconds(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0 ? String.format("%d h %02d min", d.toHours(), d.toMinutesPart())
                : String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    public String basisPoints(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString() + " %";
    }
}
