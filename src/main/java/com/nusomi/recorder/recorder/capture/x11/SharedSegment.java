package com.nusomi.recorder.recorder.capture.x11;

import com.sun.jna.Pointer;

/**
 * A System V shared memory segment attached both here and by the X server (MIT-SHM), into which the server writes
 * captured pixels; {@link XcbServer#share} makes one. Already marked for removal: the system frees it once both
 * sides have let go, also when this process dies.
 */
final class SharedSegment implements AutoCloseable {
    final int id;
    final Pointer address;
    final long bytes;
    private final Runnable release;
    private boolean closed;

    SharedSegment(int id, Pointer address, long bytes, Runnable release) {
        this.id = id;
        this.address = address;
        this.bytes = bytes;
        this.release = release;
    }

    /** The X server's side first (it may be writing), then ours. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
