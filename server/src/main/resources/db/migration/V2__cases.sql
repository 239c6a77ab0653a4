-- Cases: complaints, manual and automatic cases, from intake to evaluation (docs/adr/0008-cases.md).

CREATE TABLE case_file (
    id              bigserial PRIMARY KEY,
    origin          text NOT NULL CHECK (origin IN ('WORKER', 'INSPECTOR', 'AUTO')),
    matter          text NOT NULL CHECK (matter IN ('PAY', 'HOURS', 'INJURY', 'DEPOSIT', 'OTHER')),
    platform        text NOT NULL REFERENCES platform(code),
    worker          text NOT NULL,
    district        text,
    stage           text NOT NULL,
    description     text NOT NULL,
    days_from       date,
    days_to         date,
    trigger_name    text,
    opened_by       text NOT NULL,
    opened_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    mediator        text,
    due_kind        text,
    due_date        date,
    answer_due      date,
    answered_at     timestamptz,
    outcome         text,
    missed_deadline boolean NOT NULL DEFAULT false,
    escalated_at    timestamptz,
    linked_intakes  int NOT NULL DEFAULT 0,
    rating          int CHECK (rating BETWEEN 1 AND 5),
    rating_comment  text
);
CREATE INDEX case_file_party ON case_file (platform, worker, matter);
CREATE INDEX case_file_stage ON case_file (stage, due_date);

CREATE TABLE case_finding (
    case_id         bigint NOT NULL REFERENCES case_file(id),
    finding_id      bigint NOT NULL REFERENCES finding(id),
    PRIMARY KEY (case_id, finding_id)
);
CREATE INDEX case_finding_finding ON case_finding (finding_id);

-- Every command on a case: who, when, why; the due date in force and whether it was kept.
CREATE TABLE case_step (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES case_file(id),
    at              timestamptz NOT NULL,
    username        text NOT NULL,
    role            text NOT NULL,
    command         text NOT NULL,
    from_stage      text,
    to_stage        text NOT NULL,
    reason          text,
    due_kind        text,
    due_date        date,
    on_time         boolean NOT NULL DEFAULT true
);
CREATE INDEX case_step_case ON case_step (case_id, at);

CREATE TABLE case_document (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES case_file(id),
    step_id         bigint REFERENCES case_step(id),
    name            text NOT NULL,
    content_type    text NOT NULL,
    size            bigint NOT NULL,
    data            bytea NOT NULL,
    uploaded_by     text NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX case_document_case ON case_document (case_id);

CREATE TABLE case_session (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES case_file(id),
    scheduled_at    timestamptz NOT NULL,
    place           text NOT NULL,
    worker_said     text,
    platform_said   text,
    recorded_by     text,
    recorded_at     timestamptz
);
CREATE INDEX case_session_case ON case_session (case_id, scheduled_at);

CREATE TABLE case_agreement (
    case_id         bigint PRIMARY KEY REFERENCES case_file(id),
    amount_cents    bigint NOT NULL CHECK (amount_cents >= 0),
    due_date        date NOT NULL,
    terms           text NOT NULL,
    wage            boolean NOT NULL,
    signed_by       text NOT NULL,
    signed_at       timestamptz NOT NULL,
    paid_at         timestamptz,
    payment_order_at timestamptz
);

-- recipient: 'user:NAME', 'role:ROLE', 'platform:CODE' or 'worker:PLATFORM/WORKER'.
CREATE TABLE notification (
    id              bigserial PRIMARY KEY,
    case_id         bigint REFERENCES case_file(id),
    recipient       text NOT NULL,
    message         text NOT NULL,
    created_at      timestamptz NOT NULL,
    read_at         timestamptz
);
CREATE INDEX notification_recipient ON notification (recipient, created_at DESC);

-- Complaints made before cases existed become worker cases at intake.
INSERT INTO case_file (origin, matter, platform, worker, stage, description, opened_by, opened_at, updated_at)
SELECT 'WORKER', 'OTHER', c.platform, c.worker, 'INTAKE', c.text, 'worker:' || c.worker, c.created_at, c.created_at
FROM complaint c JOIN platform p ON p.code = c.platform;
INSERT INTO case_finding (case_id, finding_id)
SELECT f.id, c.finding_id FROM complaint c JOIN case_file f
    ON f.platform = c.platform AND f.worker = c.worker AND f.opened_at = c.created_at AND f.description = c.text
WHERE c.finding_id IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO case_step (case_id, at, username, role, command, to_stage)
SELECT id, opened_at, opened_by, 'WORKER', 'FILE', 'INTAKE' FROM case_file;
