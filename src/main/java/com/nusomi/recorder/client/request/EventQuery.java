package com.nusomi.recorder.client.request;

import java.util.List;

/** Paging and type filter of {@code GET /v1/sessions/{id}/events}. Types are ORed. */
public record EventQuery(List<String> types, Integer limit, String cursor) {
    public EventQuery {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static EventQuery all() {
        return new EventQuery(List.of(), null, null);
    }

    public static EventQuery ofTypes(String... types) {
        return new EventQuery(List.of(types), null, null);
    }

    public EventQuery withLimit(Integer limit) {
        return new EventQuery(types, limit, cursor);
    }

    public EventQuery withCursor(String cursor) {
        return new EventQuery(types, limit, cursor);
    }
}
