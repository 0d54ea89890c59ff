package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Server health: {@code status} is "ok" when up; {@code policies} [ext] are the server's admin policies, null from a
 * server that does not say.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(String status, String version, Policies policies) {
    public boolean isOk() {
        return "ok".equals(status);
    }

    /**
     * The server's admin policies [ext], each null when off: how long sealed sessions are kept ({@code 90d}), after
     * how long a session left recording is stopped as abandoned ({@code 12h}), the requests an API key may make
     * ({@code 100/s}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policies(
            String retention,
            @JsonProperty("auto_stop_abandoned") String autoStopAbandoned,
            @JsonProperty("rate_limit") String rateLimit) {
        /** Whether any policy is on. */
        public boolean any() {
            return retention != null || autoStopAbandoned != null || rateLimit != null;
        }
    }
}
