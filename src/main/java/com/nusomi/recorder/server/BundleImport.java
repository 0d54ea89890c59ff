package com.nusomi.recorder.server;

import com.nusomi.recorder.bundle.BundleManifest;
import com.nusomi.recorder.bundle.BundleVerifier;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.ApiRequest;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.FrameRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.StoreWriter;
import com.nusomi.recorder.server.store.TagRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code POST /v1/sessions:import} [ext]: a run bundle becomes a new sealed session. The body arrives spooled to a
 * file (never in memory). Outside the writer's lock, the bundle is checked against its manifest, its session, frames
 * and events are checked as uploads would be, and each frame's image is staged beside its final place. Inside one
 * write transaction: a bundle imported before (by the SHA-256 of its bytes) returns that session; else the session,
 * its tags, events and frames are inserted together, the images moved into place, and {@code session.imported}
 * audited. A bad bundle changes nothing.
 */
final class BundleImport implements Route.StagedWriteHandler<BundleImport.Staged> {
    private final FrameFiles files;

    /** What the check found outside the lock: the run and its frames (images staged), or why it is refused. */
    record Staged(
            Path zip, BundleManifest manifest, RunBundle.Run run, List<StagedFrame> frames, ApiException invalid) {
        static Staged refused(ApiException invalid) {
            return new Staged(null, null, null, List.of(), invalid);
        }

        static Staged partial(List<StagedFrame> frames) {
            return new Staged(null, null, null, frames, null);
        }
    }

    /** A frame checked and its image staged (null when an image with its hash was already stored). */
    record StagedFrame(RunBundle.Frame frame, ImageInfo info, Path staged) {}

    private BundleImport(FrameFiles files) {
        this.files = files;
    }

    static void register(Router router, FrameFiles files) {
        router.add(
                Route.write("POST", "/v1/sessions:import", "write", Set.of(), Route.Body.ZIP, new BundleImport(files)));
    }

    @Override
    public Staged stage(ApiRequest r) {
        Path zip = r.bodyFile();
        List<StagedFrame> staged = new ArrayList<>();
        try {
            if (zip == null || Files.size(zip) == 0) {
                return Staged.refused(ApiException.invalid(
                        "bundle_invalid", "the request body is empty: send a run bundle (.zip)", null));
            }
            BundleVerifier.Result check = BundleVerifier.verify(zip);
            if (!check.ok()) {
                return Staged.refused(RunBundle.invalid(check.path(), check.problem()));
            }
            try (ZipFile z = new ZipFile(zip.toFile())) {
                RunBundle bundle = new RunBundle(z, check.manifest());
                RunBundle.Run run = bundle.run();
                SessionRecord probe = session(run, "ses_check", null);
                bundle.events(probe, e -> {});
                bundle.frames(f -> staged.add(stageFrame(bundle, f)));
                return new Staged(zip, check.manifest(), run, staged, null);
            }
        } catch (ApiException e) {
            unstage(Staged.partial(staged));
            return Staged.refused(e);
        } catch (ZipException e) {
            unstage(Staged.partial(staged));
            return Staged.refused(RunBundle.invalid("manifest.json", "the zip cannot be read: " + e.getMessage()));
        } catch (IOException e) {
            unstage(Staged.partial(staged));
            throw new UncheckedIOException("cannot read the uploaded bundle", e);
        } catch (RuntimeException e) {
            unstage(Staged.partial(staged));
            throw e;
        }
    }

