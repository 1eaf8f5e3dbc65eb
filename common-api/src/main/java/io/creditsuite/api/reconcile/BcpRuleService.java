package io.creditsuite.api.reconcile;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * BCP rules as data: publish a new version (in force for the next event, no deploy), disable a rule; a version is
 * never edited. Every change is audited (who, when, before, after). A malformed rule or an expression that does not
 * compile in the sandbox is CS-5004 and writes nothing; an unknown rule id CS-5005.
 */
public interface BcpRuleService {
    /** The version in force of every rule, enabled or not. */
    List<PairRuleView> rules() throws ApiException;

    PairRuleView publish(PublishPairRuleRequest request) throws ApiException;

    /** A new version of the rule, disabled: it stops pairing events from the next one on. */
    PairRuleView disable(String ruleId, String who, String reason) throws ApiException;
}
