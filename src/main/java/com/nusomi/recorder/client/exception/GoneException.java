package com.nusomi.recorder.client.exception;

import java.time.Instant;

/** HTTP 410: the session is soft-deleted; it can be restored until {@link #purgeAt()}. */
public class GoneException extends ApiException {
    private final Instant deletedAt;
    private final Instant purgeAt;

    public GoneException(ErrorInfo info, Instant deletedAt, Instant purgeAt, Throwable cause) {
        super(describe(info, "The session is deleted"), info, cause);
        this.deletedAt = deletedAt;
        this.purgeAt = purgeAt;
    }

    /** When the session was soft-deleted, if the server said. */
    public Instant deletedAt() {
        return deletedAt;
    }

    /** When it will be purged for good, if the server said. */
    public Instant purgeAt() {
        return purgeAt;
    }
}
