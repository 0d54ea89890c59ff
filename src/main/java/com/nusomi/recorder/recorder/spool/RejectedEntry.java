package com.nusomi.recorder.recorder.spool;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A journal entry the server refused for good (404, 410, 409 such as {@code session_not_recording}, 400...). It is
 * kept on disk ({@code file}, listed in {@code rejected.log}) and never retried automatically.
 */
public record RejectedEntry(
        EntryInfo entry, int httpStatus, String code, String message, String requestId, Instant at, Path file) {}
