package com.nusomi.recorder.recorder.spool;

import java.time.Instant;

/**
 * One entry of a session journal as stored on disk: its description, the idempotency key chosen when it was
 * written (sent with every upload attempt, so a replay after a crash is absorbed), and its payload: the JPEG
 * bytes of a frame, the JSON array of an event batch, the JSON data of a tag (empty for none), nothing for a stop.
 */
// the array is a payload handed over without copying; changing the record would be invasive
@SuppressWarnings("ArrayRecordComponent")
public record JournalEntry(
        EntryInfo info, String idempotencyKey, Instant capturedAt, String contentType, byte[] payload) {}
