-- What a TCC try reserved (TransferReservationPolicy). Tries before this version reserved only the branch's own
-- account (ACCOUNT_ONLY): their confirm still posts the contra leg under the rules. Every try from now on reserves
-- both legs of its confirm (BOTH_LEGS), so its phase two settles reservations only and cannot be refused.
ALTER TABLE tcc_transfer
  ADD COLUMN reservation VARCHAR(12) NOT NULL DEFAULT 'ACCOUNT_ONLY' AFTER xid;
