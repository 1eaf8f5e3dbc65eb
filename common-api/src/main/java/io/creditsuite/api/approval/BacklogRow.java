package io.creditsuite.api.approval;

import java.io.Serializable;

/** Open review tasks of one stage by how long they have waited: under 1 h, 1-4 h, 4-8 h, 8-24 h, 24 h and more. */
public record BacklogRow(ReviewStage stage, int under1h, int from1hTo4h, int from4hTo8h, int from8hTo24h,
                         int over24h, int open) implements Serializable {
}
