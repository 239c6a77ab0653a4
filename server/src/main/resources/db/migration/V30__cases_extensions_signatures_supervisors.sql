-- Cases, second round (docs/adr/0008-cases.md): extended periods, agreements signed by both parties,
-- read state per account, a named supervisor per district.

-- The period that was extended once (inspection, arbitration), and whom an overdue case went to.
ALTER TABLE case_file ADD COLUMN extended_kind text, ADD COLUMN supervisor text;

-- The mediator drafts, the worker and the platform sign or refuse; signed_at is when the second
-- signature made it take effect, signed_by who gave it.
ALTER TABLE case_agreement
    ADD COLUMN version int NOT NULL DEFAULT 1,
    ADD COLUMN drafted_by text,
    ADD COLUMN drafted_at timestamptz,
    ADD COLUMN worker_signed_by text,
    ADD COLUMN worker_signed_at timestamptz,
    ADD COLUMN platform_signed_by text,
    ADD COLUMN platform_signed_at timestamptz,
    ADD COLUMN refused_by text CHECK (refused_by IN ('WORKER', 'PLATFORM')),
    ADD COLUMN refused_at timestamptz,
    ADD COLUMN refusal text,
    ALTER COLUMN signed_by DROP NOT NULL,
    ALTER COLUMN signed_at DROP NOT NULL;
-- Agreements recorded before were signed on paper in the mediator's presence.
UPDATE case_agreement SET drafted_by = signed_by, drafted_at = signed_at,
    worker_signed_at = signed_at, platform_signed_at = signed_at;
ALTER TABLE case_agreement ALTER COLUMN drafted_by SET NOT NULL, ALTER COLUMN drafted_at SET NOT NULL;

-- Notifications to a role or a platform are shared; each account reads them on its own.
CREATE TABLE notification_read (
    notification_id bigint NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
    username        text NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, username)
);

-- 督办人: the account overdue cases of a district go to; district '*' for districts without one.
CREATE TABLE case_supervisor (
    district        text PRIMARY KEY,
    username        text NOT NULL,
    set_by          text NOT NULL,
    set_at          timestamptz NOT NULL
);
