package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.ui.common.Operations;
import java.awt.Rectangle;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shows a session the server returned as the current one and, while it is recording, has the recorder of the
 * current connection record it (or go on recording it, after a crash), with the app's own windows blacked out;
 * remembers that this machine started it, so that it is offered again if the app dies.
 */
final class RecordingStarter {
    private final Operations ops;
    private final Supplier<RecorderService> recorder;
    private final LiveRecording live;
    private final CurrentSession current;
    private final Settings settings;
    private final Runnable saveSettings;
    private Supplier<List<Rectangle>> ownWindows = List::of;

    /** @param recorder the recorder of the current connection (null while there is none) */
    RecordingStarter(
            Operations ops,
            Supplier<RecorderService> recorder,
            LiveRecording live,
            CurrentSession current,
            Settings settings,
            Runnable saveSettings) {
        this.ops = ops;
        this.recorder = recorder;
        this.live = live;
        this.current = current;
        this.settings = settings;
        this.saveSettings = saveSettings;
    }

    /** The app's own windows (screen coordinates), blacked out of every frame; read on recorder threads. */
    void setOwnWindows(Supplier<List<Rectangle>> ownWindows) {
        this.ownWindows = ownWindows;
    }

    /** Shows {@code s} as the current session; a recording one is recorded here. */
    void show(Session s) {
        current.show(s);
        if (current.is(RecordState.RECORDING)) {
            settings.rememberStarted(serverId(), s.id());
            startRecording(s);
        }
        saveSettings.run();
    }

    /** Starts (or, for a session recorded before, continues) the recording of a session that is recording. */
    private void startRecording(Session s) {
        Recording recording = live.recording();
        if (recording != null && recording.sessionId().equals(s.id())) {
            return;
        }
        ops.run(
                "Could not start recording the screen",
                () -> requireRecorder().start(s.id(), s.startedAt(), settings.recorderOptions(ownWindows)),
                r -> {
                    current.countFrom(s);
                    live.attach(r);
                });
    }

    /** The key id of the current recorder's server, or null (no recorder yet, or an unkeyed one). */
    String serverId() {
        RecorderService r = recorder.get();
        return r == null ? null : r.serverId();
    }

    /** The recorder of the current connection; throws (a failure the screen shows) while there is none. */
    RecorderService requireRecorder() {
        RecorderService r = recorder.get();
        if (r == null) {
            throw new IllegalStateException("The recorder is not ready yet (waiting for the server).");
        }
        return r;
    }
}
