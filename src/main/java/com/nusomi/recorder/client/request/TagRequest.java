package com.nusomi.recorder.client.request;

import com.nusomi.recorder.client.model.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Body of {@code POST /v1/sessions/{id}/tags}: a name and optional data (a map, or raw JSON text). */
public final class TagRequest {
    private final String name;
    private final Map<String, Object> data;
    private final String dataJson;

    private TagRequest(String name, Map<String, ?> data, String dataJson) {
        this.name = Objects.requireNonNull(name, "name");
        this.data = data == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.dataJson = dataJson;
    }

    public static TagRequest of(String name) {
        return new TagRequest(name, null, null);
    }

    public static TagRequest of(String name, Map<String, ?> data) {
        return new TagRequest(name, data, null);
    }

    /** A tag whose data is raw JSON text, sent unchanged. */
    public static TagRequest ofJson(String name, String dataJson) {
        return new TagRequest(name, null, dataJson);
    }

    /** An {@code outcome} verdict tag: {@code {"value": "success" | "error" | "abandoned"}}. */
    public static TagRequest outcome(Outcome outcome) {
        return of("outcome", Map.of("value", outcome.wireValue()));
    }

    public String name() {
        return name;
    }

    public Map<String, Object> data() {
        return data;
    }

    public String dataJson() {
        return dataJson;
    }

    @Override
    public String toString() {
        return "TagRequest{name=" + name + ", data=" + (dataJson != null ? dataJson : data) + "}";
    }
}
