package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The real local server for recorder tests, on a data folder of its own; can be stopped and started on its port. */
final class LocalServer implements AutoCloseable {
    private final Path dataDir;
    private ApiServer server;
    private final int port;
    private final String adminKey;

    LocalServer(Path dataDir) {
        this.dataDir = dataDir;
        this.server =
                ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
        this.port = server.port();
        this.adminKey = server.adminKey();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String adminKey() {
        return adminKey;
    }

    int port() {
        return port;
    }

    SessionsClient newClient() {
        return SessionsClient.builder().baseUrl(baseUrl()).apiKey(adminKey).build();
    }

    /** A new session, already recording. */
    static Session newRecordingSession(SessionsClient client) {
        return client.sessions()
                .create(CreateSessionRequest.builder("recorder_test")
                        .start(true)
                        .build())
                .execute();
    }

    void stop() {
        server.close();
        server = null;
    }

    void restart() {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(dataDir).port(port).build());
    }

    boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Checks the server against what the journal recorded: every recorded frame and event is there, none twice,
     * and the session's counts equal the distinct counts.
     */
    static void assertServerHoldsExactly(
            SessionsClient client,
            String sessionId,
            Collection<Long> recordedSeqs,
            Collection<String> recordedEventIds) {
        List<Long> seqs = new ArrayList<>();
        for (Frame f : client.frames().listAll(sessionId)) {
            seqs.add(f.seq());
        }
        List<String> ids = new ArrayList<>();
        for (Event e : client.events().listAll(sessionId)) {
            ids.add(e.id());
        }
        Set<Long> distinctSeqs = new HashSet<>(seqs);
        Set<String> distinctIds = new HashSet<>(ids);
        assertThat(seqs).as("frames on the server, no seq twice").hasSize(distinctSeqs.size());
        assertThat(ids).as("events on the server, no id twice").hasSize(distinctIds.size());
        assertThat(distinctSeqs).as("every recorded frame arrived").containsAll(recordedSeqs);
        assertThat(distinctIds).as("every recorded event arrived").containsAll(recordedEventIds);
        Session s = client.sessions().get(sessionId).execute();
        assertThat(s.frameCount()).as("frame_count").isEqualTo(distinctSeqs.size());
        assertThat(s.eventCount()).as("event_count").isEqualTo(distinctIds.size());
    }
}
