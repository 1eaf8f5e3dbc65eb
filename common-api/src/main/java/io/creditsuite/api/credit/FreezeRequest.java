package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * 冻结: a hold of {@code creditMinor} on the path of {@code nodeId} (a node of {@code lineId}); the request id
 * becomes the hold id. {@code cashMinor} is the part of the order paid in cash (recorded, occupies nothing).
 * {@code expiresAtEpochMillis} null: the hold waits for use or unfreeze; else it releases itself then.
 */
public record FreezeRequest(String requestId, String lineId, long nodeId, long cashMinor, long creditMinor,
                            String currency, Long expiresAtEpochMillis) implements Serializable {
}
