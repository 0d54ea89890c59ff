package com.nusomi.recorder.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.bundle.BundleManifest;
import com.nusomi.recorder.bundle.BundleWriter;
import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.Session;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes a run as the contract's run bundle ({@code session-bundle/1}, see {@link BundleManifest}): the session
 * with its tags and frames summary, its events a line each, each frame's image as it is read (one frame in memory
 * at a time), the frames' metadata, the audit entries the key may read, and the manifest with every file's
 * SHA-256. The frames' metadata is gathered in a temporary file while the images go out, so the frames are walked
 * once and {@code frames.json} describes exactly the images written (a frame redacted meanwhile included).
 */
public final class BundleExporter implements Exporter {
    private final Clock clock;
    private final String exportedBy;
    private final boolean reproducible;

    /** An exporter that names this program ({@code session-recorder/<version>}) in the manifest. */
    public BundleExporter() {
        this(Clock.systemUTC(), "session-recorder/" + programVersion());
    }

    /** An exporter with the clock and program name the manifest gets (for tests). */
    public BundleExporter(Clock clock, String exportedBy) {
        this(clock, exportedBy, false);
    }

    private BundleExporter(Clock clock, String exportedBy, boolean reproducible) {
        this.clock = clock;
        this.exportedBy = exportedBy;
        this.reproducible = reproducible;
    }

    /**
     * An exporter whose bundles depend only on the run: {@code exported_at} and every entry's time are the run's
     * stop (its creation while it has none), so exporting the same run twice gives the same bytes, and a server
     * that imported it once recognises it (the import is idempotent by the bundle's hash).
     */
    public static BundleExporter reproducible() {
        return new BundleExporter(Clock.systemUTC(), "session-recorder/" + programVersion(), true);
    }

    @Override
    public void write(RunSource run, OutputStream out, ExportProgress progress) throws IOException {
        Session session = run.session();
        long total = session.frameCount();
        Instant stamp = !reproducible ? null : session.stoppedAt() != null ? session.stoppedAt() : session.createdAt();
        BundleWriter bundle = new BundleWriter(out, Json.mapper(), stamp);
        ObjectNode sessionJson = Json.mapper().valueToTree(session);
        sessionJson.remove("events");
        sessionJson.remove("events_truncated");
        bundle.json(BundleManifest.SESSION, sessionJson);
        progress.advance(0, total, "Events");
        bundle.jsonLines(BundleManifest.EVENTS, run.events(), progress::checkCancelled);
        Path frameLines = Files.createTempFile("bundle-frames-", ".jsonl");
        try {
            long done = 0;
            try (OutputStream metadata = new BufferedOutputStream(Files.newOutputStream(frameLines))) {
                for (Frame frame : run.frames()) {
                    progress.checkCancelled();
                    FrameImage image = run.image(frame);
                    byte[] bytes = image.bytes();
                    String contentType = image.contentType() == null ? frame.contentType() : image.contentType();
                    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                    String sha = bundle.image(BundleManifest.framePath(frame.seq(), type), bytes);
                    Frame written = new Frame(
                            frame.seq(),
                            frame.capturedAt(),
                            frame.offsetMs(),
                            frame.width(),
                            frame.height(),
                            type,
                            bytes.length,
                            sha);
                    metadata.write(Json.mapper().writeValueAsBytes(written));
                    metadata.write('\n');
                    done++;
                    progress.advance(done, Math.max(total, done), "Frame " + done + " of " + Math.max(total, done));
                }
            }
            bundle.file(BundleManifest.FRAMES, o -> copyAsArray(frameLines, o));
        } finally {
            Files.deleteIfExists(frameLines);
        }
        progress.checkCancelled();
        bundle.jsonLines(BundleManifest.AUDIT, run.auditEntries(), progress::checkCancelled);
        bundle.finish(session.id(), stamp != null ? stamp : clock.instant(), exportedBy);
    }

    /** The lines of the temporary file as one JSON array, copied as they are read. */
    private static void copyAsArray(Path lines, OutputStream out) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
            out.write('[');
            boolean first = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
            out.write(']');
        }
    }

    private static String programVersion() {
        String v = BundleExporter.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v;
        }
        try (InputStream in = BundleExporter.class.getResourceAsStream(
                "/META-INF/maven/com.nusomi/session-recorder/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            return "dev";
        }
        return "dev";
    }
}
