-- Accounts can be disabled by an admin (kept for the audit log, never deleted).
ALTER TABLE account ADD COLUMN disabled_at timestamptz;
CREATE INDEX audit_log_user_at ON audit_log (username, at DESC);
