package com.nusomi.recorder.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.nusomi.recorder.recorder.RecorderOptions;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the app remembers between runs ({@code settings.json} in the data folder). A plain mutable bean, changed
 * only on the UI thread; {@link SettingsStore#save} snapshots it before writing it off that thread. The API key
 * is never in here (see {@link SecretStore}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {
    public static final int MAX_RECENT_WORKFLOWS = 12;

    /** Where the sessions go. */
    public enum ConnectionMode {
        EMBEDDED,
        HOSTED
    }

    /** Look of the app; SYSTEM follows the OS where it can be read, else light. */
    public enum Theme {
        LIGHT,
        DARK,
        SYSTEM
    }

    public ConnectionMode connectionMode = ConnectionMode.EMBEDDED;
    public String hostedBaseUrl = "";
    public Theme theme = Theme.SYSTEM;
    public boolean countdownBeforeStart = false;
    public List<String> presetTags = new ArrayList<>(
            List.of("submitted_for_approval", "waiting_for_input", "customer_called", "manual_fix", "step_done"));
    public List<String> recentWorkflows = new ArrayList<>();
    public String lastActorId = "";
    public String lastActorKind = "human";
    /**
     * Sessions this machine started and has not seen stopped, not keyed by server: written by older versions (and
     * by a recorder without a server key); moved to the first server connected to ({@link #adoptUnkeyedStarted}).
     */
    public List<String> startedSessions = new ArrayList<>();
    /**
     * Sessions this machine started and has not seen stopped, by server key id
     * ({@link com.nusomi.recorder.recorder.spool.ServerKey}): offered for resume when connected to that server.
     */
    public Map<String, List<String>> startedByServer = new LinkedHashMap<>();

    /** Seconds between two screenshots. */
    public double captureIntervalSeconds = 1.0;
    /** JPEG quality of the screenshots, 0.1 to 1. */
    public double jpegQuality = 0.7;
    /** Which screen to capture: 0 the primary one, N the N-th, -1 all of them. */
    public int captureScreen = 0;
    /** Windows whose title matches one of these (regular expressions) are blacked out of every screenshot. */
    public List<String> privacyTitlePatterns = new ArrayList<>();
    /** Keep the characters typed in key events (off: only counts and modifiers). */
    public boolean recordKeyText = false;
    /** Where the main window was when the app last closed; null until then. */
    public WindowBounds window;
    /** Where the mini recorder was last dragged to; null until then (it opens at the top right). */
    public WindowBounds miniRecorder;
    /** Width of the Sessions screen's detail pane in pixels, as last dragged; 0 for its default share. */
    public double sessionsDetailWidth;
    /** The Sessions table's column widths in pixels by column title, as last resized. */
    public Map<String, Double> sessionsColumnWidths = new LinkedHashMap<>();
    /** The Sessions table's column titles in the order last dragged into; empty for the default order. */
    public List<String> sessionsColumnOrder = new ArrayList<>();

    /** A window's place and size (screen coordinates, as JavaFX gives them) and whether it was maximised. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class WindowBounds {
        public double x;
        public double y;
        public double width;
        public double height;
        public boolean maximized;

        public WindowBounds() {}

        public WindowBounds(double x, double y, double width, double height, boolean maximized) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
            this.maximized = maximized;
        }
    }

    /**
     * The recorder's options from these settings (read at each Start); {@code ownWindows} supplies the app's own
     * windows to black out. Patterns that are not valid regular expressions are left out.
     */
    public RecorderOptions recorderOptions(Supplier<List<Rectangle>> ownWindows) {
        List<Pattern> patterns = new ArrayList<>();
        for (String p : privacyTitlePatterns) {
            if (p != null && !p.isBlank()) {
                try {
                    patterns.add(Pattern.compile(p.strip()));
                } catch (PatternSyntaxException e) {
                    // the settings screen refuses these; an old file may still hold one
                }
            }
        }
        double interval = captureIntervalSeconds >= 0.1 ? captureIntervalSeconds : 1.0;
        double quality = jpegQuality >= 0.1 && jpegQuality <= 1 ? jpegQuality : 0.7;
        return RecorderOptions.builder()
                .captureInterval(Duration.ofMillis(Math.round(interval * 1000)))
                .jpegQuality((float) quality)
                .screen(captureScreen < 0 ? ScreenSelection.all() : ScreenSelection.screen(captureScreen))
                .privacyTitlePatterns(patterns)
                .recordKeyText(recordKeyText)
                .ownWindows(ownWindows)
                .build();
    }

    /** Puts a workflow first in the recent list (once), keeping at most {@link #MAX_RECENT_WORKFLOWS}. */
    public void rememberWorkflow(String workflow) {
        recentWorkflows.remove(workflow);
        recentWorkflows.add(0, workflow);
        while (recentWorkflows.size() > MAX_RECENT_WORKFLOWS) {
            recentWorkflows.remove(recentWorkflows.size() - 1);
        }
    }

    /** Remembers a session started on no known server (the unkeyed list). */
    public void rememberStarted(String sessionId) {
        rememberStarted(null, sessionId);
    }

    /** Remembers a session started on this server (null: the unkeyed list). */
    public void rememberStarted(String serverKey, String sessionId) {
        List<String> ids = startedOn(serverKey);
        if (!ids.contains(sessionId)) {
            ids.add(sessionId);
        }
    }

    /** The sessions left recording on this server (null: the unkeyed list); the live list. */
    public List<String> startedOn(String serverKey) {
        if (serverKey == null) {
            return startedSessions;
        }
        return startedByServer.computeIfAbsent(serverKey, k -> new ArrayList<>());
    }

    /** Forgets a session on every server (session ids are unique across servers). */
    public void forgetStarted(String sessionId) {
        startedSessions.remove(sessionId);
        startedByServer.values().forEach(ids -> ids.remove(sessionId));
        startedByServer.values().removeIf(List::isEmpty);
    }

    /**
     * Moves the unkeyed list to this server (the one connected to first, as for the spool: see
     * {@code RecorderHost}); true if anything moved.
     */
    public boolean adoptUnkeyedStarted(String serverKey) {
        if (serverKey == null || startedSessions.isEmpty()) {
            return false;
        }
        List<String> ids = List.copyOf(startedSessions);
        startedSessions.clear();
        ids.forEach(id -> rememberStarted(serverKey, id));
        return true;
    }
}
