package io.creditsuite.support.trace;

import org.apache.skywalking.apm.toolkit.trace.ActiveSpan;

/**
 * The business ids of a request on its active span (under the SkyWalking agent; nothing without it), so that an SRE
 * finds a partner's, customer's, line's, loan's or voucher's calls in the trace list by tag: {@code partner},
 * {@code customer}, {@code line}, {@code loan}, {@code hold}, {@code voucher}.
 */
public final class BusinessTags {
    private BusinessTags() {
    }

    /** Tags the active span with {@code key = value}; a null value is left out. */
    public static void tag(String key, Object value) {
        if (value != null) {
            ActiveSpan.tag(key, String.valueOf(value));
        }
    }
}
