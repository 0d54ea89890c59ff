package com.nusomi.recorder.app;

import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.recorder.RecorderListener;
import com.nusomi.recorder.recorder.RecordingState;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The app's one source of "a session changed on the server because of something this app did": a session created,
 * started, stopped or tagged, on any screen or by the recorder. Screens that list sessions listen here instead of
 * polling for their neighbours' work. Listeners are called on whatever thread reports the change (the UI thread, a
 * recorder's uploader); they hand the news on to their own thread. Knows nothing of JavaFX.
 */
public final class SessionsChanged {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final RecorderListener recorderListener = new RecorderListener() {
        @Override
        public void onStateChanged(String sessionId, RecordingState state) {
            if (state == RecordingState.RECORDING || state == RecordingState.STOPPED) {
                changed(sessionId);
            }
        }

        @Override
        public void onUploaded(EntryInfo entry) {
            // frames and events change counts only; a tag or the stop changes what a list shows
            if (entry.kind() == EntryKind.TAG || entry.kind() == EntryKind.STOP) {
                changed(entry.sessionId());
            }
        }

        @Override
        public void onDrained(String sessionId, boolean stopAcknowledged) {
            changed(sessionId);
        }
    };

    /** Tells every listener that the session {@code sessionId} (null: some session) changed. Any thread. */
    public void changed(String sessionId) {
        listeners.forEach(l -> l.accept(sessionId));
    }

    /** Hears of each change (on the reporting thread) until the registration is closed. */
    public Registration addListener(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A listener for the recorder host: the recorder's starts, stops, and tags and stops the server acknowledged. */
    public RecorderListener recorderListener() {
        return recorderListener;
    }
}
