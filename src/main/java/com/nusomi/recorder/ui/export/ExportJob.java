package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.export.AtomicFile;
import com.nusomi.recorder.export.ClientRunSource;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportProgress;
import com.nusomi.recorder.export.Exporter;
import com.nusomi.recorder.export.Exporters;
import com.nusomi.recorder.export.RunSource;
import com.nusomi.recorder.ui.common.Failure;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One export of one or more runs, run on a worker thread: each run to its own file (written whole or not at all,
 * through {@link AtomicFile}), or every bundle into one zip. {@link #cancel()} (from any thread) stops it at the
 * next frame; what was being written is then removed. A run that fails is reported and the others go on, except in
 * one zip, which is written whole or not at all.
 */
public final class ExportJob {
    /** What the job reports, from its worker thread. */
    public interface Listener {
        /** Run {@code index} is {@code fraction} (0 to 1) done; {@code what} says what for a person. */
        void progress(int index, double fraction, String what);

        /** Run {@code index} is done: written to {@code file} (in one zip: the zip, once it is whole). */
        void finished(int index, Path file);

        /** Run {@code index} failed; {@code message} says why, with the server's request id when there is one. */
        void failed(int index, String message);
    }

    /** How the job ended: the files written, and whether it was cancelled. */
    public record Result(List<Path> written, int failed, boolean cancelled) {}

    private final SessionsClient client;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A job that reads the runs through {@code client}. */
    public ExportJob(SessionsClient client) {
        this.client = client;
    }

    /** Asks the job to stop; it stops at the next frame and removes what it was writing. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Exports {@code runs} as {@code choice} says; blocking. */
    public Result run(List<RunRef> runs, ExportChoice choice, Listener listener) throws IOException {
        Exporter exporter = Exporters.forFormat(choice.format())
                .orElseThrow(() -> new IOException(choice.format().wireName() + " is not available in this build"));
        return choice.oneZip()
                ? oneZip(runs, choice, exporter, listener)
                : eachToItsFile(runs, choice, exporter, listener);
    }

    private Result eachToItsFile(List<RunRef> runs, ExportChoice choice, Exporter exporter, Listener listener)
            throws IOException {
        Path dest = choice.destination();
        if (runs.size() > 1 && Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new IOException("several runs go into a folder, and " + dest + " is a file");
        }
        boolean intoFolder = runs.size() > 1 || Files.isDirectory(dest);
        List<Path> written = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < runs.size() && !cancelled.get(); i++) {
            RunRef ref = runs.get(i);
            Path target =
                    intoFolder ? dest.resolve(Exporters.fileName(ref.workflow(), ref.id(), choice.format())) : dest;
            int index = i;
            try {
                RunSource run = ClientRunSource.open(client, ref.id());
                AtomicFile.write(target, out -> exporter.write(run, out, choice.options(), progress(index, listener)));
                written.add(target);
                listener.finished(i, target);
            } catch (CancellationException e) {
                break;
            } catch (IOException | RuntimeException e) {
                failed++;
                listener.failed(i, describe(e));
            }
        }
        return new Result(written, failed, cancelled.get());
    }

    private Result oneZip(List<RunRef> runs, ExportChoice choice, Exporter exporter, Listener listener)
            throws IOException {
        Path target = choice.destination();
        int[] current = {0};
        try {
            AtomicFile.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                for (int i = 0; i < runs.size(); i++) {
                    current[0] = i;
                    RunRef ref = runs.get(i);
                    RunSource run = ClientRunSource.open(client, ref.id());
                    zip.putNextEntry(new ZipEntry(Exporters.fileName(ref.workflow(), ref.id(), ExportFormat.BUNDLE)));
                    exporter.write(run, new KeepOpen(zip), choice.options(), progress(i, listener));
                    zip.closeEntry();
                    listener.progress(i, 1, "Written");
                }
                zip.finish();
            });
        } catch (CancellationException e) {
            return new Result(List.of(), 0, true);
        } catch (IOException | RuntimeException e) {
            listener.failed(current[0], describe(e));
            return new Result(List.of(), 1, false);
        }
        for (int i = 0; i < runs.size(); i++) {
            listener.finished(i, target);
        }
        return new Result(List.of(target), 0, false);
    }

    private ExportProgress progress(int index, Listener listener) {
        return new ExportProgress() {
            @Override
            public void advance(long done, long total, String what) {
                listener.progress(index, total > 0 ? Math.min(1, (double) done / total) : -1, what);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** A failure as one line: the reason, and the server's request id when there is one. */
    static String describe(Throwable e) {
        Failure f = Failure.of("", e, null);
        return f.detail() + (f.requestId() == null ? "" : " (request id " + f.requestId() + ")");
    }

    /** The zip's entry stream for one bundle: closing it (the exporter's caller never does) closes nothing. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
