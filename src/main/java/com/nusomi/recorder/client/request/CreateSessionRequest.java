package com.nusomi.recorder.client.request;

import com.nusomi.recorder.client.model.Actor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /v1/sessions}. Metadata is either a map or raw JSON text (sent as is, so the server
 * judges it). {@code idempotencyKey} is the optional body field; when set and no {@code RequestOptions}
 * key is given, the client sends the same value as the {@code Idempotency-Key} header.
 */
public final class CreateSessionRequest {
    private final String workflow;
    private final Map<String, Object> metadata;
    private final String metadataJson;
    private final Actor actor;
    private final Boolean start;
    private final String idempotencyKey;

    private CreateSessionRequest(Builder b) {
        this.workflow = b.workflow;
        this.metadata = b.metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.metadataJson = b.metadataJson;
        this.actor = b.actor;
        this.start = b.start;
        this.idempotencyKey = b.idempotencyKey;
    }

    public static Builder builder(String workflow) {
        return new Builder().workflow(workflow);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A request with only the workflow. */
    public static CreateSessionRequest of(String workflow) {
        return builder(workflow).build();
    }

    public String workflow() {
        return workflow;
    }

    /** The metadata map, or null if none was set (or it was given as raw JSON). */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The metadata as raw JSON text, or null if it was given as a map or not at all. */
    public String metadataJson() {
        return metadataJson;
    }

    public Actor actor() {
        return actor;
    }

    /** True to create the session already recording; null leaves the server default (false). */
    public Boolean start() {
        return start;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.workflow = workflow;
        b.metadata = metadata;
        b.metadataJson = metadataJson;
        b.actor = actor;
        b.start = start;
        b.idempotencyKey = idempotencyKey;
        return b;
    }

    @Override
    public String toString() {
        return "CreateSessionRequest{workflow=" + workflow + ", actor=" + actor + ", start=" + start + ", metadata="
                + (metadataJson != null ? metadataJson : metadata) + "}";
    }

    /** Builder of {@link CreateSessionRequest}. */
    public static final class Builder {
        private String workflow;
        private Map<String, ?> metadata;
        private String metadataJson;
        private Actor actor;
        private Boolean start;
        private String idempotencyKey;

        private Builder() {}

        public Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        /** Metadata as a map of JSON-serializable values; replaces any raw JSON set before. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata;
            this.metadataJson = null;
            return this;
        }

        /** Metadata as raw JSON text, sent unchanged; replaces any map set before. Must be valid JSON. */
        public Builder metadataJson(String json) {
            this.metadataJson = json;
            this.metadata = null;
            return this;
        }

        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        public Builder start(boolean start) {
            this.start = start;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateSessionRequest build() {
            Objects.requireNonNull(workflow, "workflow");
            return new CreateSessionRequest(this);
        }
    }
}
