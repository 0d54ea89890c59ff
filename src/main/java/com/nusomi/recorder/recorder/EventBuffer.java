package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of a recording on their way into its journal: clicks, focus changes, notes and markers wait here
 * and go into the journal as batches of at most {@value SessionJournal#MAX_EVENTS} events: when a batch is full,
 * when {@link #flush()} is called (on a timer, and before anything that must follow them), and at once for notes
 * and markers. Key presses are summed up into one {@code key} event per burst ({@link KeyActivity}) that joins
 * the buffer when the burst ends ({@link #flushKeys()}). Not thread-safe: used on the recording's worker only.
 */
final class EventBuffer {
    private final SessionJournal journal;
    private final Clock clock;
    private final KeyActivity keys;
    private final List<EventInput> buffer = new ArrayList<>();

    EventBuffer(SessionJournal journal, Clock clock, boolean recordKeyText) {
        this.journal = journal;
        this.clock = clock;
        this.keys = new KeyActivity(recordKeyText);
    }

    /** Adds an event; a full batch goes into the journal at once. */
    void add(EventInput e) {
        buffer.add(e);
        if (buffer.size() >= SessionJournal.MAX_EVENTS) {
            flush();
        }
    }

    /** Counts a key press into the current burst. */
    void keyPressed(Instant at, boolean modifierKey, Set<String> held) {
        keys.pressed(at, modifierKey, held);
    }

    /** Keeps a typed character in the current burst (when text is recorded); a burst full of text ends. */
    void keyTyped(char c) {
        keys.typed(c);
        if (keys.isFull()) {
            flushKeys();
        }
    }

    /** Ends the current burst of keys: its {@code key} event, if any, joins the buffer. */
    void flushKeys() {
        EventInput e = keys.flush();
        if (e != null) {
            add(e);
        }
    }

    /**
     * Writes every buffered event into the journal, in batches; returns the last batch's entry (null if there was
     * nothing to write). Events stay buffered when the journal refuses them.
     */
    EntryInfo flush() {
        EntryInfo last = null;
        while (!buffer.isEmpty()) {
            int n = Math.min(buffer.size(), SessionJournal.MAX_EVENTS);
            List<EventInput> batch = new ArrayList<>(buffer.subList(0, n));
            last = journal.appendEvents(batch);
            buffer.subList(0, batch.size()).clear();
        }
        return last;
    }

    /**
     * Writes {@code e} now, after the keys typed and the events buffered before it; returns its entry once it is
     * in the journal.
     */
    EntryInfo writeNow(EventInput e) {
        flushKeys();
        buffer.add(e);
        return flush();
    }

    /**
     * Writes a {@code marker} event {@code {"kind": kind}} now (see {@link #writeNow}), stamped on the recording's
     * clock like every other event: paused time is measured between markers.
     */
    EntryInfo marker(String kind) {
        return writeNow(EventInput.builder("marker")
                .at(clock.instant())
                .data(Map.of("kind", kind))
                .build());
    }

    /** Events waiting for the next batch (for tests). */
    int buffered() {
        return buffer.size();
    }
}
