package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.RateLimit;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the local server. Defaults: loopback, port 8765, the system clock.
 *
 * <p>{@code idleTimeout}: a connection that carries nothing for this long is closed (mid-request or between
 * requests; the server advertises a little less in {@code Keep-Alive: timeout=N}). A request body must arrive
 * within {@code bodyDeadline} of its headers, and, once {@code bodyRateGrace} has passed, at
 * {@code minBodyBytesPerSecond} on average; a slower one is answered 408 and its connection closed.
 *
 * <p>{@code database}: the PostgreSQL database of a team server, or null for SQLite's {@code sessions.db} in the
 * data folder (the default). The data folder still holds {@code admin.key} either way.
 *
 * <p>{@code framesDir}: the folder of the frame images; {@code frames/} in the data folder unless given. The servers
 * of a team server on one database share one (a network file system): see {@link FrameFiles}.
 *
 * <p>The admin policies, each null (the default) for off: {@code retention}, sealed sessions created longer ago are
 * soft-deleted (and purged 30 days later); {@code autoStopAbandoned}, sessions recording for longer are stopped as
 * abandoned; {@code rateLimit}, the requests an API key may make.
 */
public record ServerConfig(
        Path dataDir,
        String bind,
        int port,
        Clock clock,
        Duration sealInterval,
        Duration purgeInterval,
        String version,
        Duration idleTimeout,
        Duration bodyDeadline,
        long minBodyBytesPerSecond,
        Duration bodyRateGrace,
        PostgresTarget database,
        Duration retention,
        Duration autoStopAbandoned,
        RateLimit rateLimit,
        Path framesDir) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link ServerConfig}; only the data folder is required. */
    public static final class Builder {
        private Path dataDir;
        private String bind = "127.0.0.1";
        private int port = 8765;
        private Clock clock = Clock.systemUTC();
        private Duration sealInterval = Duration.ofMillis(500);
        private Duration purgeInterval = Duration.ofMinutes(10);
        private String version = defaultVersion();
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration bodyDeadline = Duration.ofMinutes(2);
        private long minBodyBytesPerSecond = 16 * 1024;
        private Duration bodyRateGrace = Duration.ofSeconds(5);
        private PostgresTarget database;
        private Duration retention;
        private Duration autoStopAbandoned;
        private RateLimit rateLimit;
        private Path framesDir;

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sealInterval(Duration sealInterval) {
            this.sealInterval = sealInterval;
            return this;
        }

        public Builder purgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** How long a request body may take to arrive, all of it. */
        public Builder bodyDeadline(Duration bodyDeadline) {
            this.bodyDeadline = bodyDeadline;
            return this;
        }

        /** The slowest average rate of a request body once {@code grace} has passed since its headers. */
        public Builder minBodyRate(long bytesPerSecond, Duration grace) {
            this.minBodyBytesPerSecond = bytesPerSecond;
            this.bodyRateGrace = grace;
            return this;
        }

        /**
         * The PostgreSQL database to store in, as {@code serve --database} takes it
         * ({@code postgresql://HOST:PORT/DB?user=U}), and its password given apart (or null); a null URL (the
         * default) for SQLite in the data folder.
         *
         * @throws IllegalArgumentException with a message for the user when the URL is not one we take
         */
        public Builder database(String url, String password) {
            this.database = url == null ? null : PostgresTarget.parse(url, password);
            return this;
        }

        /** The PostgreSQL database to store in; null (the default) for SQLite in the data folder. */
        public Builder database(PostgresTarget database) {
            this.database = database;
            return this;
        }

        /** Soft-deletes sealed sessions created longer ago than this; null (the default) keeps them. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Stops, as abandoned, sessions recording for longer than this; null (the default) leaves them. */
        public Builder autoStopAbandoned(Duration autoStopAbandoned) {
            this.autoStopAbandoned = autoStopAbandoned;
            return this;
        }

        /** The requests each API key may make; null (the default) for no limit. */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /**
         * The requests each API key may make, as {@code serve --rate-limit} takes them ({@code 100/s}, {@code 600/m},
         * {@code 5000/h}); null for no limit.
         *
         * @throws IllegalArgumentException with a message for the user when the text is not a rate
         */
        public Builder rateLimit(String rate) {
            this.rateLimit = rate == null ? null : RateLimit.parse(rate);
            return this;
        }

        /** The folder of the frame images; null (the default) for {@code frames/} in the data folder. */
        public Builder framesDir(Path framesDir) {
            this.framesDir = framesDir;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(
                    Objects.requireNonNull(dataDir, "dataDir"),
                    bind,
                    port,
                    clock,
                    sealInterval,
                    purgeInterval,
                    version,
                    idleTimeout,
                    bodyDeadline,
                    minBodyBytesPerSecond,
                    bodyRateGrace,
                    database,
                    retention,
                    autoStopAbandoned,
                    rateLimit,
                    framesDir != null ? framesDir : dataDir.resolve("frames"));
        }
    }

    public static String defaultVersion() {
        String v = ServerConfig.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
