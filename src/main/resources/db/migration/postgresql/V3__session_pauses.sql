-- PostgreSQL's version of ../V3__session_pauses.sql: the same steps, with PostgreSQL's JSON operator for json_extract.
-- Pauses [ext]: paused_ms is the time of the pauses that ended (a "pause" marker event to the next "resume"),
-- paused_since the start of a pause not resumed yet. Kept up to date as marker events are stored (server.Pauses),
-- so that a list shows recorded durations without reading any event.
ALTER TABLE sessions ADD COLUMN paused_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN paused_since BIGINT;

-- Sessions recorded before this migration: their pauses from the marker events they have, by the same rule as
-- server.Pauses. Markers by (at, id); a pause while paused and a resume while not paused change nothing (only a
-- marker of the other kind than the one before counts, the first counted one a pause); a pause starts at the
-- earliest at started_at. One pass over the marker events, once.
CREATE TEMP TABLE pause_spans AS
SELECT spans.session_id,
       CASE WHEN spans.at < s.started_at THEN s.started_at ELSE spans.at END AS paused_at,
       spans.next_at AS resumed_at
FROM (
    SELECT session_id, kind, at, LEAD(at) OVER (PARTITION BY session_id ORDER BY at, id) AS next_at
    FROM (
        SELECT session_id, id, at, kind,
               LAG(kind, 1, 'resume') OVER (PARTITION BY session_id ORDER BY at, id) AS previous
        FROM (
            SELECT session_id, id, at, CAST(data AS json) ->> 'kind' AS kind
            FROM events
            WHERE type = 'marker'
        ) AS markers
        WHERE kind IN ('pause', 'resume')
    ) AS changes
    WHERE kind <> previous
) AS spans
JOIN sessions s ON s.id = spans.session_id
WHERE spans.kind = 'pause';

UPDATE sessions SET
    paused_ms = (SELECT COALESCE(SUM(CASE WHEN p.resumed_at > p.paused_at THEN p.resumed_at - p.paused_at ELSE 0 END), 0)
                 FROM pause_spans p WHERE p.session_id = sessions.id AND p.resumed_at IS NOT NULL),
    paused_since = (SELECT p.paused_at FROM pause_spans p WHERE p.session_id = sessions.id AND p.resumed_at IS NULL)
WHERE id IN (SELECT session_id FROM pause_spans);

DROP TABLE pause_spans;
