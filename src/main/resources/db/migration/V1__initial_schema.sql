-- Sessions API schema, version 1. Times are epoch milliseconds (UTC).
-- Written in the SQL that SQLite and PostgreSQL share; partial indexes work in both.

CREATE TABLE api_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    key_hash    TEXT    NOT NULL UNIQUE,
    hint        TEXT    NOT NULL,
    scopes      TEXT    NOT NULL,
    label       TEXT,
    created_at  BIGINT  NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE sessions (
    id           TEXT    NOT NULL PRIMARY KEY,
    workflow     TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    outcome      TEXT,
    stop_reason  TEXT,
    metadata     TEXT    NOT NULL,
    actor_id     TEXT,
    actor_kind   TEXT,
    created_at   BIGINT  NOT NULL,
    started_at   BIGINT,
    stopped_at   BIGINT,
    deleted_at   BIGINT,
    purge_at     BIGINT,
    frame_count  INTEGER NOT NULL DEFAULT 0,
    event_count  INTEGER NOT NULL DEFAULT 0,
    tag_count    INTEGER NOT NULL DEFAULT 0,
    error_events INTEGER NOT NULL DEFAULT 0
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
    id          TEXT    NOT NULL PRIMARY KEY,
    session_id  TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    offset_ms   BIGINT
);
CREATE INDEX tags_by_session ON tags (session_id, created_at, id);

-- One row per (tag name, session): the tag filter walks this in session order.
CREATE TABLE session_tag_names (
    name                TEXT   NOT NULL,
    session_id          TEXT   NOT NULL,
    session_created_at  BIGINT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (name, session_id)
);
CREATE INDEX session_tag_names_order   ON session_tag_names (name, deleted, session_created_at, session_id);
CREATE INDEX session_tag_names_session ON session_tag_names (session_id);

CREATE TABLE events (
    session_id  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    at          BIGINT  NOT NULL,
    offset_ms   BIGINT,
    data        TEXT    NOT NULL,
    PRIMARY KEY (session_id, id)
);
CREATE INDEX events_by_time ON events (session_id, at, id);
CREATE INDEX events_by_type ON events (session_id, type, at, id);

CREATE TABLE frames (
    session_id    TEXT    NOT NULL,
    seq           BIGINT  NOT NULL,
    captured_at   BIGINT  NOT NULL,
    offset_ms     BIGINT,
    width         INTEGER,
    height        INTEGER,
    content_type  TEXT    NOT NULL,
    bytes         BIGINT  NOT NULL,
    sha256        TEXT    NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX frames_by_hash ON frames (sha256);

CREATE TABLE idempotency_keys (
    api_key_id    TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    fingerprint   TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT    NOT NULL,
    body          BLOB    NOT NULL,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (api_key_id, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

CREATE TABLE audit_logs (
    id          TEXT    NOT NULL PRIMARY KEY,
    at          BIGINT  NOT NULL,
    action      TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    api_key_id  TEXT,
    details     TEXT    NOT NULL
);
CREATE INDEX audit_logs_by_session ON audit_logs (session_id, id);
CREATE INDEX audit_logs_by_action  ON audit_logs (action, id);
