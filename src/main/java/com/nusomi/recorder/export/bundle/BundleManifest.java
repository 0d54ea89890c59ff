package com.nusomi.recorder.export.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A run bundle's {@code manifest.json}: the format, the session it was exported from, when and by what, and every
 * other file of the bundle with its size and SHA-256 (lower-case hex).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleManifest(
        String format, String sessionId, Instant exportedAt, String exportedBy, List<BundleFile> files) {
    /** The one format this build writes and reads. */
    public static final String FORMAT = "session-bundle/1";
    /** The manifest's own name in the zip. */
    public static final String MANIFEST = "manifest.json";
    /** The session object with its tags and frames summary. */
    public static final String SESSION = "session.json";
    /** Every event, one JSON object a line, in order. */
    public static final String EVENTS = "events.jsonl";
    /** The frames' metadata, as the frames list gives it. */
    public static final String FRAMES = "frames.json";
    /** The session's audit entries (optional). */
    public static final String AUDIT = "audit.jsonl";
    /** The files every bundle holds besides the manifest. */
    public static final List<String> REQUIRED = List.of(SESSION, EVENTS, FRAMES);

    public BundleManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file of the bundle: its path in the zip, its size in bytes and its SHA-256. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BundleFile(String path, long bytes, String sha256) {}

    /** The path of a frame's image: {@code frames/<seq>.<jpg|png|webp>}. */
    public static String framePath(long seq, String contentType) {
        return "frames/" + seq + "." + extension(contentType);
    }

    /** The file name extension of a frame's content type ({@code jpg} when unknown). */
    public static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return switch (type) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
    }
}