    private StagedFrame stageFrame(RunBundle bundle, RunBundle.Frame f) {
        try {
            byte[] bytes = bundle.image(f);
            ImageInfo info;
            try {
                info = ImageInfo.check(f.contentType(), bytes);
            } catch (ImageInfo.Invalid e) {
                throw RunBundle.invalid(f.path(), e.getMessage());
            }
            return new StagedFrame(f, info, files.stage(f.sha256(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path() + " of the uploaded bundle", e);
        }
    }

    @Override
    public ApiResponse handle(ApiRequest r, StoreWriter tx, Staged staged) {
        String bundleSha = r.bodySha256();
        var earlier = tx.findImportedSession(bundleSha);
        if (earlier.isPresent()) {
            SessionRecord s = SessionLifecycle.requireLive(tx, earlier.get().id());
            return respond(200, s, r);
        }
        if (staged.invalid() != null) {
            throw staged.invalid();
        }
        RunBundle.Run run = staged.run();
        SessionRecord s = session(run, Ids.session(), new SessionRecord.ImportedFrom(run.sourceId(), bundleSha));
        tx.insertSession(s);
        List<TagRecord> tags = new ArrayList<>();
        for (RunBundle.Tag t : run.tags()) {
            Long offset = s.startedAt() == null ? null : Math.max(0, t.createdAt() - s.startedAt());
            TagRecord tag = new TagRecord(
                    Ids.tag(), s.id(), t.name(), t.data(), t.createdAt(), offset, t.addedByKeyId(), t.addedByLabel());
            tx.insertImportedTag(tag, s.createdAt());
            tags.add(tag);
        }
        long[] events = new long[2];
        try (ZipFile z = new ZipFile(staged.zip().toFile())) {
            RunBundle bundle = new RunBundle(z, staged.manifest());
            bundle.events(s, e -> {
                if (tx.insertEvent(e)) {
                    events[0]++;
                    events[1] += "error".equals(e.type()) ? 1 : 0;
                }
            });
            // Under the images' locks until the commit: no other server erases a file between here and its row.
            tx.lockImages(staged.frames().stream().map(f -> f.frame().sha256()).toList());
            for (StagedFrame f : staged.frames()) {
                placeFrame(bundle, f);
                tx.insertFrame(frameRecord(s, f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded bundle", e);
        }
        SessionRecord done = Pauses.recompute(
                tx, s.withCounts(staged.frames().size(), events[0], events[1]).withTagCount(tags.size()));
        if (done.outcome() == null) {
            done = done.withOutcome(Outcomes.derive(done, tags));
        }
        tx.updateSession(done);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("imported_from_session_id", run.sourceId());
        details.put("bundle_sha256", bundleSha);
        details.put("frames", staged.frames().size());
        details.put("events", events[0]);
        details.put("tags", tags.size());
        SessionLifecycle.audit(tx, r.now(), "session.imported", s.id(), r.apiKeyId(), details);
        return respond(201, done, r);
    }

    /** Puts a frame's image under its hash: the staged file, or (none staged) the bytes again if none is there. */
    private void placeFrame(RunBundle bundle, StagedFrame f) throws IOException {
        if (f.staged() != null || !files.has(f.frame().sha256())) {
            files.place(f.frame().sha256(), f.staged(), f.staged() == null ? bundle.image(f.frame()) : null);
        }
    }

    private static FrameRecord frameRecord(SessionRecord s, StagedFrame f) {
        RunBundle.Frame m = f.frame();
        Long offset = s.startedAt() == null ? null : m.capturedAt() - s.startedAt();
        return new FrameRecord(
                s.id(),
                m.seq(),
                m.capturedAt(),
                offset,
                f.info().width(),
                f.info().height(),
                m.contentType(),
                m.bytes(),
                m.sha256());
    }

    /** The new session of a run: sealed, with the run's times and outcome; counts are set once its parts are in. */
    private static SessionRecord session(RunBundle.Run run, String id, SessionRecord.ImportedFrom from) {
        return new SessionRecord(
                id,
                run.workflow(),
                SessionRecord.SEALED,
                run.outcome(),
                run.stopReason(),
                run.metadata(),
                run.actorId(),
                run.actorKind(),
                run.createdAt(),
                run.startedAt(),
                run.stoppedAt(),
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                null,
                from);
    }

    private static ApiResponse respond(int status, SessionRecord s, ApiRequest r) {
        return ApiResponse.json(status, Json.write(g -> SessionJson.session(g, s, r.now(), SessionJson.Embeds.NONE)));
    }

    @Override
    public void unstage(Staged staged) {
        for (StagedFrame f : staged.frames()) {
            files.discard(f.staged());
        }
    }
}
