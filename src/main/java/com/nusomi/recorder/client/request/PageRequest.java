package com.nusomi.recorder.client.request;

/** A page size (null for the server default) and a cursor (null for the first page). */
public record PageRequest(Integer limit, String cursor) {
    public static PageRequest first() {
        return new PageRequest(null, null);
    }

    public static PageRequest ofLimit(int limit) {
        return new PageRequest(limit, null);
    }

    public PageRequest withCursor(String cursor) {
        return new PageRequest(limit, cursor);
    }
}
