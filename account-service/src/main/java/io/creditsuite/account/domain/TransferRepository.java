package io.creditsuite.account.domain;

import java.util.Optional;

/** Port: TCC transfer branches. */
public interface TransferRepository {
    /** Inserts the TRIED record; false when (transferId, direction) already exists. */
    boolean insertTried(Transfer transfer);

    /** Reads and locks the record. */
    Optional<Transfer> lock(String transferId, Transfer.Direction direction);

    Optional<Transfer> find(String transferId, Transfer.Direction direction);

    void changePhase(Transfer transfer, Transfer.Phase from);
}
