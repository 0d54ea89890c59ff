package com.nusomi.recorder.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one run in one format. Implementations stream: memory stays bounded whatever the run's length. */
public interface Exporter {
    /**
     * Writes {@code run} to {@code out} (which the caller closes), reporting to {@code progress} and stopping with a
     * CancellationException when it is cancelled.
     */
    void write(RunSource run, OutputStream out, ExportProgress progress) throws IOException;

    /**
     * Writes {@code run} as {@link #write(RunSource, OutputStream, ExportProgress)} does, with {@code options}; an
     * exporter that has no options ignores them.
     */
    default void write(RunSource run, OutputStream out, ExportOptions options, ExportProgress progress)
            throws IOException {
        write(run, out, progress);
    }
}
