package com.nusomi.recorder.recorder.spool;

import java.util.List;

/**
 * What a journal entry is, without its payload: its position in the session's journal, its kind, the frame seq
 * (frames; -1 otherwise), the event ids (event batches; empty otherwise), the tag name (tags) and its size on disk.
 */
public record EntryInfo(
        String sessionId,
        long index,
        EntryKind kind,
        long frameSeq,
        List<String> eventIds,
        String tagName,
        long bytes) {
    public EntryInfo {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }
}
