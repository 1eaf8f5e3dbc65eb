package io.creditsuite.approval.domain.check;

import java.util.List;

/**
 * A versioned scorecard: {@code score = baseScore + sum over characteristics c of points(first bin of c whose
 * predicate holds)}; a characteristic with no matching bin scores 0 and says so in the breakdown.
 *
 * @param rejectCutoff    a score below it rejects the application
 * @param fastTrackCutoff a score at or above it (and no rule asking for review) sends it straight to recheck
 */
public record Scorecard(String version, int baseScore, int rejectCutoff, int fastTrackCutoff,
                        List<Characteristic> characteristics) {
    public Scorecard {
        if (rejectCutoff > fastTrackCutoff) {
            throw new IllegalArgumentException("reject cut-off " + rejectCutoff + " above fast-track cut-off "
                    + fastTrackCutoff);
        }
        characteristics = List.copyOf(characteristics);
    }

    public record Characteristic(String code, List<Bin> bins) {
        public Characteristic {
            bins = List.copyOf(bins);
        }
    }

    /** @param label how the breakdown names the bin, e.g. "[25, 35)" */
    public record Bin(String label, String predicate, int points) {
    }
}
