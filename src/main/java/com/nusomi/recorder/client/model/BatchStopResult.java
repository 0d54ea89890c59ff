package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** Per-id results of a batch stop: the sessions stopped ({@code data}) and the ids that failed ({@code errors}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchStopResult(List<Session> data, List<Failure> errors) {
    public BatchStopResult {
        data = Copies.list(data);
        errors = Copies.list(errors);
    }

    /** True when every id was stopped. */
    public boolean allSucceeded() {
        return errors.isEmpty();
    }

    /** One id that could not be stopped, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String id, ErrorDetail error) {
        /** The error code, e.g. {@code session_not_found}; null if the server sent none. */
        public String code() {
            return error == null ? null : error.code();
        }
    }

    /** The error of a failed id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorDetail(String type, String code, String message, Map<String, Object> details) {
        public ErrorDetail {
            details = Copies.map(details);
        }
    }
}
