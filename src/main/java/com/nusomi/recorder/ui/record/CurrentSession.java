package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Record screen's state machine: where the current session is ({@link RecordState}), the session as the server
 * last returned it, its frame and event counts (the server's, then the recording's on top), its timer and its drain
 * after Stop. The status line is derived from the state and those inputs ({@link #statusText}), never set.
 */
public final class CurrentSession {
    private final LiveRecording live;
    private final Clock clock;
    private final RecordTimer timer;
    private final StopDrain drain;
    private final ReadOnlyObjectWrapper<RecordState> state = new ReadOnlyObjectWrapper<>(RecordState.IDLE);
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stopRefused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper deletedId = new ReadOnlyStringWrapper();
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper(0);
    private final StringBinding statusText;
    private long baseFrames;
    private long baseEvents;

    CurrentSession(LiveRecording live, Clock clock) {
        this.live = live;
        this.clock = clock;
        this.timer = new RecordTimer(clock);
        this.drain = new StopDrain(live, state.getReadOnlyProperty());
        live.framesProperty().addListener((o, a, b) -> {
            if (live.activeProperty().get()) {
                frames.set(baseFrames + b.longValue());
            }
        });
        live.eventsProperty().addListener((o, a, b) -> {
            if (live.activeProperty().get()) {
                events.set(baseEvents + b.longValue());
            }
        });
        live.pausedProperty().addListener((o, a, b) -> timer.setPaused(b));
        statusText = Bindings.createStringBinding(
                () -> statusText(
                        state.get(),
                        session.get(),
                        live.pausedProperty().get(),
                        drain.textBinding().get(),
                        stopRefused.get(),
                        deletedId.get()),
                state,
                session,
                live.pausedProperty(),
                drain.textBinding(),
                stopRefused,
                deletedId);
    }

    /**
     * The status line: a function of the state and its inputs only.
     *
     * @param session the session shown (its outcome once stopped), or null
     * @param paused whether the recording is paused
     * @param drainText what the drain after Stop does ({@link StopDrain#text})
     * @param stopRefused whether the server refused the stop of the session shown
     * @param deletedId the session just deleted (the screen is empty again), or null
     */
    static String statusText(
            RecordState state,
            Session session,
            boolean paused,
            String drainText,
            boolean stopRefused,
            String deletedId) {
        return switch (state) {
            case IDLE -> deletedId != null ? "Deleted " + deletedId : "No session yet";
            case CREATED -> "Created · not started yet";
            case RECORDING -> paused ? "Paused" : "Recording";
            case STOPPING -> "Stopping · " + drainText;
            case STOPPED ->
                stopRefused
                        ? "Stop refused by the server"
                        : "Stopped"
                                + (session != null && session.outcome() != null
                                        ? " · " + session.outcome().wireValue()
                                        : "");
        };
    }

    // ---- transitions ----

    /** Shows a session as the server returned it: its status decides the state. */
    void show(Session s) {
        session.set(s);
        frames.set(s.frameCount());
        events.set(s.eventCount());
        timer.reset(
                s, s.status() == SessionStatus.RECORDING, live.pausedProperty().get());
        stopRefused.set(false);
        deletedId.set(null);
        state.set(
                switch (s.status()) {
                    case CREATED -> RecordState.CREATED;
                    case RECORDING -> RecordState.RECORDING;
                    default -> RecordState.STOPPED;
                });
    }

    /** The recording of {@code s} begins (or goes on): its counts add to what the server held of it. */
    void countFrom(Session s) {
        baseFrames = s.frameCount();
        baseEvents = s.eventCount();
    }

    /** The stop is recorded: the spool drains until the server acknowledges it. */
    void stopping() {
        state.set(RecordState.STOPPING);
        drain.begin();
    }

    /** The server refused the stop of the session shown. */
    void stopRefused() {
        stopRefused.set(true);
        state.set(RecordState.STOPPED);
    }

    /** The created session was deleted: nothing is shown any more. */
    void deleted(String id) {
        session.set(null);
        deletedId.set(id);
        state.set(RecordState.IDLE);
    }

    /** Brings the timer up to date while recording (driven by the view's animation timer; no I/O). */
    public void tick() {
        if (state.get() == RecordState.RECORDING) {
            timer.tick();
        }
    }

    /** A tag as it was recorded here (the server gives it its id when it arrives), at the recorded time. */
    Tag localTag(String sessionId, String name, Map<String, Object> data) {
        return new Tag(null, sessionId, name, data, Instant.now(clock), timer.recordedNow());
    }

    /** The id of the session shown, or null. */
    String id() {
        Session s = session.get();
        return s == null ? null : s.id();
    }

    /** Whether the screen's session is in state {@code s}. */
    public boolean is(RecordState s) {
        return state.get() == s;
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<RecordState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** What the status line says ({@link #statusText}). */
    public StringBinding statusTextBinding() {
        return statusText;
    }

    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** The recorded time and, apart, the paused time ({@code paused 0:12}). */
    RecordTimer timer() {
        return timer;
    }

    /** The spool draining after Stop. */
    public StopDrain drain() {
        return drain;
    }
}
