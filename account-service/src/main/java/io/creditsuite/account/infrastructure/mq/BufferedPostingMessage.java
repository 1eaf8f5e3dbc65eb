package io.creditsuite.account.infrastructure.mq;

import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import java.util.List;

/** A buffered posting on the wire (JSON in RocketMQ). */
public record BufferedPostingMessage(String voucherNo, String postingType, List<LegMessage> legs, String digest,
                                     String traceId) {
    public static final String TOPIC = "CS_LEDGER_BUFFERED";

    public record LegMessage(long accountId, String side, long amountMinor, String currency) {
    }

    static BufferedPostingMessage of(ResolvedPosting c) {
        return new BufferedPostingMessage(c.posting().voucherNo(), c.posting().postingType(), c.posting().legs().stream()
                .map(l -> new LegMessage(l.accountId(), l.side().name(), l.amountMinor(), l.currency())).toList(),
                c.digest(), c.traceId());
    }

    ResolvedPosting command() {
        return ResolvedPosting.of(new Posting(voucherNo, postingType, legs.stream()
                .map(l -> new Leg(l.accountId(), Side.valueOf(l.side()), l.amountMinor(), l.currency())).toList()),
                digest, traceId);
    }
}
