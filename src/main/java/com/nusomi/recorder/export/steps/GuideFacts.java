package com.nusomi.recorder.export.steps;

import com.nusomi.recorder.client.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The title block of a guide, as label and value pairs: workflow, actor, start, duration (the time recorded, with
 * the pauses left out), verdict, session id; then the session's metadata. And the privacy line.
 */
public record GuideFacts(
        String title, List<Map.Entry<String, String>> facts, List<Map.Entry<String, String>> metadata) {
    /** The line every guide puts on its first page when typed characters are in it. */
    public static final String KEY_TEXT_RECORDED =
            "Key characters were recorded: the text typed during this run appears in this guide.";

    /** The line every guide puts on its first page when they are not. */
    public static final String KEY_TEXT_NOT_RECORDED =
            "Key characters were not recorded: key activity is shown as counts and shortcuts only.";

    /** The facts of {@code session}. */
    public static GuideFacts of(Session s) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        facts.add(Map.entry("Workflow", s.workflow()));
        facts.add(Map.entry(
                "Actor",
                s.actor() == null
                        ? "(none)"
                        : s.actor().id()
                                + (s.actor().kind() == null
                                        ? ""
                                        : " (" + s.actor().kind().name().toLowerCase(Locale.ROOT) + ")")));
        facts.add(Map.entry("Started", s.startedAt() == null ? "(never started)" : Durations.utc(s.startedAt())));
        String duration = Durations.humane(s.recordedMs());
        if (s.pausedMs() > 0) {
            duration += " recorded (" + Durations.humane(s.durationMs()) + " in all, " + Durations.humane(s.pausedMs())
                    + " paused)";
        }
        facts.add(Map.entry("Duration", duration));
        facts.add(Map.entry(
                "Verdict", s.outcome() == null ? "(none)" : s.outcome().wireValue()));
        facts.add(
                Map.entry("Status", s.status() == null ? "" : s.status().name().toLowerCase(Locale.ROOT)));
        facts.add(Map.entry("Session", s.id()));
        facts.add(Map.entry("Frames, events", s.frameCount() + " frames, " + s.eventCount() + " events"));
        List<Map.Entry<String, String>> metadata = new ArrayList<>();
        new TreeMap<>(s.metadata()).forEach((k, v) -> metadata.add(Map.entry(k, String.valueOf(v))));
        return new GuideFacts(s.workflow(), List.copyOf(facts), List.copyOf(metadata));
    }

    /** The privacy line for a run whose key steps hold typed characters or not. */
    public static String privacyLine(boolean keyCharactersRecorded) {
        return keyCharactersRecorded ? KEY_TEXT_RECORDED : KEY_TEXT_NOT_RECORDED;
    }
}
