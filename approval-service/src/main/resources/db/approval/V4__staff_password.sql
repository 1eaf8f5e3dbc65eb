-- Local sign-in for the reviewers' workbench (the devstack's users): a BCrypt hash, or NULL for a staff member who
-- signs in through the identity provider only (production).
ALTER TABLE approval_staff ADD COLUMN password_hash VARCHAR(100) NULL;
