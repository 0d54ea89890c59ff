package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.nusomi.recorder.server.http.RateLimit;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin policies of {@code serve}: retention ({@code --retention 90d}: sealed sessions created longer ago are
 * soft-deleted, and purged 30 days later as any deleted session) and auto-stop ({@code --auto-stop-abandoned 12h}:
 * sessions recording for longer are stopped with {@code stop_reason: "abandoned"}), run by {@link Maintenance} on one
 * server at a time; the rate limit is the HTTP front end's. Each change is audited with no key
 * ({@code api_key_id: null}) and {@code details.policy} naming the policy. {@code GET /v1/health} shows them all.
 */
public final class Policies {
    /** The policy names in the audit log's {@code details.policy} and in health's {@code policies}. */
    static final String RETENTION = "retention";

    static final String AUTO_STOP = "auto_stop_abandoned";

    private static final Logger LOG = LoggerFactory.getLogger(Policies.class);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smhdw])");
    private static final int BATCH = 200;

    private final Duration retention;
    private final Duration autoStop;
    private final RateLimit rateLimit;

    Policies(Duration retention, Duration autoStop, RateLimit rateLimit) {
        this.retention = retention;
        this.autoStop = autoStop;
        this.rateLimit = rateLimit;
    }

    static Policies of(ServerConfig config) {
        return new Policies(config.retention(), config.autoStopAbandoned(), config.rateLimit());
    }

    /**
     * A duration as the list's {@code since} takes one: a number and s, m, h, d or w ({@code 0s}, {@code 90s},
     * {@code 30m}, {@code 6h}, {@code 2d}, {@code 1w}).
     *
     * @throws IllegalArgumentException naming {@code option} when the text is not one
     */
    public static Duration parseDuration(String option, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " takes a duration such as 90s, 30m, 12h, 90d or 2w; not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** A duration as {@link #parseDuration} takes it, in the largest unit that divides it ({@code 90d}, {@code 12h}). */
    static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        long[] sizes = {604_800, 86_400, 3_600, 60, 1};
        String[] units = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s % sizes[i] == 0) {
                return s / sizes[i] + units[i];
            }
        }
        return s + "s";
    }

    /** Whether either maintenance policy is on. */
    boolean any() {
        return retention != null || autoStop != null;
    }

    /** Soft-deletes the sealed sessions created before the retention period; returns how many. */
    int applyRetention(Store store, long now) {
        if (retention == null) {
            return 0;
        }
        long before = now - retention.toMillis();
        int total = 0;
        while (true) {
            List<String> ids = store.readOne(tx -> tx.sealedCreatedBefore(before, BATCH));
            if (ids.isEmpty()) {
                break;
            }
            int done = store.write(tx -> {
                int n = 0;
                for (String id : ids) {
                    // checked again under the row's lock: restored, deleted or changed meanwhile, it is left alone
                    SessionRecord s = tx.findSession(id).orElse(null);
                    if (s != null
                            && !s.isDeleted()
                            && SessionRecord.SEALED.equals(s.status())
                            && s.createdAt() < before) {
                        SessionLifecycle.softDelete(tx, id, now, null, RETENTION);
                        n++;
                    }
                }
                return n;
            });
            total += done;
            if (done == 0 || ids.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("retention {}: deleted {} sealed sessions", format(retention), total);
        }
        return total;
    }

    /** Stops, as abandoned, the sessions recording since before the auto-stop period; returns how many. */
    int stopAbandoned(Store store, long now) {
        if (autoStop == null) {
            return 0;
        }
        long before = now - autoStop.toMillis();
        int total = 0;
        while (true) {
            List<String> ids = store.readOne(tx -> tx.recordingStartedBefore(before, BATCH));
            if (ids.isEmpty()) {
                break;
            }
            int done = store.write(tx -> {
                int n = 0;
                for (String id : ids) {
                    SessionRecord s = tx.findSession(id).orElse(null);
                    if (s != null
                            && !s.isDeleted()
                            && SessionRecord.RECORDING.equals(s.status())
                            && s.startedAt() != null
                            && s.startedAt() < before) {
                        SessionLifecycle.stop(tx, s, now, "abandoned", null, AUTO_STOP);
                        n++;
                    }
                }
                return n;
            });
            total += done;
            if (done == 0 || ids.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("auto-stop after {}: stopped {} abandoned sessions", format(autoStop), total);
        }
        return total;
    }

    /** Writes {@code "policies": {retention, auto_stop_abandoned, rate_limit}}, each null when off. */
    void writeHealth(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("policies");
        g.writeStringField(RETENTION, retention == null ? null : format(retention));
        g.writeStringField(AUTO_STOP, autoStop == null ? null : format(autoStop));
        g.writeStringField("rate_limit", rateLimit == null ? null : rateLimit.toString());
        g.writeEndObject();
    }
}
