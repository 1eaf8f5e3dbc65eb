package io.creditsuite.credit.application;

import io.creditsuite.api.credit.WarningKind;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.credit.domain.WarningRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * 预警 scan: checks every rule of {@link WarningRules} and records the warnings not raised yet. A warning's key is
 * its kind and subject, plus the UTC day for conditions that last (low available, overdue, over cap: warned once a
 * day while they last) or the term end for a line's term (warned once).
 */
public class RaiseWarningsHandler {
    private final WarningStore store;
    private final Clock clock;
    private final long availableBelowBps;
    private final Duration expiringWithin;

    public RaiseWarningsHandler(WarningStore store, Clock clock, long availableBelowBps, Duration expiringWithin) {
        this.store = store;
        this.clock = clock;
        this.availableBelowBps = availableBelowBps;
        this.expiringWithin = expiringWithin;
    }

    @Transactional
    public List<WarningView> handle() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long at = now.toEpochMilli();
        List<WarningView> candidates = new ArrayList<>();
        for (WarningStore.ActiveNode node : store.activeNodes()) {
            if (WarningRules.availableLow(node.balances(), now, availableBelowBps)) {
                long available = node.balances().availableAt(now);
                candidates.add(new WarningView(key(WarningKind.AVAILABLE_LOW, node.nodeId(), day), WarningKind.AVAILABLE_LOW.name(),
                        String.valueOf(node.nodeId()), node.holderId(), node.lineId(), node.currency(), available,
                        "node " + node.nodeId() + " has " + available + " available of a limit of "
                                + node.balances().limitAt(now) + " (threshold " + availableBelowBps + " bps)", at));
            }
        }
        for (WarningStore.LineTerm line : store.lineTerms()) {
            if (WarningRules.expired(line.termEnd(), now)) {
                candidates.add(new WarningView(key(WarningKind.LINE_EXPIRED, line.lineId(), line.termEnd()),
                        WarningKind.LINE_EXPIRED.name(), line.lineId(), line.holderId(), line.lineId(), line.currency(), 0,
                        "line " + line.lineId() + " expired at " + line.termEnd(), at));
            } else if (WarningRules.expiring(line.termEnd(), now, expiringWithin)) {
                candidates.add(new WarningView(key(WarningKind.LINE_EXPIRING, line.lineId(), line.termEnd()),
                        WarningKind.LINE_EXPIRING.name(), line.lineId(), line.holderId(), line.lineId(), line.currency(), 0,
                        "line " + line.lineId() + " expires at " + line.termEnd() + ", within " + expiringWithin.toDays()
                                + " days", at));
            }
        }
        for (WarningStore.DueHold hold : store.dueHolds(now)) {
            long overdue = WarningRules.overdueMinor(hold.dueMinor(), hold.returnedMinor(), hold.outstandingMinor());
            if (overdue > 0) {
                candidates.add(new WarningView(key(WarningKind.OVERDUE, hold.holdId(), day), WarningKind.OVERDUE.name(),
                        hold.holdId(), hold.holderId(), hold.lineId(), hold.currency(), overdue,
                        "hold " + hold.holdId() + ": " + hold.dueMinor() + " due by now, " + hold.returnedMinor()
                                + " returned, " + overdue + " overdue", at));
            }
        }
        for (WarningStore.BusinessTypeExposure type : store.cappedBusinessTypes()) {
            long over = WarningRules.overCapMinor(type.exposureMinor(), type.capMinor());
            if (over > 0) {
                String subject = type.businessType() + "/" + type.currency();
                candidates.add(new WarningView(key(WarningKind.BUSINESS_TYPE_OVER_CAP, subject, day),
                        WarningKind.BUSINESS_TYPE_OVER_CAP.name(), subject, null, null, type.currency(), over,
                        "business type " + type.businessType() + ": used + frozen " + type.exposureMinor() + " over the cap "
                                + type.capMinor() + " by " + over, at));
            }
        }
        return store.insertNew(candidates);
    }

    private static String key(WarningKind kind, Object subject, Object when) {
        return kind + ":" + subject + ":" + when;
    }
}
