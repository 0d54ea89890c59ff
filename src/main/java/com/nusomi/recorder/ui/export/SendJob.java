package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.bundle.BundleManifest;
import com.nusomi.recorder.bundle.BundleVerifier;
import com.nusomi.recorder.client.ApiResult;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.export.BundleExporter;
import com.nusomi.recorder.export.ClientRunSource;
import com.nusomi.recorder.export.ExportOptions;
import com.nusomi.recorder.export.ExportProgress;
import com.nusomi.recorder.export.RunSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves one run to another server, on a worker thread: exports it as a bundle to a temporary file (the same run
 * gives the same bytes, see {@link BundleExporter#reproducible()}), imports that into the target, and checks that
 * the imported session holds the bundle's frames, same count and same hashes. {@link #cancel()} stops it; the
 * temporary file never outlives it.
 */
final class SendJob {
    /** The steps, in order, as the dialog's lines number them. */
    static final int EXPORT = 0;

    static final int IMPORT = 1;
    static final int VERIFY = 2;

    /** How the send ended: the session on the target, whether it was there before, and the frames checked. */
    record Result(String targetId, boolean alreadyThere, long frames) {}

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<CompletableFuture<?>> upload = new AtomicReference<>();

    void cancel() {
        cancelled.set(true);
        CompletableFuture<?> f = upload.get();
        if (f != null) {
            f.cancel(true);
        }
    }

    /** Sends run {@code id} from {@code local} to {@code target}, reporting each step's progress to {@code steps}. */
    Result run(SessionsClient local, SessionsClient target, String id, ExportJob.Listener steps) throws IOException {
        Path bundle = Files.createTempFile("session-send-", ".zip");
        try {
            RunSource run = ClientRunSource.open(local, id);
            try (OutputStream out = Files.newOutputStream(bundle)) {
                BundleExporter.reproducible().write(run, out, ExportOptions.DEFAULTS, new StepProgress(steps));
            }
            steps.progress(EXPORT, 1, "Bundle written");
            check();
            ApiResult<Session> imported = upload(target, bundle, steps);
            Session s = imported.value();
            boolean before = imported.httpStatus() == 200;
            steps.progress(IMPORT, 1, before ? "Already there, as " + s.id() : "Imported as " + s.id());
            check();
            long frames = verify(target, s.id(), bundle, steps);
            return new Result(s.id(), before, frames);
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    private ApiResult<Session> upload(SessionsClient target, Path bundle, ExportJob.Listener steps) {
        CompletableFuture<ApiResult<Session>> f = target.sessions()
                .importBundle(
                        bundle,
                        (sent, total) -> steps.progress(IMPORT, total > 0 ? (double) sent / total : -1, "Uploading"))
                .executeAsyncForResult();
        upload.set(f);
        if (cancelled.get()) {
            f.cancel(true);
        }
        try {
            ApiResult<Session> r = f.get();
            if (r.failure() != null) {
                throw r.failure();
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** The imported session's frames against the bundle's manifest: the same seqs with the same SHA-256. */
    private long verify(SessionsClient target, String targetId, Path bundle, ExportJob.Listener steps)
            throws IOException {
        steps.progress(VERIFY, -1, "Checking the frames");
        BundleVerifier.Result checked = BundleVerifier.verify(bundle);
        if (!checked.ok()) {
            throw new IOException("the bundle written does not verify: " + checked.path() + " " + checked.problem());
        }
        Map<Long, String> expected = new TreeMap<>();
        for (BundleManifest.BundleFile f : checked.manifest().files()) {
            if (f.path().startsWith("frames/")) {
                String name = f.path().substring("frames/".length());
                expected.put(Long.parseLong(name.substring(0, name.indexOf('.'))), f.sha256());
            }
        }
        Map<Long, String> found = new TreeMap<>();
        for (Frame f : target.frames().listAll(targetId, PageRequest.ofLimit(500))) {
            check();
            found.put(f.seq(), f.sha256());
        }
        if (!found.equals(expected)) {
            throw new IOException("the server holds " + found.size() + " frames for " + targetId + ", the bundle "
                    + expected.size() + (found.size() == expected.size() ? ", with other hashes" : ""));
        }
        steps.progress(VERIFY, 1, expected.size() + " frames, every hash the same");
        return expected.size();
    }

    private void check() {
        if (cancelled.get()) {
            throw new CancellationException("send cancelled");
        }
    }

    /** The export's progress as the first step's. */
    private final class StepProgress implements ExportProgress {
        private final ExportJob.Listener steps;

        StepProgress(ExportJob.Listener steps) {
            this.steps = steps;
        }

        @Override
        public void advance(long done, long total, String what) {
            steps.progress(EXPORT, total > 0 ? Math.min(1, (double) done / total) : -1, what);
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
