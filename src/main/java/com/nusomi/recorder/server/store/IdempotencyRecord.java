package com.nusomi.recorder.server.store;

/** The first response given to an idempotent request, kept to be replayed byte for byte. */
// the array is a payload handed over without copying; changing the record would be invasive
@SuppressWarnings("ArrayRecordComponent")
public record IdempotencyRecord(
        String apiKeyId, String key, String fingerprint, int status, String contentType, byte[] body, long createdAt) {}
