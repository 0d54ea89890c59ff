package com.nusomi.recorder.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** How to run the local server. Defaults: loopback, port 8765, the system clock. */
public record ServerConfig(Path dataDir, String bind, int port, Clock clock, Duration sealInterval,
                           Duration purgeInterval, String version) {

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

        public ServerConfig build() {
            return new ServerConfig(Objects.requireNonNull(dataDir, "dataDir"), bind, port, clock, sealInterval,
                    purgeInterval, version);
        }
    }

    public static String defaultVersion() {
        String v = ServerConfig.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
