package com.nusomi.recorder.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Audit screen's view model against the real server: pages, filters, newest first, and a key without admin. */
class AuditViewModelTest {
    @TempDir
    static Path data;

    static ApiServer server;
    static SessionsClient admin;
    static SessionsClient writer;
    static final List<String> created = new ArrayList<>();
    static Session tagged;

    @BeforeAll
    static void start() {
        server = ApiServer.start(ServerConfig.builder().dataDir(data).port(0).build());
        admin = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        writer = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.createKey(Set.of("read", "write")))
                .build();
        for (int i = 0; i < AuditViewModel.PAGE_SIZE + 10; i++) {
            created.add(admin.sessions()
                    .create(CreateSessionRequest.builder("audit_seed").build())
                    .execute()
                    .id());
        }
        tagged = admin.sessions()
                .create(CreateSessionRequest.builder("audit_tagged").start(true).build())
                .execute();
        admin.sessions().tag(tagged.id(), TagRequest.of("reviewed")).execute();
        admin.sessions().stop(tagged.id()).execute();
    }

    @AfterAll
    static void stop() {
        admin.close();
        writer.close();
        server.close();
    }

    private static void assertNewestFirst(List<AuditLogEntry> rows) {
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).at()).isBeforeOrEqualTo(rows.get(i - 1).at());
        }
    }

    @Test
    void theLogComesAPageAtATimeNewestFirst() {
        AuditViewModel vm = new AuditViewModel(new DirectTaskRunner(), () -> admin);
        vm.load();
        assertThat(vm.deniedProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(AuditViewModel.PAGE_SIZE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertNewestFirst(vm.rows());
        assertThat(vm.rows().get(0).sessionId()).isEqualTo(tagged.id()); // the newest: its stop
        while (vm.hasMoreProperty().get()) {
            vm.loadMore();
        }
        assertNewestFirst(vm.rows());
        assertThat(vm.rows().stream().map(AuditLogEntry::sessionId)).containsAll(created);
        assertThat(vm.rows().stream().map(AuditLogEntry::id).distinct()).hasSameSizeAs(vm.rows());
    }

    @Test
    void aSessionsHistoryAndAnActionFilter() {
        AuditViewModel vm = new AuditViewModel(new DirectTaskRunner(), () -> admin);
        vm.showSession(tagged.id());
        assertThat(vm.sessionIdProperty().get()).isEqualTo(tagged.id());
        assertThat(vm.rows()).isNotEmpty().allMatch(e -> e.sessionId().equals(tagged.id()));
        assertThat(vm.rows().stream().map(AuditLogEntry::action))
                .contains("session.created", "session.tagged", "session.stopped");
        assertThat(vm.rows().get(0).action()).isEqualTo("session.stopped");
        assertNewestFirst(vm.rows());

        vm.actionProperty().set("session.tagged");
        vm.load();
        assertThat(vm.rows()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("session.tagged");
            assertThat(e.sessionId()).isEqualTo(tagged.id());
        });

        vm.onClearFilters();
        assertThat(vm.sessionIdProperty().get()).isEmpty();
        assertThat(vm.actionProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(AuditViewModel.PAGE_SIZE);
    }

    @Test
    void aKeyWithoutTheAdminScopeIsToldWhyAndSeesNoRows() {
        AuditViewModel vm = new AuditViewModel(new DirectTaskRunner(), () -> writer);
        vm.load();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.ops().getFailure()).as("not an error: an explanation").isNull();
        assertThat(vm.deniedProperty().get())
                .contains("admin scope")
                .contains("insufficient_scope")
                .contains("HTTP 403")
                .contains("request req_");
    }
}
