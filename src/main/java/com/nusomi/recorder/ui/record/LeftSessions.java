package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.ui.common.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sessions this machine started on the current server and left recording (the app was closed or killed while
 * recording): looked up once connected, and again for each new recorder (another server). Sessions no longer
 * recording are forgotten; the others are offered for resume or stop.
 */
public final class LeftSessions {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Settings settings;
    private final Runnable saveSettings;
    private final Supplier<String> serverId;
    private final Supplier<String> currentId;
    private final ObservableList<Session> sessions = FXCollections.observableArrayList();
    private boolean checked;

    private record Found(List<Session> recording, List<String> forget) {}

    /**
     * @param serverId the key id of the current recorder's server (null: none yet, or unkeyed)
     * @param currentId the id of the session the screen shows (never offered), or null
     */
    LeftSessions(
            Operations ops,
            Supplier<SessionsClient> client,
            Settings settings,
            Runnable saveSettings,
            Supplier<String> serverId,
            Supplier<String> currentId) {
        this.ops = ops;
        this.client = client;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.serverId = serverId;
        this.currentId = currentId;
    }

    /** The connection is up: the first time, look for sessions left recording. */
    void onConnected() {
        if (!checked) {
            checked = true;
            check();
        }
    }

    /** A recorder was built for the (possibly new) server: look again, on that server's list. */
    void onRecorderReady(boolean connected) {
        sessions.clear();
        if (connected) {
            checked = true;
            check();
        }
    }

    /** The session is no longer recording here (stopped, or its stop refused): not offered, not remembered. */
    void forget(String id) {
        settings.forgetStarted(id);
        saveSettings.run();
        sessions.removeIf(x -> x.id().equals(id));
    }

    /** Taken up again as the current session. */
    void remove(Session s) {
        sessions.remove(s);
    }

    private void check() {
        String server = serverId.get();
        if (settings.adoptUnkeyedStarted(server)) {
            saveSettings.run();
        }
        List<String> ids = List.copyOf(settings.startedOn(server));
        if (ids.isEmpty()) {
            return;
        }
        ops.run(
                "Could not check for sessions left recording",
                () -> {
                    List<Session> recording = new ArrayList<>();
                    List<String> forget = new ArrayList<>();
                    for (String id : ids) {
                        try {
                            Session s = client.get()
                                    .sessions()
                                    .get(id, Include.TAGS)
                                    .execute();
                            if (s.status() == SessionStatus.RECORDING) {
                                recording.add(s);
                            } else {
                                forget.add(id);
                            }
                        } catch (NotFoundException | GoneException e) {
                            forget.add(id);
                        }
                    }
                    return new Found(recording, forget);
                },
                found -> {
                    found.forget().forEach(settings::forgetStarted);
                    if (!found.forget().isEmpty()) {
                        saveSettings.run();
                    }
                    String current = currentId.get();
                    sessions.setAll(found.recording().stream()
                            .filter(s -> !s.id().equals(current))
                            .toList());
                });
    }

    /** The sessions left recording, the first one offered first. */
    public ObservableList<Session> sessions() {
        return sessions;
    }
}
