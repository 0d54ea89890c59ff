package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.bundle.BundleManifest;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.store.EventRecord;
import com.nusomi.recorder.server.store.SessionRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The content of a run bundle whose files already match their manifest, read and checked as an import needs it:
 * the session (with its tags) from {@code session.json}, the frames' metadata from {@code frames.json}, each
 * frame's image and the events of {@code events.jsonl}, each line on its own. Reads one entry at a time and keeps
 * no image and no event: a bundle of any size is read in bounded memory (the frames' metadata aside). Anything
 * that would not be accepted on upload is a 400 {@code bundle_invalid} naming the file.
 */
final class RunBundle {
    /** The largest {@code session.json}: 1,000 tags of 16 KiB and the metadata, with room to spare. */
    static final long SESSION_LIMIT = 32L * 1024 * 1024;
    /** The longest event line: an event's data is at most 4 KiB; ids, type and time add little. */
    static final int EVENT_LINE_LIMIT = 64 * 1024;

    /** Reads one value of a stream of them (the server's mapper refuses what follows a value). */
    private static final ObjectReader ONE_NODE =
            Json.MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> STOPPED = Set.of(SessionRecord.STOPPED, SessionRecord.SEALED);
    private static final Set<String> STOP_REASONS = Set.of("stop", "batch_stop", "delete");

    /** The session as the bundle describes it (its id there); {@code status} is where the run ended. */
    record Run(
            String sourceId,
            String workflow,
            String outcome,
            String stopReason,
            String metadata,
            String actorId,
            String actorKind,
            long createdAt,
            Long startedAt,
            Long stoppedAt,
            List<Tag> tags) {}

    /** A tag as the bundle gives it; its author is a key of the exporting server. */
    record Tag(String name, String data, long createdAt, String addedByKeyId, String addedByLabel) {}

    /** A frame's metadata as {@code frames.json} gives it, and its image's path, size and hash in the bundle. */
    record Frame(long seq, long capturedAt, String contentType, String path, long bytes, String sha256) {}

    private final ZipFile zip;
    private final Map<String, BundleManifest.BundleFile> files;

    RunBundle(ZipFile zip, BundleManifest manifest) {
        this.zip = zip;
        Map<String, BundleManifest.BundleFile> byPath = new HashMap<>();
        manifest.files().forEach(f -> byPath.put(f.path(), f));
        this.files = byPath;
    }

    static ApiException invalid(String path, String message) {
        return ApiException.invalid("bundle_invalid", path + ": " + message, path);
    }

    // ---- session.json -----------------------------------------------------------------------------------------

    Run run() throws IOException {
        JsonNode node;
        try (InputStream in = open(BundleManifest.SESSION, SESSION_LIMIT)) {
            node = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw invalid(BundleManifest.SESSION, "is not JSON: " + e.getOriginalMessage());
        }
        try {
            return run(node);
        } catch (ApiException e) {
            throw invalid(BundleManifest.SESSION, e.getMessage());
        }
    }

    private static Run run(JsonNode s) {
        if (s == null || !s.isObject()) {
            throw ApiException.bodyInvalid("the session must be a JSON object");
        }
        String workflow = s.path("workflow").asText(null);
        if (!Validation.isSlug(workflow)) {
            throw ApiException.bodyInvalid(Validation.slugRule("workflow"));
        }
        String status = s.path("status").asText("");
        if (!STOPPED.contains(status)) {
            throw ApiException.bodyInvalid("only a stopped or sealed run can be imported; this one is " + status);
        }
        String outcome = text(s, "outcome");
        if (outcome != null && !Validation.OUTCOMES.contains(outcome)) {
            throw ApiException.bodyInvalid("outcome must be success, error or abandoned");
        }
        String stopReason = text(s, "stop_reason");
        if (stopReason != null && !STOP_REASONS.contains(stopReason)) {
            throw ApiException.bodyInvalid("stop_reason must be stop, batch_stop or delete");
        }
        String metadata = Validation.object(s.get("metadata"), "metadata", "metadata_invalid", "metadata_too_large");
        String actorId = null;
        String actorKind = null;
        JsonNode actor = s.get("actor");
        if (actor != null && !actor.isNull()) {
            actorId = text(actor, "id");
            actorKind = text(actor, "kind");
            if (actorId == null
                    || actorId.isEmpty()
                    || actorId.codePointCount(0, actorId.length()) > 256
                    || !Validation.ACTOR_KINDS.contains(actorKind)) {
                throw ApiException.bodyInvalid("actor must be {id: 1 to 256 characters, kind: human|model|script}");
            }
        }
        long createdAt = requiredTime(s, "created_at");
        Long startedAt = time(s, "started_at");
        Long stoppedAt = time(s, "stopped_at");
        if (stoppedAt == null || (startedAt != null && stoppedAt < startedAt)) {
            throw ApiException.bodyInvalid("stopped_at must be given, and not before started_at");
        }
        String sourceId = text(s, "id");
        if (sourceId == null || sourceId.isEmpty() || sourceId.length() > 64) {
            throw ApiException.bodyInvalid("id must be the session's id (1 to 64 characters)");
        }
        return new Run(
                sourceId,
                workflow,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                tags(s.get("tags")));
    }

    private static List<Tag> tags(JsonNode tags) {
        List<Tag> out = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return out;
        }
        if (!tags.isArray() || tags.size() > SessionLifecycle.MAX_TAGS) {
            throw ApiException.bodyInvalid("tags must be an array of at most " + SessionLifecycle.MAX_TAGS + " tags");
        }
        for (int i = 0; i < tags.size(); i++) {
            JsonNode t = tags.get(i);
            String name = text(t, "name");
            if (!Validation.isSlug(name)) {
                throw ApiException.bodyInvalid("tags[" + i + "]: " + Validation.slugRule("name"));
            }
            String data = Validation.object(t.get("data"), "tags[" + i + "].data", "bundle_invalid", "bundle_invalid");
            JsonNode by = t.get("added_by");
            String keyId = by == null || by.isNull() ? null : text(by, "key_id");
            String label = by == null || by.isNull() ? null : text(by, "label");
            out.add(new Tag(name, data, requiredTime(t, "created_at"), keyId, keyId == null ? null : label));
        }
        return out;
    }

    // ---- frames.json and frames/ ------------------------------------------------------------------------------

    /**
     * Walks {@code frames.json}, one frame at a time, checking that each names an image the bundle holds; then that
     * the bundle holds no image {@code frames.json} does not name.
     */
    void frames(Consumer<Frame> each) throws IOException {
        Set<Long> seqs = new HashSet<>();
        Set<String> named = new HashSet<>();
        long limit = files.get(BundleManifest.FRAMES).bytes();
        try (InputStream in = open(BundleManifest.FRAMES, limit);
                JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw invalid(BundleManifest.FRAMES, "must be a JSON array of frames");
            }
            int i = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Frame f = frame(ONE_NODE.readValue(p), i++);
                if (!seqs.add(f.seq())) {
                    throw invalid(BundleManifest.FRAMES, "frame " + f.seq() + " is listed twice");
                }
                named.add(f.path());
                each.accept(f);
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw invalid(BundleManifest.FRAMES, "must be a JSON array of frame objects");
            }
        } catch (JacksonException e) {
            throw invalid(BundleManifest.FRAMES, "is not JSON: " + e.getOriginalMessage());
        }
        for (String path : files.keySet()) {
            if (path.startsWith("frames/") && !named.contains(path)) {
                throw invalid(path, "is not a frame of frames.json");
            }
        }
    }

    private Frame frame(JsonNode f, int index) {
        String where = "frame " + index;
        JsonNode seq = f.get("seq");
        if (seq == null || !seq.canConvertToLong() || seq.asLong() < 0) {
            throw invalid(BundleManifest.FRAMES, where + ": seq must be a whole number from 0");
        }
        String type =
                String.valueOf(text(f, "content_type")).split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!Set.of("image/jpeg", "image/png", "image/webp").contains(type)) {
            throw invalid(BundleManifest.FRAMES, where + ": content_type must be image/jpeg, image/png or image/webp");
        }
        Long capturedAt;
        try {
            capturedAt = requiredTime(f, "captured_at");
        } catch (ApiException e) {
            throw invalid(BundleManifest.FRAMES, where + ": " + e.getMessage());
        }
        String path = BundleManifest.framePath(seq.asLong(), type);
        BundleManifest.BundleFile file = files.get(path);
        if (file == null) {
            throw invalid(path, "is missing (frame " + seq.asLong() + " of frames.json)");
        }
        if (file.bytes() > Route.BINARY_LIMIT) {
            throw invalid(path, "is larger than a frame may be (" + Route.BINARY_LIMIT / 1024 / 1024 + " MiB)");
        }
        return new Frame(seq.asLong(), capturedAt, type, path, file.bytes(), file.sha256());
    }

    /** A frame's image bytes (at most 10 MiB, the manifest's size for it). */
    byte[] image(Frame f) throws IOException {
        try (InputStream in = open(f.path(), f.bytes())) {
            return in.readAllBytes();
        }
    }

    // ---- events.jsonl -----------------------------------------------------------------------------------------

    /** Walks {@code events.jsonl} a line at a time, each event checked as an upload would be, for session {@code s}. */
    void events(SessionRecord s, Consumer<EventRecord> each) throws IOException {
        long limit = files.get(BundleManifest.EVENTS).bytes();
        try (InputStream in = new BufferedInputStream(open(BundleManifest.EVENTS, limit), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 0;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    number++;
                    if (line.size() > 0) {
                        each.accept(event(line.toByteArray(), number, s));
                        line.reset();
                    }
                    if (b < 0) {
                        return;
                    }
                } else if (line.size() >= EVENT_LINE_LIMIT) {
                    throw invalid(BundleManifest.EVENTS, "line " + (number + 1) + " is longer than an event can be");
                } else {
                    line.write(b);
                }
            }
        }
    }

    private static EventRecord event(byte[] line, long number, SessionRecord s) {
        String where = "line " + number;
        try {
            ObjectNode node = Json.parseObject(line);
            node.remove("offset_ms");
            return EventsApi.parse(node, "event", s);
        } catch (ApiException e) {
            throw invalid(BundleManifest.EVENTS, where + ": " + e.getMessage());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** An entry of the zip, never read past {@code limit} bytes. */
    private InputStream open(String path, long limit) throws IOException {
        ZipEntry entry = zip.getEntry(path);
        BundleManifest.BundleFile file = files.get(path);
        if (entry == null || file == null) {
            throw invalid(path, "is missing");
        }
        if (file.bytes() > limit) {
            throw invalid(path, "is larger than " + limit + " bytes");
        }
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(0, n);
                return n;
            }
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Long time(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return Times.parse(v.asText())
                .map(Instant::toEpochMilli)
                .orElseThrow(() -> ApiException.bodyInvalid(field + " must be an RFC 3339 time"));
    }

    private static long requiredTime(JsonNode node, String field) {
        Long t = time(node, field);
        if (t == null) {
            throw ApiException.bodyInvalid(field + " must be an RFC 3339 time");
        }
        return t;
    }
}
