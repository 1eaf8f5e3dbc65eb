package io.creditsuite.support.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;

/** Validation of the caller-made probe id, shared by every probe provider. */
public final class ProbeIds {
    /** The width of every {@code probe_id} column. */
    public static final int MAX_LENGTH = 64;

    private ProbeIds() {
    }

    /**
     * The probe id, if usable. Only letters, digits and {@code - _ . :} are accepted: the id is a
     * RocketMQ message KEYS value, where a space would split it into two keys, and it goes into logs.
     */
    public static String require(String probeId) {
        if (probeId == null || probeId.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "probeId is missing or blank");
        }
        if (probeId.length() > MAX_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "probeId has " + probeId.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        if (!probeId.chars().allMatch(ProbeIds::isAllowed)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "probeId may contain only letters, digits and - _ . :");
        }
        return probeId;
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
