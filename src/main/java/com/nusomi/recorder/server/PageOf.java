package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Json;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint, from the {@code limit + 1} rows the store returns: the extra row only says that more
 * follow. Writes the contract's {@code {data, next_cursor, has_more}}, with {@code next_cursor} null exactly when
 * {@code has_more} is false.
 */
record PageOf<T>(List<T> rows, boolean hasMore) {

    /** Writes one row of the page. */
    @FunctionalInterface
    interface RowWriter<T> {
        void write(JsonGenerator g, T row) throws IOException;
    }

    static <T> PageOf<T> of(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new PageOf<>(more ? fetched.subList(0, limit) : fetched, more);
    }

    /** The cursor after the last row (its keyset position, see {@link Cursors}), or null on the last page. */
    String nextCursor(Function<T, ObjectNode> position, String filterHash) {
        return hasMore ? Cursors.encode(position.apply(rows.get(rows.size() - 1)), filterHash) : null;
    }

    /** The page, written while it is sent (the rows are in memory; what a row writer adds is not kept). */
    ApiResponse response(String nextCursor, RowWriter<T> writer) {
        return ApiResponse.streamedJson(
                200,
                out -> Json.stream(out, g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("data");
                    for (T row : rows) {
                        writer.write(g, row);
                    }
                    g.writeEndArray();
                    g.writeStringField("next_cursor", nextCursor);
                    g.writeBooleanField("has_more", hasMore);
                    g.writeEndObject();
                }));
    }
}
