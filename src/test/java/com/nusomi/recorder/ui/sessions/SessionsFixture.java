package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real embedded server on a temp folder with a clock the test moves, seeded straight through the store with
 * sessions of every workflow, status, outcome and actor kind spread over 40 days, some tagged; and clients with
 * the admin key and with a read/write key.
 */
final class SessionsFixture implements AutoCloseable {
    static final String[] WORKFLOWS = {"process_invoice", "onboard_vendor", "refund_order", "payroll_run"};
    static final String[] KINDS = {"human", "model", "script"};
    static final String[] OUTCOMES = {"success", "error", "abandoned"};

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final ApiServer server;
    final SessionsClient admin;
    final SessionsClient writer;

    SessionsFixture(Path dataDir, int sessions) {
        // no sealing while the test runs, so that "stopped" stays stopped between the screen and the API
        server = ApiServer.start(ServerConfig.builder()
                .dataDir(dataDir)
                .port(0)
                .clock(clock)
                .sealInterval(Duration.ofHours(1))
                .build());
        admin = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        writer = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.createKey(Set.of("read", "write")))
                .build();
        seed(sessions);
    }

    /** Seeds {@code n} sessions in one transaction; session i was created i × 50 minutes ago. */
    void seed(int n) {
        long t0 = now.get().toEpochMilli();
        server.store().write(tx -> {
            for (int i = 0; i < n; i++) {
                String status = switch (i % 10) {
                    case 0 -> SessionRecord.CREATED;
                    case 1, 2 -> SessionRecord.RECORDING;
                    case 3, 4 -> SessionRecord.STOPPED;
                    default -> SessionRecord.SEALED;
                };
                boolean started = !status.equals(SessionRecord.CREATED);
                boolean stopped = status.equals(SessionRecord.STOPPED) || status.equals(SessionRecord.SEALED);
                long created = t0 - i * 50L * 60_000 - 1000;
                Long startedAt = started ? created + 1000 : null;
                Long stoppedAt = stopped ? startedAt + (i % 600) * 1000L + 1000 : null;
                String id = Ids.session();
                tx.insertSession(new SessionRecord(
                        id,
                        WORKFLOWS[i % 4],
                        status,
                        stopped ? OUTCOMES[i % 3] : null,
                        stopped ? "stop" : null,
                        "{\"n\":" + i + ",\"vendor\":\"Acme\"}",
                        "user" + (i % 7) + "@acme.com",
                        KINDS[(i / 2) % 3],
                        created,
                        startedAt,
                        stoppedAt,
                        null,
                        null,
                        i % 13,
                        i % 17,
                        0,
                        0));
                if (i % 5 == 0) {
                    tx.insertTag(
                            new TagRecord(
                                    Ids.tag(),
                                    id,
                                    "reviewed",
                                    "{\"by\":\"anna\"}",
                                    created + 2000,
                                    startedAt == null ? null : 1000L),
                            created);
                }
                if (i % 7 == 0) {
                    tx.insertTag(
                            new TagRecord(
                                    Ids.tag(), id, "escalated", "{}", created + 3000, startedAt == null ? null : 2000L),
                            created);
                }
            }
            return null;
        });
    }

    /** Seeds {@code n} sessions of one workflow, created or recording, created in the last minutes. */
    List<String> seedLive(String workflow, int n) {
        long t0 = now.get().toEpochMilli();
        List<String> ids = new ArrayList<>();
        server.store().write(tx -> {
            for (int i = 0; i < n; i++) {
                boolean recording = i % 3 != 0;
                long created = t0 - i * 1000L - 500;
                String id = Ids.session();
                ids.add(id);
                tx.insertSession(new SessionRecord(
                        id,
                        workflow,
                        recording ? SessionRecord.RECORDING : SessionRecord.CREATED,
                        null,
                        null,
                        "{}",
                        "bot" + (i % 3),
                        KINDS[i % 3],
                        created,
                        recording ? created + 100 : null,
                        null,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0));
            }
            return null;
        });
        return ids;
    }

    List<String> ids(SessionQuery query) {
        List<String> ids = new ArrayList<>();
        SessionQuery every =
                query.toBuilder().limit(500).includeTags(false).cursor(null).build();
        for (Session s : admin.sessions().listAll(every)) {
            ids.add(s.id());
        }
        return ids;
    }

    @Override
    public void close() {
        admin.close();
        writer.close();
        server.close();
    }
}
