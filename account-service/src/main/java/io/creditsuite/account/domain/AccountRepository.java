package io.creditsuite.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: accounts and their balances. */
public interface AccountRepository {
    long insert(NewAccount account);

    /** Reads without locking. */
    Optional<Account> find(long id);

    /** Reads without locking. */
    Map<Long, Account> findAll(Collection<Long> ids);

    /** Locks the rows in ascending id order (SELECT ... FOR UPDATE), so two transactions never wait in a circle. */
    Map<Long, Account> lockAscending(Collection<Long> ids);

    /** Sub-account ids of a split account, ascending. */
    List<Long> subAccountIds(long parentId);

    /**
     * Writes back every changed account with {@code ... WHERE id = ? AND version = loadedVersion};
     * throws if a row count is not 1 (someone else wrote it: the transaction must roll back).
     */
    void saveChanged(Collection<Account> accounts);

    void changeMode(long id, PostingMode mode);

    /** The hot detector's switch: {@code from -> to}, marked automatic; false when the mode was not {@code from}. */
    boolean switchModeAutomatically(long id, PostingMode from, PostingMode to);

    /** Back from an automatic switch: {@code from -> to}; false unless the mode is {@code from} and was set automatically. */
    boolean restoreMode(long id, PostingMode from, PostingMode to);

    /** Accounts the hot detector switched to {@code mode}, ascending. */
    List<Long> automaticallySwitched(PostingMode mode);

    /**
     * Sets the status of the locked accounts {@code ids} from {@code from} to {@code to}; throws
     * if a row was not in {@code from} (the transaction must roll back).
     */
    void changeStatus(Collection<Long> ids, AccountState from, AccountState to);
}
