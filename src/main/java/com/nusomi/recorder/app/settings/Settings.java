package com.nusomi.recorder.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs ({@code settings.json} in the data folder). A plain mutable bean, changed
 * only on the UI thread; {@link SettingsStore#save} snapshots it before writing it off that thread. The API key
 * is never in here (see {@link SecretStore}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {
    public static final int MAX_RECENT_WORKFLOWS = 12;

    /** Where the sessions go. */
    public enum ConnectionMode { EMBEDDED, HOSTED }

    /** Look of the app; SYSTEM follows the OS where it can be read, else light. */
    public enum Theme { LIGHT, DARK, SYSTEM }

    public ConnectionMode connectionMode = ConnectionMode.EMBEDDED;
    public String hostedBaseUrl = "";
    public Theme theme = Theme.SYSTEM;
    public boolean countdownBeforeStart = false;
    public List<String> presetTags = new ArrayList<>(List.of(
            "submitted_for_approval", "waiting_for_input", "customer_called", "manual_fix", "step_done"));
    public List<String> recentWorkflows = new ArrayList<>();
    public String lastActorId = "";
    public String lastActorKind = "human";
    /** Sessions this machine started and has not seen stopped: offered for resume at start-up. */
    public List<String> startedSessions = new ArrayList<>();

    /** Puts a workflow first in the recent list (once), keeping at most {@link #MAX_RECENT_WORKFLOWS}. */
    public void rememberWorkflow(String workflow) {
        recentWorkflows.remove(workflow);
        recentWorkflows.add(0, workflow);
        while (recentWorkflows.size() > MAX_RECENT_WORKFLOWS) {
            recentWorkflows.remove(recentWorkflows.size() - 1);
        }
    }

    public void rememberStarted(String sessionId) {
        if (!startedSessions.contains(sessionId)) {
            startedSessions.add(sessionId);
        }
    }

    public void forgetStarted(String sessionId) {
        startedSessions.remove(sessionId);
    }
}
