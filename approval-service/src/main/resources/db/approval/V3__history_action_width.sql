-- A history action carries the id that makes a partner's or the system's step idempotent ("SUPPLEMENTED:<request id
-- up to 64>", "SLA_ESCALATED:<task id>"): 32 characters were too few.
ALTER TABLE application_history MODIFY action VARCHAR(96) NOT NULL;
