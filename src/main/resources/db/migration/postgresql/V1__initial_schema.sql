-- Sessions API schema, version 1, PostgreSQL's version of ../V1__initial_schema.sql (the same tables and indexes).
-- Times are epoch milliseconds (UTC). Differences: bytea for BLOB; BIGINT counters; every text column compares by
-- code point (COLLATE "C"), as SQLite's BINARY does, so ids, cursors and ORDER BY agree with the SQLite store
-- whatever the database's locale.

CREATE TABLE api_keys (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    key_hash    TEXT COLLATE "C" NOT NULL UNIQUE,
    hint        TEXT COLLATE "C" NOT NULL,
    scopes      TEXT COLLATE "C" NOT NULL,
    label       TEXT COLLATE "C",
    created_at  BIGINT  NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE sessions (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workflow     TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    outcome      TEXT COLLATE "C",
    stop_reason  TEXT COLLATE "C",
    metadata     TEXT COLLATE "C" NOT NULL,
    actor_id     TEXT COLLATE "C",
    actor_kind   TEXT COLLATE "C",
    created_at   BIGINT  NOT NULL,
    started_at   BIGINT,
    stopped_at   BIGINT,
    deleted_at   BIGINT,
    purge_at     BIGINT,
    frame_count  BIGINT  NOT NULL DEFAULT 0,
    event_count  BIGINT  NOT NULL DEFAULT 0,
    tag_count    BIGINT  NOT NULL DEFAULT 0,
    error_events BIGINT  NOT NULL DEFAULT 0
);

-- Every list filter is answered by walking one of these in (created_at, id) order.
CREATE INDEX sessions_live          ON sessions (created_at, id)             WHERE deleted_at IS NULL;
CREATE INDEX sessions_live_workflow ON sessions (workflow, created_at, id)   WHERE deleted_at IS NULL;
CREATE INDEX sessions_live_status   ON sessions (status, created_at, id)     WHERE deleted_at IS NULL;
CREATE INDEX sessions_live_outcome  ON sessions (outcome, created_at, id)    WHERE deleted_at IS NULL;
CREATE INDEX sessions_live_actor    ON sessions (actor_kind, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX sessions_trash         ON sessions (created_at, id)             WHERE deleted_at IS NOT NULL;
CREATE INDEX sessions_purge_due     ON sessions (purge_at)                   WHERE purge_at IS NOT NULL;
CREATE INDEX sessions_to_seal       ON sessions (stopped_at)                 WHERE status = 'stopped';

CREATE TABLE tags (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    session_id  TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    data        TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT  NOT NULL,
    offset_ms   BIGINT
);
CREATE INDEX tags_by_session ON tags (session_id, created_at, id);

-- One row per (tag name, session): the tag filter walks this in session order.
CREATE TABLE session_tag_names (
    name                TEXT COLLATE "C" NOT NULL,
    session_id          TEXT COLLATE "C" NOT NULL,
    session_created_at  BIGINT NOT NULL,
    deleted             BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (name, session_id)
);
CREATE INDEX session_tag_names_order   ON session_tag_names (name, deleted, session_created_at, session_id);
CREATE INDEX session_tag_names_session ON session_tag_names (session_id);

CREATE TABLE events (
    session_id  TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    type        TEXT COLLATE "C" NOT NULL,
    at          BIGINT  NOT NULL,
    offset_ms   BIGINT,
    data        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (session_id, id)
);
CREATE INDEX events_by_time ON events (session_id, at, id);
CREATE INDEX events_by_type ON events (session_id, type, at, id);

CREATE TABLE frames (
    session_id    TEXT COLLATE "C" NOT NULL,
    seq           BIGINT  NOT NULL,
    captured_at   BIGINT  NOT NULL,
    offset_ms     BIGINT,
    width         BIGINT,
    height        BIGINT,
    content_type  TEXT COLLATE "C" NOT NULL,
    bytes         BIGINT  NOT NULL,
    sha256        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX frames_by_hash ON frames (sha256);

CREATE TABLE idempotency_keys (
    api_key_id    TEXT COLLATE "C" NOT NULL,
    idem_key      TEXT COLLATE "C" NOT NULL,
    fingerprint   TEXT COLLATE "C" NOT NULL,
    status        BIGINT  NOT NULL,
    content_type  TEXT COLLATE "C" NOT NULL,
    body          BYTEA   NOT NULL,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (api_key_id, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

CREATE TABLE audit_logs (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    at          BIGINT  NOT NULL,
    action      TEXT COLLATE "C" NOT NULL,
    session_id  TEXT COLLATE "C" NOT NULL,
    api_key_id  TEXT COLLATE "C",
    details     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audit_logs_by_session ON audit_logs (session_id, id);
CREATE INDEX audit_logs_by_action  ON audit_logs (action, id);
