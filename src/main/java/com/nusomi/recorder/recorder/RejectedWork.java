package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.RejectedEntry;

/**
 * A piece of recorded work (a frame, an event batch, a tag or the stop) that the server refused for good, as the app
 * shows it: what it was, where it stood in the session's journal and what the server said. The entry itself stays
 * on disk in the session's rejected list; this is its description, free of the spool's types.
 *
 * @param kind what the refused entry carried
 * @param index its position in the session's journal
 * @param frameSeq the frame's seq (frames only; -1 otherwise)
 * @param tagName the tag's name (tags only; null otherwise)
 * @param code the contract's error code, or null
 * @param requestId the server's request id, or null
 */
public record RejectedWork(
        String sessionId,
        Kind kind,
        long index,
        long frameSeq,
        String tagName,
        int httpStatus,
        String code,
        String message,
        String requestId) {

    /** What a refused entry carried. */
    public enum Kind {
        FRAME,
        EVENTS,
        TAG,
        STOP
    }

    /** Whether the server refused the session's stop (e.g. the session was deleted or stopped elsewhere). */
    public boolean isStop() {
        return kind == Kind.STOP;
    }

    static RejectedWork of(RejectedEntry r) {
        return new RejectedWork(
                r.entry().sessionId(),
                Kind.valueOf(r.entry().kind().name()),
                r.entry().index(),
                r.entry().frameSeq(),
                r.entry().tagName(),
                r.httpStatus(),
                r.code(),
                r.message(),
                r.requestId());
    }
}
