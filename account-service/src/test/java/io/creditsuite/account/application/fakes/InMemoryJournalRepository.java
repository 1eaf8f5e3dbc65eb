package io.creditsuite.account.application.fakes;

import io.creditsuite.account.application.DuplicateRecordException;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The journal as a list, with the table's unique keys: (voucher, leg, reversal), (account, version) and the
 * reversed entry id. A batch that breaks one is refused whole with {@link DuplicateRecordException}, as the
 * database refuses the insert (and its adapter translates the error).
 */
public final class InMemoryJournalRepository implements JournalRepository, Checkpointed {
    private final List<JournalEntry> rows = new ArrayList<>();
    private long nextId = 1;

    /** Every entry stored, in insert order. */
    public List<JournalEntry> all() {
        return List.copyOf(rows);
    }

    @Override
    public List<JournalEntry> insertAll(List<JournalEntry> entries) {
        Set<String> keys = new HashSet<>();
        for (JournalEntry e : rows) {
            keys.addAll(keysOf(e));
        }
        for (JournalEntry e : entries) {
            for (String key : keysOf(e)) {
                if (!keys.add(key)) {
                    throw new DuplicateRecordException("duplicate journal key " + key, null);
                }
            }
        }
        List<JournalEntry> stored = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            JournalEntry withId = e.withId(nextId++);
            rows.add(withId);
            stored.add(withId);
        }
        return stored;
    }

    private static List<String> keysOf(JournalEntry e) {
        List<String> keys = new ArrayList<>(List.of("voucher:" + e.voucherNo() + "/" + e.legNo() + "/" + e.reversal(),
                "version:" + e.accountId() + "/" + e.version()));
        if (e.reversedEntryId() != null) {
            keys.add("reverses:" + e.reversedEntryId());
        }
        return keys;
    }

    @Override
    public List<JournalEntry> byVoucher(String voucherNo) {
        return rows.stream().filter(e -> e.voucherNo().equals(voucherNo)).toList();
    }

    @Override
    public Map<String, String> digestsOf(Collection<String> voucherNos) {
        Map<String, String> digests = new HashMap<>();
        rows.stream().filter(e -> !e.reversal() && voucherNos.contains(e.voucherNo()))
                .forEach(e -> digests.put(e.voucherNo(), e.digest()));
        return digests;
    }

    @Override
    public List<JournalEntry> page(long accountId, long afterVersion, int limit) {
        return ofAccount(accountId).stream().filter(e -> e.version() > afterVersion).limit(limit).toList();
    }

    @Override
    public void walkAfter(long accountId, long afterVersion, Predicate<JournalEntry> consumer) {
        for (JournalEntry e : ofAccount(accountId)) {
            if (e.version() > afterVersion && !consumer.test(e)) {
                return;
            }
        }
    }

    @Override
    public long count(long accountId) {
        return ofAccount(accountId).size();
    }

    private List<JournalEntry> ofAccount(long accountId) {
        return rows.stream().filter(e -> e.accountId() == accountId)
                .sorted(Comparator.comparingLong(JournalEntry::version)).toList();
    }

    @Override
    public Runnable checkpoint() {
        List<JournalEntry> saved = List.copyOf(rows);
        long savedNextId = nextId;
        return () -> {
            rows.clear();
            rows.addAll(saved);
            nextId = savedNextId;
        };
    }
}
