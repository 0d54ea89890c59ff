package com.nusomi.recorder.client.request;

import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Filters of {@code GET /v1/sessions}. Repeated values of one filter are ORed (tags are ANDed, and a session
 * carrying any of the excluded tags [ext] is left out); filters
 * combine with AND. {@code since} is an instant or a relative duration such as {@code 7d}.
 * Immutable; {@link #toBuilder()} to derive another.
 */
public final class SessionQuery {
    private static final Pattern RELATIVE = Pattern.compile("^[1-9][0-9]{0,5}[smhdw]$");

    private final List<String> workflows;
    private final List<SessionStatus> statuses;
    private final List<Outcome> outcomes;
    private final List<ActorKind> actorKinds;
    private final String since;
    private final Instant until;
    private final List<String> tags;
    private final List<String> notTags;
    private final boolean includeTags;
    private final boolean deletedOnly;
    private final Integer limit;
    private final String cursor;

    private SessionQuery(Builder b) {
        workflows = List.copyOf(b.workflows);
        statuses = List.copyOf(b.statuses);
        outcomes = List.copyOf(b.outcomes);
        actorKinds = List.copyOf(b.actorKinds);
        since = b.since;
        until = b.until;
        tags = List.copyOf(b.tags);
        notTags = List.copyOf(b.notTags);
        includeTags = b.includeTags;
        deletedOnly = b.deletedOnly;
        limit = b.limit;
        cursor = b.cursor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No filters, server default page size. */
    public static SessionQuery all() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.workflows.addAll(workflows);
        b.statuses.addAll(statuses);
        b.outcomes.addAll(outcomes);
        b.actorKinds.addAll(actorKinds);
        b.since = since;
        b.until = until;
        b.tags.addAll(tags);
        b.notTags.addAll(notTags);
        b.includeTags = includeTags;
        b.deletedOnly = deletedOnly;
        b.limit = limit;
        b.cursor = cursor;
        return b;
    }

    /** The same filters at another cursor (null for the first page). */
    public SessionQuery withCursor(String cursor) {
        return toBuilder().cursor(cursor).build();
    }

    public List<String> workflows() {
        return workflows;
    }

    public List<SessionStatus> statuses() {
        return statuses;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public List<ActorKind> actorKinds() {
        return actorKinds;
    }

    /** The {@code since} value as sent: an RFC 3339 time or a relative duration like {@code 7d}. */
    public String since() {
        return since;
    }

    public Instant until() {
        return until;
    }

    public List<String> tags() {
        return tags;
    }

    /** Tag names no listed session carries [ext]. */
    public List<String> notTags() {
        return notTags;
    }

    public boolean includeTags() {
        return includeTags;
    }

    public boolean deletedOnly() {
        return deletedOnly;
    }

    public Integer limit() {
        return limit;
    }

    public String cursor() {
        return cursor;
    }

    @Override
    public String toString() {
        return "SessionQuery{workflows=" + workflows + ", statuses=" + statuses + ", outcomes=" + outcomes
                + ", actorKinds=" + actorKinds + ", since=" + since + ", until=" + until + ", tags=" + tags
                + ", notTags=" + notTags + ", includeTags=" + includeTags + ", deletedOnly=" + deletedOnly
                + ", limit=" + limit
                + ", cursor=" + cursor + "}";
    }

    /** Converts a duration to the contract's relative form, using the largest unit that divides it exactly. */
    static String relative(Duration d) {
        long s = d.getSeconds();
        if (d.isNegative() || d.isZero() || d.getNano() != 0) {
            throw new IllegalArgumentException("since must be a positive whole number of seconds: " + d);
        }
        long[] units = {604800, 86400, 3600, 60, 1};
        String[] names = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s % units[i] == 0 && s / units[i] <= 999_999) {
                return (s / units[i]) + names[i];
            }
        }
        throw new IllegalArgumentException("since is too long for a relative duration: " + d);
    }

    /** Builder of {@link SessionQuery}. */
    public static final class Builder {
        private final List<String> workflows = new ArrayList<>();
        private final List<SessionStatus> statuses = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private final List<ActorKind> actorKinds = new ArrayList<>();
        private String since;
        private Instant until;
        private final List<String> tags = new ArrayList<>();
        private final List<String> notTags = new ArrayList<>();
        private boolean includeTags;
        private boolean deletedOnly;
        private Integer limit;
        private String cursor;

        private Builder() {}

        public Builder workflow(String... workflows) {
            this.workflows.addAll(List.of(workflows));
            return this;
        }

        public Builder workflows(Collection<String> workflows) {
            this.workflows.addAll(workflows);
            return this;
        }

        public Builder status(SessionStatus... statuses) {
            this.statuses.addAll(List.of(statuses));
            return this;
        }

        public Builder statuses(Collection<SessionStatus> statuses) {
            this.statuses.addAll(statuses);
            return this;
        }

        public Builder outcome(Outcome... outcomes) {
            this.outcomes.addAll(List.of(outcomes));
            return this;
        }

        public Builder outcomes(Collection<Outcome> outcomes) {
            this.outcomes.addAll(outcomes);
            return this;
        }

        public Builder actorKind(ActorKind... kinds) {
            this.actorKinds.addAll(List.of(kinds));
            return this;
        }

        public Builder actorKinds(Collection<ActorKind> kinds) {
            this.actorKinds.addAll(kinds);
            return this;
        }

        /** Sessions created at or after this instant. */
        public Builder since(Instant since) {
            this.since = since == null ? null : since.toString();
            return this;
        }

        /** Sessions created within this duration before now (sent as e.g. {@code 7d}; evaluated by the server). */
        public Builder since(Duration ago) {
            this.since = ago == null ? null : relative(ago);
            return this;
        }

        /**
         * A relative duration as the contract writes it: {@code ^[1-9][0-9]{0,5}(s|m|h|d|w)$}, e.g. {@code 30d}.
         *
         * @throws IllegalArgumentException if it does not match
         */
        public Builder sinceRelative(String relative) {
            if (relative != null && !RELATIVE.matcher(relative).matches()) {
                throw new IllegalArgumentException("not a relative duration like 7d, 24h, 15m: " + relative);
            }
            this.since = relative;
            return this;
        }

        /** The raw {@code since} value, sent unchanged (the server validates it). */
        public Builder sinceRaw(String since) {
            this.since = since;
            return this;
        }

        /** Sessions created strictly before this instant. */
        public Builder until(Instant until) {
            this.until = until;
            return this;
        }

        /** Sessions carrying a tag of each of these names (AND). */
        public Builder tag(String... names) {
            this.tags.addAll(List.of(names));
            return this;
        }

        public Builder tags(Collection<String> names) {
            this.tags.addAll(names);
            return this;
        }

        /**
         * Sessions carrying no tag of any of these names [ext] ({@code not_tag}). A server without the extension
         * refuses it (400 {@code unknown_parameter}).
         */
        public Builder notTag(String... names) {
            this.notTags.addAll(List.of(names));
            return this;
        }

        public Builder notTags(Collection<String> names) {
            this.notTags.addAll(names);
            return this;
        }

        /** Embed each session's tags in the list [ext]. */
        public Builder includeTags(boolean includeTags) {
            this.includeTags = includeTags;
            return this;
        }

        /** List the trash (soft-deleted sessions) instead; needs the admin scope [ext]. */
        public Builder deletedOnly(boolean deletedOnly) {
            this.deletedOnly = deletedOnly;
            return this;
        }

        /** Page size, 1–500 (the server rejects other values); null for the server default (100). */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        public SessionQuery build() {
            return new SessionQuery(this);
        }
    }
}
