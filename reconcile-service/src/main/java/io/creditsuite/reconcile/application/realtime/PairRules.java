package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.PairRule;
import java.util.List;

/** The pair rules in force: the highest enabled version of each rule id, read at each call (no restart to change). */
public interface PairRules {
    List<PairRule> inForce();
}
