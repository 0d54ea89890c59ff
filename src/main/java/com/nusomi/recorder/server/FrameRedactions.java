package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.ApiRequest;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Hashes;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.AuditRecord;
import com.nusomi.recorder.server.store.FrameRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.RedactionRecord;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Frame redaction [ext]: {@code POST /v1/sessions/{id}/frames:redact} paints rectangles black on a range of frames,
 * in any status of the session, sealed included. Each changed frame gets its image re-encoded under a new hash; the
 * old image's file is erased once no frame uses it (after the commit, under the image's lock: {@link FrameFiles});
 * the audit log records {@code session.redacted} without pixels.
 *
 * <p>A frame keeps the rectangles painted on it so far: one whose every requested rectangle lies inside one of
 * them is left as it is, so a second identical call changes nothing (and a replayed call costs no decode). The
 * painting, the slow part, is staged before the writer's transaction, outside its lock; inside it, a frame whose
 * image changed meanwhile is painted again from what it is then.
 */
final class FrameRedactions implements Route.StagedWriteHandler<FrameRedactions.Staged> {
    private static final TypeReference<List<int[]>> RECT_LIST = new TypeReference<>() {};

    private final FrameFiles files;
    private final Store store;
    private final FramePainter painter = new FramePainter();

    private FrameRedactions(FrameFiles files, Store store) {
        this.files = files;
        this.store = store;
    }

    static void register(Router router, FrameFiles files, Store store) {
        router.add(Route.write(
                "POST",
                "/v1/sessions/{id}/frames:redact",
                "write",
                Set.of(),
                Route.Body.JSON,
                new FrameRedactions(files, store)));
    }

    /** A frame painted before the transaction: from which image to which, and the new image's size. */
    record Painting(String fromSha, String sha, long bytes, int width, int height) {}

    /**
     * What the stage prepared: the request (or why it is refused), the frames it painted by seq, and the files it
     * staged by hash (an image already stored under its hash has none).
     */
    record Staged(
            RedactionRequest request, ApiException invalid, Map<Long, Painting> painted, Map<String, Path> files) {}

    /** One frame to change inside the transaction: its row now and the rectangles kept for it so far. */
    private record Change(FrameRecord before, RedactionRecord kept) {}

    @Override
    public Staged stage(ApiRequest r) {
        RedactionRequest request;
        try {
            request = RedactionRequest.parse(r.body());
        } catch (ApiException e) {
            return new Staged(null, e, Map.of(), Map.of());
        }
        String id = r.pathParam("id");
        List<FrameRecord> frames = store.read(tx -> toPaint(tx, id, request));
        Staged staged = new Staged(request, null, new HashMap<>(), new HashMap<>());
        try {
            for (FrameRecord f : frames) {
                try {
                    staged.painted().put(f.seq(), paint(f, request, staged.files()));
                } catch (FramePainter.CannotPaint | UncheckedIOException e) {
                    // the transaction meets it again (and refuses the whole request), or finds the frame changed
                }
            }
        } catch (RuntimeException | Error e) {
            unstage(staged);
            throw e;
        }
        return staged;
    }

    /** The frames of the range that the request would change (none when the session is not live: the work says). */
    private static List<FrameRecord> toPaint(StoreReader tx, String id, RedactionRequest request) {
        if (!Ids.isSessionId(id)
                || tx.findSession(id).map(SessionRecord::isDeleted).orElse(true)) {
            return List.of();
        }
        return tx.framesBetween(id, request.fromSeq(), request.toSeq()).stream()
                .filter(f -> FramePainter.canPaint(f.contentType()))
                .filter(f -> !alreadyPainted(f, tx.findRedaction(id, f.seq()).orElse(null), request.rects()))
                .toList();
    }

