package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * @param requestId caller-made id, {@code [A-Za-z0-9._:-]{1,64}}: a retry with it changes nothing more
 * @param operator  who asks (1..64 characters), kept in the audit trail
 * @param reason    why (1..256 characters), kept in the audit trail
 */
public record AccountStatusRequest(String requestId, long accountId, String operator, String reason)
        implements Serializable {
}
