package com.nusomi.recorder.export;

import java.util.concurrent.CancellationException;

/**
 * How an exporter reports its progress and learns that it should stop. Exporters call {@link #advance} after each
 * unit of work (a frame, as a rule) and stop with a {@link CancellationException} from {@link #checkCancelled()}.
 */
public interface ExportProgress {
    /** Progress that goes nowhere and is never cancelled. */
    ExportProgress NONE = (done, total, what) -> {};

    /**
     * {@code done} units of {@code total} are done; {@code total} is -1 while unknown; {@code what} says what is
     * being done, for a person ("Frame 12 of 3,600").
     */
    void advance(long done, long total, String what);

    /** Whether the user asked to stop. */
    default boolean cancelled() {
        return false;
    }

    /** Throws a CancellationException when the user asked to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("export cancelled");
        }
    }
}
