package com.nusomi.recorder.ui.sessions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.SessionQuery;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One set of list filters as the Sessions screen keeps them (and writes them to disk): every filter of the
 * contract's list call, and {@code not_tag} [ext]. {@code since} is either a relative duration ({@code 7d}) or an RFC 3339 instant; null
 * means no bound. Plain Java, no JavaFX.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionFilters(
        List<String> workflows,
        List<SessionStatus> statuses,
        List<Outcome> outcomes,
        List<ActorKind> actorKinds,
        String since,
        Instant until,
        List<String> tags,
        List<String> notTags) {
    static final Pattern RELATIVE = Pattern.compile("^[1-9][0-9]{0,5}[smhdw]$");
    public static final SessionFilters NONE = new SessionFilters(null, null, null, null, null, null, null, null);

    public SessionFilters {
        workflows = copy(workflows);
        statuses = copy(statuses);
        outcomes = copy(outcomes);
        actorKinds = copy(actorKinds);
        tags = copy(tags);
        notTags = copy(notTags);
        since = since == null || since.isBlank() ? null : since.strip();
    }

    /** The filters without a "without tag" filter (as sets saved before it existed read back). */
    public SessionFilters(
            List<String> workflows,
            List<SessionStatus> statuses,
            List<Outcome> outcomes,
            List<ActorKind> actorKinds,
            String since,
            Instant until,
            List<String> tags) {
        this(workflows, statuses, outcomes, actorKinds, since, until, tags, null);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** True when {@code since} is a relative duration such as {@code 24h}. */
    @JsonIgnore
    public boolean sinceIsRelative() {
        return since != null && RELATIVE.matcher(since).matches();
    }

    /** The list query for these filters: the live list, or the trash when {@code trash} is set. */
    public SessionQuery toQuery(int limit, boolean trash, boolean includeTags) {
        SessionQuery.Builder b = SessionQuery.builder()
                .workflows(workflows)
                .statuses(statuses)
                .outcomes(outcomes)
                .actorKinds(actorKinds)
                .tags(tags)
                .notTags(notTags)
                .limit(limit)
                .deletedOnly(trash)
                .includeTags(includeTags);
        if (since != null) {
            b.sinceRaw(since);
        }
        if (until != null) {
            b.until(until);
        }
        return b.build();
    }
}
