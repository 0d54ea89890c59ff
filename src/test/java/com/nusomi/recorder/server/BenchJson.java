package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.store.SessionRecord;
import java.util.List;

/** Test-only door for the benchmark: a list page's JSON, written exactly as the list endpoint writes it. */
public final class BenchJson {
    private BenchJson() {}

    public static byte[] page(List<SessionRecord> page, long now, String nextCursor, boolean hasMore) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (SessionRecord s : page) {
                SessionJson.session(g, s, now, SessionJson.Embeds.NONE);
            }
            g.writeEndArray();
            g.writeStringField("next_cursor", nextCursor);
            g.writeBooleanField("has_more", hasMore);
            g.writeEndObject();
        });
    }
}
