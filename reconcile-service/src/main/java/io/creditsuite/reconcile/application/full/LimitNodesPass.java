package io.creditsuite.reconcile.application.full;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For every limit node, stored balances = the replay of its flows ({@code F-NODE-REPLAY}), field by field, in chunks
 * of node ids. The replay is the sum of the node's flow entries: credit-service's one flow rule is
 * {@code b' = b + d} field by field (LimitGuard), so a replay from zero is the sum of the entries, which SQL sums
 * where the rows are ({@code FullCheckSourcesIT} checks the two agree on credit-service's own replay report).
 */
public class LimitNodesPass extends IdChunkedPass {
    public static final String NAME = "LIMIT_NODES";
    static final String STORED = "stored";
    static final String REPLAYED = "replayed";
    /** The balances this pass measures of each node field (what a balance rule of the pass may name). */
    public static final Set<String> BALANCES = Set.of(STORED, REPLAYED);

    private final CreditSource credit;

    public LimitNodesPass(CreditSource credit, long chunkIds) {
        super(NAME, chunkIds);
        this.credit = credit;
    }

    /** Cursor {@code <last node id done>/<highest id>}. */
    @Override
    public Chunk next(FullCheckScope scope, String cursor, String partial) {
        IdCursor at = IdCursor.of(cursor, credit::maxNodeId);
        long upTo = at.upTo(chunkIds);
        long rows = 0;
        List<Subject> subjects = new ArrayList<>();
        for (CreditSource.NodeBalances n : credit.nodes(at.done(), upTo)) {
            rows += n.entries();
            Map<String, Map<String, Long>> fields = new HashMap<>();
            n.stored().forEach((field, stored) -> fields.put(field, Map.of(STORED, stored, REPLAYED,
                    n.replayed().getOrDefault(field, 0L))));
            subjects.add(new Subject("node:" + n.nodeId(), Subject.CURRENT_STATE, "line " + n.lineId() + ", node "
                    + n.nodeId(), fields, null));
        }
        return new Chunk(at.after(upTo), null, rows, subjects);
    }
}
