package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How events are batched into journal entries: when a batch is written, and what goes into it. */
class EventBufferTest {
    private static final Instant NOW = Instant.parse("2026-05-07T14:01:33Z");

    @TempDir
    Path data;

    private final CollectingListener seen = new CollectingListener();
    private Spool spool;
    private SessionJournal journal;
    private EventBuffer events;

    @BeforeEach
    void open() {
        spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, new SpoolAdapter(new Notifier(seen, r -> {}), id -> null));
        journal = spool.journal("ses_buffer");
        events = new EventBuffer(journal, Clock.fixed(NOW, ZoneOffset.UTC), true);
    }

    @AfterEach
    void close() {
        spool.close();
    }

    private static EventInput click(int n) {
        return EventInput.builder("click").at(NOW).data(Map.of("x", n, "y", n)).build();
    }

    @Test
    void eventsWaitForAFlushAndThenGoAsOneBatch() {
        events.add(click(1));
        events.add(click(2));
        assertThat(seen.recorded).isEmpty();

        EntryInfo entry = events.flush();

        assertThat(seen.recorded).containsExactly(entry);
        assertThat(entry.eventIds()).hasSize(2);
        assertThat(events.buffered()).isZero();
    }

    @Test
    void aFlushWithNothingBufferedWritesNothing() {
        assertThat(events.flush()).isNull();
        assertThat(seen.recorded).isEmpty();
    }

    @Test
    void aFullBatchIsWrittenAtOnce() {
        for (int i = 0; i < SessionJournal.MAX_EVENTS - 1; i++) {
            events.add(click(i));
        }
        assertThat(seen.recorded).isEmpty();

        events.add(click(SessionJournal.MAX_EVENTS));

        assertThat(seen.recorded)
                .singleElement()
                .satisfies(e -> assertThat(e.eventIds()).hasSize(SessionJournal.MAX_EVENTS));
        assertThat(events.buffered()).isZero();
    }

    @Test
    void aBurstOfKeysBecomesOneEventWhenItEnds() {
        events.keyPressed(NOW, false, Set.of());
        events.keyPressed(NOW, false, Set.of("shift"));
        events.keyPressed(NOW, false, Set.of());
        assertThat(events.buffered()).isZero();

        events.flushKeys();

        assertThat(events.buffered()).isEqualTo(1);
    }

    @Test
    void modifierKeysAloneRecordNothing() {
        events.keyPressed(NOW, true, Set.of("ctrl"));
        events.flushKeys();
        assertThat(events.buffered()).isZero();
    }

    @Test
    void aBurstFullOfTextEndsByItself() {
        events.keyPressed(NOW, false, Set.of());
        for (int i = 0; i < 999; i++) {
            events.keyTyped('a');
        }
        assertThat(events.buffered()).isZero();

        events.keyTyped('a');

        assertThat(events.buffered()).isEqualTo(1);
    }

    @Test
    void writeNowWritesTheKeysAndEventsBeforeItInTheSameEntry() {
        events.add(click(1));
        events.keyPressed(NOW, false, Set.of());
        EventInput note =
                EventInput.builder("note").at(NOW).data(Map.of("text", "hi")).build();

        EntryInfo entry = events.writeNow(note);

        assertThat(entry.eventIds()).hasSize(3).last().isEqualTo(note.id());
        assertThat(seen.recorded).containsExactly(entry);
    }

    @Test
    void aMarkerIsWrittenAtOnce() {
        EntryInfo entry = events.marker("pause");
        assertThat(entry.eventIds()).hasSize(1);
        assertThat(seen.recorded).containsExactly(entry);
    }

    @Test
    void eventsTheJournalRefusesStayBuffered() {
        journal.appendStop();
        events.add(click(1));

        assertThatThrownBy(events::flush).isInstanceOf(IllegalStateException.class);

        assertThat(events.buffered()).isEqualTo(1);
    }
}
