package io.creditsuite.api.approval;

import java.io.Serializable;

/**
 * Review tasks of one stage finished in a period: how long they stayed (creation to decision, nearest-rank
 * percentiles, seconds) and how many were done by their SLA due time.
 *
 * @param slaMetBasisPoints {@code 10000 * metSla / finished} rounded down (9333 = 93.33 %); 0 when none finished
 */
public record TimelinessRow(ReviewStage stage, int finished, long p50Seconds, long p90Seconds, int metSla,
                            int slaMetBasisPoints) implements Serializable {
}
