package io.creditsuite.credit.application;

import io.creditsuite.api.credit.FieldDifference;
import io.creditsuite.api.credit.NodeDifference;
import io.creditsuite.credit.domain.BalanceDifference;

/** The domain's differences as the API's views. */
final class ReplayDifferences {
    private ReplayDifferences() {
    }

    static NodeDifference view(BalanceDifference difference) {
        return new NodeDifference(difference.nodeId(), difference.lineId(), difference.fields().stream()
                .map(f -> new FieldDifference(f.name(), f.stored(), f.replayed())).toList());
    }
}
