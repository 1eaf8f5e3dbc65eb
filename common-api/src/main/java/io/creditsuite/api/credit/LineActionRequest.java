package io.creditsuite.api.credit;

import java.io.Serializable;

public record LineActionRequest(String requestId, String actor, String reason, String lineId, LineAction action)
        implements Serializable {
}
