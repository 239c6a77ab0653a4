-- gigrights schema v1. Forward-only: never edit a released migration, add a new one.

CREATE TABLE platform (
    code            text PRIMARY KEY,
    name            text NOT NULL,
    access_key      text NOT NULL UNIQUE,
    secret_key      text NOT NULL,
    period_end      timestamptz,
    computed_period_end timestamptz,
    created_at      timestamptz NOT NULL
);

CREATE TABLE platform_param (
    platform        text NOT NULL REFERENCES platform(code),
    name            text NOT NULL,
    effective_from  date NOT NULL,
    value           numeric NOT NULL,
    PRIMARY KEY (platform, name, effective_from)
);

CREATE TABLE account (
    id              bigserial PRIMARY KEY,
    username        text NOT NULL UNIQUE,
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('ADMIN', 'INSPECTOR', 'MEDIATOR', 'PLATFORM', 'WORKER')),
    display_name    text NOT NULL,
    platform        text REFERENCES platform(code),
    worker          text,
    district        text,
    id_number       text,
    phone           text,
    failed_logins   int NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL
);

CREATE TABLE request_nonce (
    access_key      text NOT NULL,
    nonce           text NOT NULL,
    seen_at         timestamptz NOT NULL,
    PRIMARY KEY (access_key, nonce)
);
CREATE INDEX request_nonce_seen ON request_nonce (seen_at);

CREATE TABLE batch (
    id              uuid PRIMARY KEY,
    platform        text NOT NULL REFERENCES platform(code),
    source          text NOT NULL CHECK (source IN ('API', 'UPLOAD', 'SEED')),
    format          text NOT NULL,
    content_sha256  text NOT NULL,
    received_at     timestamptz NOT NULL,
    rows_read       bigint NOT NULL,
    accepted        bigint NOT NULL,
    corrected       bigint NOT NULL,
    duplicates      bigint NOT NULL,
    rejected        bigint NOT NULL,
    workers_recomputed bigint NOT NULL DEFAULT 0,
    body_gzip       bytea,
    UNIQUE (platform, content_sha256)
);
CREATE INDEX batch_platform_time ON batch (platform, received_at DESC);

CREATE TABLE batch_reject (
    batch_id        uuid NOT NULL REFERENCES batch(id),
    line            bigint NOT NULL,
    code            text NOT NULL,
    detail          text NOT NULL,
    raw             text NOT NULL
);
CREATE INDEX batch_reject_batch ON batch_reject (batch_id, line);

-- Every version of every event ever accepted; the current one has superseded_at null.
CREATE TABLE event (
    platform        text NOT NULL,
    event_id        text NOT NULL,
    version         int NOT NULL,
    worker          text NOT NULL,
    person          text,
    type            text NOT NULL,
    time            timestamptz NOT NULL,
    local_date      date NOT NULL,
    order_id        text,
    amount_cents    bigint,
    region          text,
    insured         boolean NOT NULL,
    reason          text,
    content_hash    text NOT NULL,
    batch_id        uuid NOT NULL,
    superseded_at   timestamptz,
    PRIMARY KEY (platform, event_id, version)
);
CREATE UNIQUE INDEX event_current ON event (platform, event_id) WHERE superseded_at IS NULL;
CREATE INDEX event_worker ON event (platform, worker, time) WHERE superseded_at IS NULL;
CREATE INDEX event_platform_time ON event (platform, time) WHERE superseded_at IS NULL;

-- Findings as last computed; a finding that is no longer found is kept with gone_at set.
CREATE TABLE finding (
    id              bigserial PRIMARY KEY,
    platform        text NOT NULL,
    worker          text NOT NULL,
    rule            text NOT NULL,
    date            date NOT NULL,
    seq             int NOT NULL,
    severity        text NOT NULL,
    value           numeric NOT NULL,
    threshold       numeric NOT NULL,
    citation        text NOT NULL,
    message         text NOT NULL,
    evidence        text[] NOT NULL,
    details         text NOT NULL,
    district        text,
    first_found_at  timestamptz NOT NULL,
    changed_at      timestamptz NOT NULL,
    gone_at         timestamptz,
    UNIQUE (platform, worker, rule, date, seq)
);
CREATE INDEX finding_open ON finding (rule, date) WHERE gone_at IS NULL;
CREATE INDEX finding_worker ON finding (platform, worker, date);

CREATE TABLE finding_history (
    finding_id      bigint NOT NULL REFERENCES finding(id),
    at              timestamptz NOT NULL,
    change          text NOT NULL CHECK (change IN ('FOUND', 'CHANGED', 'GONE', 'FOUND_AGAIN')),
    value           numeric,
    evidence        text[],
    batch_id        uuid
);
CREATE INDEX finding_history_finding ON finding_history (finding_id, at);

-- Per worker-day facts for the dashboard and the worker page, rebuilt with the findings.
CREATE TABLE worker_day (
    platform        text NOT NULL,
    worker          text NOT NULL,
    date            date NOT NULL,
    district        text,
    work_minutes    numeric NOT NULL,
    pay_cents       bigint NOT NULL,
    orders          int NOT NULL,
    insured_orders  int NOT NULL,
    longest_stretch_minutes numeric NOT NULL,
    PRIMARY KEY (platform, worker, date)
);
CREATE INDEX worker_day_date ON worker_day (date);

CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL,
    username        text NOT NULL,
    role            text NOT NULL,
    action          text NOT NULL,
    subject         text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

CREATE TABLE complaint (
    id              bigserial PRIMARY KEY,
    platform        text NOT NULL,
    worker          text NOT NULL,
    finding_id      bigint REFERENCES finding(id),
    text            text NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'OPEN'
);
