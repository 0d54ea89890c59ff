package com.nusomi.recorder.export.steps;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A run as numbered steps in time order: its clicks (each with the frame right after it), key activity summed up,
 * notes, tags (with their authors) and pauses. Streaming: each walk reads the events and frames afresh, a page at a
 * time, and keeps only the step being built (and the few added during a pause), so it can be walked once to count
 * and again to write.
 */
public final class Steps implements Iterable<Step> {
    private final Session session;
    private final Supplier<Iterable<Event>> events;
    private final Supplier<Iterable<Frame>> frames;

    private Steps(Session session, Supplier<Iterable<Event>> events, Supplier<Iterable<Frame>> frames) {
        this.session = session;
        this.events = events;
        this.frames = frames;
    }

    /**
     * The steps of {@code session} (which carries its tags), its events and frames read through the suppliers
     * (each called once per walk; both in time order).
     */
    public static Steps of(Session session, Supplier<Iterable<Event>> events, Supplier<Iterable<Frame>> frames) {
        return new Steps(session, events, frames);
    }

    /** The session the steps come from. */
    public Session session() {
        return session;
    }

    @Override
    public Iterator<Step> iterator() {
        List<Tag> tags = new ArrayList<>(session.tags());
        tags.sort(Comparator.comparing(Tag::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new StepIterator(session, events.get().iterator(), frames.get().iterator(), tags.iterator());
    }

    /** Walks the steps once: how many there are, and whether any holds typed characters. */
    public Survey survey(Runnable eachStep) {
        int count = 0;
        int clicks = 0;
        boolean text = false;
        for (Step s : this) {
            eachStep.run();
            count++;
            clicks += s.kind() == StepKind.CLICK ? 1 : 0;
            text |= s.typedText();
        }
        return new Survey(count, clicks, text);
    }

    /** What one walk over the steps found. */
    public record Survey(int steps, int clicks, boolean keyCharactersRecorded) {}

    /** The session offset of {@code at}: ms since the start (0 for a session that never started). */
    static long offset(Session session, Instant at, Long given) {
        if (given != null) {
            return given;
        }
        return session.startedAt() == null || at == null
                ? 0
                : Math.max(0, at.toEpochMilli() - session.startedAt().toEpochMilli());
    }
}