    /** Paints the frame's image as it is now and stages the result's file, unless one is staged or stored. */
    private Painting paint(FrameRecord f, RedactionRequest request, Map<String, Path> staged) {
        FramePainter.Painted p = painter.paint(f.contentType(), files.read(f.sha256()), request.rects());
        String sha = Hashes.sha256Hex(p.bytes());
        if (!staged.containsKey(sha)) {
            staged.put(sha, files.stage(sha, p.bytes()));
        }
        return new Painting(f.sha256(), sha, p.bytes().length, p.width(), p.height());
    }

    @Override
    public ApiResponse handle(ApiRequest r, StoreWriter tx, Staged staged) {
        if (staged.invalid() != null) {
            throw staged.invalid();
        }
        RedactionRequest request = staged.request();
        String id = r.pathParam("id");
        SessionLifecycle.requireLive(tx, id);
        List<FrameRecord> frames = tx.framesBetween(id, request.fromSeq(), request.toSeq());
        List<Change> changes = new ArrayList<>();
        for (FrameRecord f : frames) {
            RedactionRecord kept = tx.findRedaction(id, f.seq()).orElse(null);
            if (alreadyPainted(f, kept, request.rects())) {
                continue;
            }
            if (!FramePainter.canPaint(f.contentType())) {
                throw cannotPaint(f, "the JDK has no codec for " + f.contentType());
            }
            changes.add(new Change(f, kept));
        }
        Map<Long, FrameRecord> replaced = replace(tx, request, staged, changes);
        if (!changes.isEmpty()) {
            audit(tx, r, request, frames.size());
        }
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("redacted", frames.size());
            g.writeArrayFieldStart("frames");
            for (FrameRecord f : frames) {
                FramesApi.frame(g, replaced.getOrDefault(f.seq(), f));
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /**
     * Points each changed frame at its painted image, placing the image's file under the image's lock, and has the
     * files of the images no frame uses any more erased once the transaction committed. A frame whose image changed
     * since the stage, or whose painted image's file is gone meanwhile, is painted here, before anything changes.
     * Returns the changed frames by seq.
     */
    private Map<Long, FrameRecord> replace(
            StoreWriter tx, RedactionRequest request, Staged staged, List<Change> changes) {
        Map<String, Path> here = new HashMap<>();
        try {
            // The stage's images, locked together (in one order); one painted again below is locked on its own.
            tx.lockImages(changes.stream()
                    .map(c -> staged.painted().get(c.before().seq()))
                    .filter(p -> p != null)
                    .map(Painting::sha)
                    .toList());
            List<Painting> paintings = new ArrayList<>();
            for (Change c : changes) {
                paintings.add(paintingOf(tx, c.before(), request, staged, here));
            }
            Map<Long, FrameRecord> replaced = new HashMap<>();
            Set<String> placed = new HashSet<>();
            Set<String> oldImages = new LinkedHashSet<>();
            for (int i = 0; i < changes.size(); i++) {
                FrameRecord f = changes.get(i).before();
                RedactionRecord kept = changes.get(i).kept();
                Painting p = paintings.get(i);
                Path file = staged.files().get(p.sha()) != null ? staged.files().get(p.sha()) : here.get(p.sha());
                if (file != null && placed.add(p.sha())) {
                    files.place(p.sha(), file, null);
                }
                FrameRecord redacted = new FrameRecord(
                        f.sessionId(),
                        f.seq(),
                        f.capturedAt(),
                        f.offsetMs(),
                        p.width(),
                        p.height(),
                        f.contentType(),
                        p.bytes(),
                        p.sha());
                String original = kept == null ? f.sha256() : kept.originalSha256();
                tx.replaceFrameImage(
                        redacted,
                        new RedactionRecord(
                                f.sessionId(),
                                f.seq(),
                                original,
                                rectsText(keptRects(kept, redacted, request.rects()))));
                replaced.put(f.seq(), redacted);
                if (!p.sha().equals(f.sha256())) {
                    oldImages.add(f.sha256());
                }
            }
            files.eraseAfterCommit(tx, oldImages);
            return replaced;
        } finally {
            here.values().forEach(files::discard);
        }
    }

    /**
     * The stage's painting of the frame while it still holds (its image's lock held): else the frame painted now,
     * its image locked, and its file staged in {@code here} unless one is staged or stored.
     */
    private Painting paintingOf(
            StoreWriter tx, FrameRecord f, RedactionRequest request, Staged staged, Map<String, Path> here) {
        Painting p = staged.painted().get(f.seq());
        if (p != null && p.fromSha().equals(f.sha256()) && hasFile(p.sha(), staged, here)) {
            return p;
        }
        FramePainter.Painted painted;
        try {
            painted = painter.paint(f.contentType(), files.read(f.sha256()), request.rects());
        } catch (FramePainter.CannotPaint e) {
            throw cannotPaint(f, e.getMessage());
        }
        String sha = Hashes.sha256Hex(painted.bytes());
        tx.lockImages(List.of(sha));
        if (!hasFile(sha, staged, here)) {
            here.put(sha, files.stage(sha, painted.bytes()));
        }
        return new Painting(f.sha256(), sha, painted.bytes().length, painted.width(), painted.height());
    }

    /** Whether the image's file is staged, by the stage or here, or stored (looked at under the image's lock). */
    private boolean hasFile(String sha, Staged staged, Map<String, Path> here) {
        return staged.files().get(sha) != null || here.get(sha) != null || files.has(sha);
    }

    private static ApiException cannotPaint(FrameRecord f, String why) {
        return new ApiException(
                415,
                "invalid_request_error",
                "unsupported_media_type",
                "frame " + f.seq() + " (" + f.contentType() + ") cannot be redacted by this server: " + why
                        + "; nothing was changed",
                null);
    }

    @Override
    public void unstage(Staged staged) {
        staged.files().values().forEach(files::discard);
    }

    /** Whether every requested rectangle, clipped to the frame, lies inside one already painted on it. */
    private static boolean alreadyPainted(FrameRecord f, RedactionRecord kept, List<RedactionRect> rects) {
        if (f.width() == null || f.height() == null) {
            return false;
        }
        List<RedactionRect> painted = kept == null ? List.of() : parseRects(kept.rects());
        for (RedactionRect r : rects) {
            RedactionRect clipped = r.clip(f.width(), f.height());
            if (clipped != null && painted.stream().noneMatch(p -> p.contains(clipped))) {
                return false;
            }
        }
        return true;
    }

    /** The rectangles painted on the frame so far and now, clipped to it, those inside another left out. */
    private static List<RedactionRect> keptRects(RedactionRecord kept, FrameRecord f, List<RedactionRect> rects) {
        List<RedactionRect> all = new ArrayList<>(kept == null ? List.of() : parseRects(kept.rects()));
        for (RedactionRect r : rects) {
            RedactionRect clipped = r.clip(f.width(), f.height());
            if (clipped != null && all.stream().noneMatch(p -> p.contains(clipped))) {
                all.removeIf(clipped::contains);
                all.add(clipped);
            }
        }
        return all;
    }

    private static List<RedactionRect> parseRects(String text) {
        try {
            return Json.MAPPER.readValue(text, RECT_LIST).stream()
                    .map(a -> new RedactionRect(a[0], a[1], a[2], a[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable redaction rectangles", e);
        }
    }

    private static String rectsText(List<RedactionRect> rects) {
        return new String(
                Json.write(g -> {
                    g.writeStartArray();
                    for (RedactionRect r : rects) {
                        g.writeArray(new int[] {r.x(), r.y(), r.width(), r.height()}, 0, 4);
                    }
                    g.writeEndArray();
                }),
                StandardCharsets.UTF_8);
    }

    private static void audit(StoreWriter tx, ApiRequest r, RedactionRequest request, int redacted) {
        String details = new String(
                Json.write(g -> {
                    g.writeStartObject();
                    request.writeFields(g);
                    g.writeNumberField("redacted", redacted);
                    g.writeEndObject();
                }),
                StandardCharsets.UTF_8);
        tx.insertAudit(
                new AuditRecord(Ids.audit(), r.now(), "session.redacted", r.pathParam("id"), r.apiKeyId(), details));
    }
}
