package com.nusomi.recorder.client.request;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event to append. The id is chosen here (generated as {@code evt_<ULID>} unless given), so a retried
 * batch is absorbed by the server as duplicates.
 */
public final class EventInput {
    private final String id;
    private final String type;
    private final Instant at;
    private final Map<String, Object> data;

    private EventInput(Builder b) {
        this.id = b.id != null ? b.id : newId();
        this.type = Objects.requireNonNull(b.type, "type");
        this.at = b.at != null ? b.at : Instant.now();
        this.data = b.data == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
    }

    /** A fresh event id: {@code evt_} and a monotonic ULID. */
    public static String newId() {
        return "evt_" + UlidCreator.getMonotonicUlid();
    }

    public static Builder builder(String type) {
        return new Builder().type(type);
    }

    /** An event of this type at this time, with data (may be null), and a generated id. */
    public static EventInput of(String type, Instant at, Map<String, ?> data) {
        return builder(type).at(at).data(data).build();
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    public Map<String, Object> data() {
        return data;
    }

    @Override
    public String toString() {
        return "EventInput{id=" + id + ", type=" + type + ", at=" + at + ", data=" + data + "}";
    }

    /** Builder of {@link EventInput}; {@code at} defaults to now and {@code id} to a generated one. */
    public static final class Builder {
        private String id;
        private String type;
        private Instant at;
        private Map<String, ?> data;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder data(Map<String, ?> data) {
            this.data = data;
            return this;
        }

        public EventInput build() {
            return new EventInput(this);
        }
    }
}
