package io.creditsuite.api.credit;

import java.io.Serializable;

/** 使用 without an earlier hold: occupies {@code creditMinor} straight as in-transit; the request id becomes the hold id. */
public record DirectUseRequest(String requestId, String lineId, long nodeId, long cashMinor, long creditMinor,
                               String currency) implements Serializable {
}
