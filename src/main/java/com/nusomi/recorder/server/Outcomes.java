package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.util.List;
import java.util.Set;

/** Derives a stopped session's outcome, in the contract's order of precedence. */
public final class Outcomes {
    static final Set<String> VERDICTS = Set.of("success", "error", "abandoned");

    private Outcomes() {}

    /** {@code tags} oldest first; null while the session is created or recording. */
    public static String derive(SessionRecord s, List<TagRecord> tags) {
        if (!s.isStoppedOrSealed()) {
            return null;
        }
        for (int i = tags.size() - 1; i >= 0; i--) {
            TagRecord t = tags.get(i);
            if ("outcome".equals(t.name())) {
                JsonNode value = Json.parseStored(t.data()).get("value");
                if (value != null && value.isTextual() && VERDICTS.contains(value.asText())) {
                    return value.asText();
                }
            }
        }
        if (s.errorEvents() > 0) {
            return "error";
        }
        for (TagRecord t : tags) {
            String n = t.name();
            if (n.equals("error") || n.endsWith("_error") || n.endsWith("_failed")) {
                return "error";
            }
        }
        if (s.startedAt() == null
                || "batch_stop".equals(s.stopReason())
                || "delete".equals(s.stopReason())
                || "abandoned".equals(s.stopReason())) {
            return "abandoned";
        }
        return "success";
    }
}
