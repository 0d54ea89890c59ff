package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.ApiRequest;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.FrameRecord;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Frames [ext]: upload while recording (idempotent by seq and content, a redacted frame's original bytes included),
 * list in seq order, fetch an image. Redaction is {@link FrameRedactions}.
 */
final class FramesApi {
    private final FrameFiles files;

    private FramesApi(FrameFiles files) {
        this.files = files;
    }

    static void register(Router router, FrameFiles files) {
        FramesApi api = new FramesApi(files);
        router.add(Route.write(
                "POST",
                "/v1/sessions/{id}/frames",
                "write",
                Set.of("seq", "captured_at"),
                Route.Body.BINARY,
                api.new Upload()));
        router.add(Route.read("GET", "/v1/sessions/{id}/frames", "read", Set.of("limit", "cursor"), api::list));
        router.add(Route.read("GET", "/v1/sessions/{id}/frames/{seq}", "read", Set.of(), api::image));
    }

    /** What the upload prepared outside the writer's lock: the image's check, and its staged file if valid. */
    private record Staged(ImageInfo info, String invalid, Path file) {}

    /**
     * The upload: the image is checked (a decode: the slow part) and written to a temporary file before the
     * writer's transaction, and moved under its hash inside it, just before its row is inserted. A bad image is
     * refused inside the transaction, after the checks that come first (seq, session, a replayed upload).
     */
    private final class Upload implements Route.StagedWriteHandler<Staged> {
        @Override
        public Staged stage(ApiRequest r) {
            try {
                ImageInfo info = ImageInfo.check(contentType(r), r.body());
                return new Staged(info, null, files.stage(r.bodySha256(), r.body()));
            } catch (ImageInfo.Invalid e) {
                return new Staged(null, e.getMessage(), null);
            }
        }

        @Override
        public ApiResponse handle(ApiRequest r, StoreWriter tx, Staged staged) {
            return upload(r, tx, staged);
        }

        @Override
        public void unstage(Staged staged) {
            files.discard(staged.file());
        }
    }

    private static String contentType(ApiRequest r) {
        return r.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private ApiResponse upload(ApiRequest r, StoreWriter tx, Staged staged) {
        String seqRaw = r.query().single("seq");
        if (seqRaw == null || !seqRaw.matches("[0-9]{1,15}")) {
            throw ApiException.parameter("seq", "seq must be a whole number from 0 (0, 1, 2… per session)");
        }
        long seq = Long.parseLong(seqRaw);
        String capturedRaw = r.query().single("captured_at");
        long capturedAt = capturedRaw == null
                ? -1
                : Times.parse(capturedRaw).map(Instant::toEpochMilli).orElse(-1L);
        if (capturedAt < 0) {
            throw ApiException.parameter("captured_at", "captured_at must be an RFC 3339 time");
        }
        String contentType = contentType(r);
        String id = r.pathParam("id");
        SessionRecord s = SessionLifecycle.requireLive(tx, id);
        String sha = r.bodySha256();
        var existing = tx.findFrame(id, seq);
        if (existing.isPresent()) {
            FrameRecord f = existing.get();
            if (!f.contentType().equals(contentType) || !(f.sha256().equals(sha) || isRedactedOriginal(tx, f, sha))) {
                throw ApiException.conflict(
                        "frame_conflict", "frame " + seq + " of this session was already uploaded with other content");
            }
            return ApiResponse.json(200, Json.write(g -> frame(g, f)));
        }
        if (!SessionRecord.RECORDING.equals(s.status())) {
            throw ApiException.conflict(
                    "session_not_recording",
                    "frames can be added only while the session is recording; it is " + s.status());
        }
        if (staged.info() == null) {
            throw ApiException.invalid("frame_invalid", staged.invalid(), null);
        }
        ImageInfo info = staged.info();
        // Under the image's lock until the commit: no other server erases the file between here and the row.
        tx.lockImages(List.of(sha));
        files.place(sha, staged.file(), r.body());
        Long offset = s.startedAt() == null ? null : capturedAt - s.startedAt();
        FrameRecord f = new FrameRecord(
                id, seq, capturedAt, offset, info.width(), info.height(), contentType, r.body().length, sha);
        tx.insertFrame(f);
        tx.updateSession(s.withCounts(s.frameCount() + 1, s.eventCount(), s.errorEvents()));
        return ApiResponse.json(201, Json.write(g -> frame(g, f)));
    }

    /** Whether these bytes are the frame's image as first uploaded, since redacted: a recorder's retry. */
    private static boolean isRedactedOriginal(StoreReader tx, FrameRecord f, String sha) {
        return tx.findRedaction(f.sessionId(), f.seq())
                .map(r -> r.originalSha256().equals(sha))
                .orElse(false);
    }

    private ApiResponse list(ApiRequest r, StoreReader tx) {
        String id = r.pathParam("id");
        int limit = Validation.limit(r.query().single("limit"));
        String hash = Cursors.filterHash("frames", id);
        Long after = null;
        String cursor = r.query().single("cursor");
        if (cursor != null) {
            JsonNode pos = Cursors.decode(cursor, hash);
            if (!pos.path("q").canConvertToLong()) {
                throw Cursors.invalid();
            }
            after = pos.get("q").asLong();
        }
        SessionLifecycle.requireLive(tx, id);
        List<FrameRecord> rows = tx.listFrames(id, after, limit);
        PageOf<FrameRecord> page = PageOf.of(rows, limit);
        return page.response(
                page.nextCursor(last -> Json.MAPPER.createObjectNode().put("q", last.seq()), hash), FramesApi::frame);
    }

    private ApiResponse image(ApiRequest r, StoreReader tx) {
        String id = r.pathParam("id");
        SessionLifecycle.requireLive(tx, id);
        String seqRaw = r.pathParam("seq");
        FrameRecord f = seqRaw.matches("[0-9]{1,15}")
                ? tx.findFrame(id, Long.parseLong(seqRaw)).orElse(null)
                : null;
        if (f == null) {
            throw ApiException.notFound("frame_not_found", "session '" + id + "' has no frame " + seqRaw);
        }
        // Not immutable: a redaction gives the frame a new image, so a cache asks again (If-None-Match: a 304).
        String etag = "\"" + f.sha256() + "\"";
        if (etag.equals(r.header("If-None-Match"))) {
            return new ApiResponse(304, f.contentType(), new byte[0], Map.of()).withHeader("ETag", etag);
        }
        return new ApiResponse(200, f.contentType(), files.read(f.sha256()), Map.of())
                .withHeader("ETag", etag)
                .withHeader("Cache-Control", "private, no-cache");
    }

    static void frame(JsonGenerator g, FrameRecord f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", f.seq());
        SessionJson.time(g, "captured_at", f.capturedAt());
        if (f.offsetMs() == null) {
            g.writeNullField("offset_ms");
        } else {
            g.writeNumberField("offset_ms", f.offsetMs());
        }
        if (f.width() == null) {
            g.writeNullField("width");
            g.writeNullField("height");
        } else {
            g.writeNumberField("width", f.width());
            g.writeNumberField("height", f.height());
        }
        g.writeStringField("content_type", f.contentType());
        g.writeNumberField("bytes", f.bytes());
        g.writeStringField("sha256", f.sha256());
        g.writeEndObject();
    }
}
