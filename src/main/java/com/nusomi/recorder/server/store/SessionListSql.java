package com.nusomi.recorder.server.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the list query so that every filter combination walks one index in (created_at, id) order and stops after
 * one page, instead of scanning and sorting: the cost of a page then depends on the filters' selectivity, not on how
 * many sessions there are.
 *
 * <ul>
 *   <li>With a tag filter, the walk runs over {@code session_tag_names} for the first tag.</li>
 *   <li>With workflow and status both given, over the (workflow, status) index, one walk per pair of values.</li>
 *   <li>Else, over the index of the first given filter among workflow, actor kind, outcome, status; a filter with
 *       several values becomes one ordered sub-query per value, merged (UNION ALL, then ORDER BY ... LIMIT).</li>
 *   <li>Else, over the index of all live (or trashed) sessions.</li>
 * </ul>
 * Excluded tags ({@code not_tag}) never drive the walk: they are one {@code NOT EXISTS} term on each row.
 * Terms that must not pick the index are written {@link Dialect#unindexed}: {@code +column} for SQLite, whose planner
 * would otherwise choose that column's index; the bare column for PostgreSQL, which refuses unary {@code +} on text
 * and chooses by cost.
 *
 * <p>A list of values is bound as one JSON array ({@code IN (SELECT value FROM json_each(?))}, or its
 * {@link Dialect#jsonValues PostgreSQL counterpart}), never as one term
 * or one placeholder per value: the statement is the same whatever the number of values, so no filter can grow it
 * past SQLite's limits on expression depth ("Expression tree is too large") or on host parameters. The walks of
 * the driving index are bounded by {@link #MAX_UNION}.
 */
record SessionListSql(String sql, List<Object> params) {
    /** Above this many values, one sub-query per value costs more than walking the main index. */
    private static final int MAX_UNION = 16;

    static SessionListSql build(SessionQuery q, Dialect d) {
        int fetch = q.limit() + 1;
        if (!q.tags().isEmpty()) {
            return byTag(q, fetch, d);
        }
        if (!q.workflows().isEmpty()
                && !q.statuses().isEmpty()
                && q.workflows().size() * q.statuses().size() <= MAX_UNION) {
            return byWorkflowAndStatus(q, fetch, d);
        }
        String column = null;
        List<String> values = List.of();
        if (!q.workflows().isEmpty()) {
            column = "workflow";
            values = q.workflows();
        } else if (!q.actorKinds().isEmpty()) {
            column = "actor_kind";
            values = q.actorKinds();
        } else if (!q.outcomes().isEmpty()) {
            column = "outcome";
            values = q.outcomes();
        } else if (!q.statuses().isEmpty()) {
            column = "status";
            values = q.statuses();
        }
        if (column == null || values.size() > MAX_UNION) {
            List<Object> params = new ArrayList<>();
            String where = conditions(q, null, null, params, d);
            params.add(fetch);
            return new SessionListSql(
                    "SELECT " + SessionStatements.SESSION_COLUMNS + " FROM sessions WHERE " + where
                            + " ORDER BY created_at DESC, id DESC LIMIT ?",
                    params);
        }
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            String where = conditions(q, column, value, params, d);
            params.add(fetch);
            parts.add("SELECT " + SessionStatements.SESSION_COLUMNS + " FROM sessions WHERE " + where
                    + " ORDER BY created_at DESC, id DESC LIMIT ?");
        }
        return merge(parts, params, fetch);
    }

    /** One ordered walk of the (workflow, status) index per pair of values, merged. */
    private static SessionListSql byWorkflowAndStatus(SessionQuery q, int fetch, Dialect d) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        SessionQuery rest = new SessionQuery(
                List.of(),
                List.of(),
                q.outcomes(),
                q.actorKinds(),
                q.tags(),
                q.notTags(),
                q.since(),
                q.until(),
                q.trash(),
                q.afterCreatedAt(),
                q.afterId(),
                q.limit());
        for (String workflow : q.workflows()) {
            for (String status : q.statuses()) {
                params.add(workflow);
                params.add(status);
                String where = conditions(rest, null, null, params, d);
                params.add(fetch);
                parts.add("SELECT " + SessionStatements.SESSION_COLUMNS
                        + " FROM sessions WHERE workflow = ? AND status = ? AND " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ?");
            }
        }
        return merge(parts, params, fetch);
    }

    private static SessionListSql merge(List<String> parts, List<Object> params, int fetch) {
        if (parts.size() == 1) {
            return new SessionListSql(parts.get(0), params);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(" UNION ALL SELECT * FROM (");
            }
            sql.append(parts.get(i)).append(") AS p").append(i);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(fetch);
        return new SessionListSql(sql.toString(), params);
    }

    /** The WHERE clause; {@code drivingColumn = drivingValue} is the one term left free to use its index. */
    private static String conditions(
            SessionQuery q, String drivingColumn, String drivingValue, List<Object> params, Dialect d) {
        List<String> terms = new ArrayList<>();
        terms.add(q.trash() ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
        if (drivingColumn != null) {
            terms.add(drivingColumn + " = ?");
            params.add(drivingValue);
        }
        filter(terms, params, "workflow", q.workflows(), drivingColumn, d);
        filter(terms, params, "actor_kind", q.actorKinds(), drivingColumn, d);
        filter(terms, params, "outcome", q.outcomes(), drivingColumn, d);
        filter(terms, params, "status", q.statuses(), drivingColumn, d);
        if (q.since() != null) {
            terms.add("created_at >= ?");
            params.add(q.since());
        }
        if (q.until() != null) {
            terms.add("created_at < ?");
            params.add(q.until());
        }
        if (q.afterId() != null) {
            terms.add("(created_at, id) < (?, ?)");
            params.add(q.afterCreatedAt());
            params.add(q.afterId());
        }
        // Qualified: json_each has an "id" column of its own, which a bare "id" in the sub-query would name.
        notTags(terms, params, q, "sessions.id", d);
        return String.join(" AND ", terms);
    }

    private static void filter(
            List<String> terms,
            List<Object> params,
            String column,
            List<String> values,
            String drivingColumn,
            Dialect d) {
        if (values.isEmpty() || column.equals(drivingColumn)) {
            return;
        }
        terms.add(d.unindexed(column) + " IN (SELECT value FROM " + d.jsonValues() + ")");
        params.add(jsonArray(values));
    }

    /**
     * The excluded tags [ext], as one term whatever their number: no (name, session) row of the session, found by
     * primary key, has any of the names. A session carrying both a required and an excluded tag matches nothing.
     */
    private static void notTags(
            List<String> terms, List<Object> params, SessionQuery q, String sessionIdColumn, Dialect d) {
        if (q.notTags().isEmpty()) {
            return;
        }
        terms.add("NOT EXISTS (SELECT 1 FROM " + d.jsonValues() + " j JOIN session_tag_names x ON x.name = j.value "
                + "AND x.session_id = " + sessionIdColumn + ")");
        params.add(jsonArray(q.notTags().stream().distinct().toList()));
    }

    private static SessionListSql byTag(SessionQuery q, int fetch, Dialect d) {
        List<Object> params = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        terms.add("n.name = ?");
        params.add(q.tags().get(0));
        terms.add("n.deleted = ?");
        params.add(q.trash() ? 1 : 0);
        if (q.since() != null) {
            terms.add("n.session_created_at >= ?");
            params.add(q.since());
        }
        if (q.until() != null) {
            terms.add("n.session_created_at < ?");
            params.add(q.until());
        }
        if (q.afterId() != null) {
            terms.add("(n.session_created_at, n.session_id) < (?, ?)");
            params.add(q.afterCreatedAt());
            params.add(q.afterId());
        }
        List<String> others = q.tags().stream()
                .skip(1)
                .distinct()
                .filter(t -> !t.equals(q.tags().get(0)))
                .toList();
        if (!others.isEmpty()) {
            // Every other tag, as one term: as many of the session's (name, session) rows, found by primary key, as
            // there are names. Its depth is the same for 2 tags as for 2,000.
            terms.add("(SELECT COUNT(*) FROM " + d.jsonValues() + " j JOIN session_tag_names m ON m.name = j.value "
                    + "AND m.session_id = n.session_id) = ?");
            params.add(jsonArray(others));
            params.add(others.size());
        }
        notTags(terms, params, q, "n.session_id", d);
        List<String> sessionTerms = new ArrayList<>();
        filter(sessionTerms, params, "s.workflow", q.workflows(), null, d);
        filter(sessionTerms, params, "s.actor_kind", q.actorKinds(), null, d);
        filter(sessionTerms, params, "s.outcome", q.outcomes(), null, d);
        filter(sessionTerms, params, "s.status", q.statuses(), null, d);
        terms.addAll(sessionTerms);
        params.add(fetch);
        String columns = "s." + String.join(", s.", SessionStatements.SESSION_COLUMNS.split(", "));
        return new SessionListSql(
                "SELECT " + columns + " FROM session_tag_names n JOIN sessions s ON s.id = n.session_id"
                        + " WHERE " + String.join(" AND ", terms)
                        + " ORDER BY n.session_created_at DESC, n.session_id DESC LIMIT ?",
                params);
    }

    /** The values as a JSON array of strings, to bind as one parameter of {@code json_each(?)}. */
    static String jsonArray(List<String> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16 + 2).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"');
            String v = values.get(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }
}
