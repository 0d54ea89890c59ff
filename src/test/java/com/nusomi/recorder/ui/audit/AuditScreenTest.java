package com.nusomi.recorder.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.ui.AppFixture;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.sessions.SessionsViewModel;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app as a whole: "History" in a session's detail opens the Audit screen filtered to that session. */
@ExtendWith(ApplicationExtension.class)
class AuditScreenTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private static void press(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).query();
        assertThat(b.isVisible() && !b.isDisabled())
                .as("%s can be pressed", query)
                .isTrue();
        Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void historyInASessionsDetailOpensTheAuditLogFilteredToIt(FxRobot robot) {
        Session other = app.client
                .sessions()
                .create(CreateSessionRequest.builder("audit_other").build())
                .execute();
        Session picked = app.client
                .sessions()
                .create(CreateSessionRequest.builder("audit_picked").start(true).build())
                .execute();
        app.client.sessions().tag(picked.id(), TagRequest.of("reviewed")).execute();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());

        press(robot, "#navSessions");
        SessionsViewModel sessions =
                robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sessions.rows().size() == 2
                        && Boolean.TRUE.equals(sessions.adminProperty().get()));
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        robot.interact(() -> table.getSelectionModel()
                .select(sessions.rows().stream()
                        .filter(s -> s.id().equals(picked.id()))
                        .findFirst()
                        .orElseThrow()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sessions.detail().sessionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        press(robot, "#sessionHistory");
        AuditView audit = robot.lookup("#auditView").queryAs(AuditView.class);
        assertThat(audit.getScene()).as("the Audit screen is shown").isNotNull();
        AuditViewModel vm = audit.viewModel();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.loadingProperty().get()
                        && !vm.rows().isEmpty()
                        && vm.rows().stream().allMatch(e -> picked.id().equals(e.sessionId())));
        assertThat(robot.lookup("#auditSession").queryTextInputControl().getText())
                .isEqualTo(picked.id());
        assertThat(vm.rows().stream().map(AuditLogEntry::action)).contains("session.created", "session.tagged");
        assertThat(vm.rows().get(0).action()).as("newest first").isEqualTo("session.tagged");

        // the action filter narrows it; clearing the filters shows the other session's entries too
        ComboBox<String> action = robot.lookup("#auditAction").queryComboBox();
        robot.interact(() -> action.setValue("session.created"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.loadingProperty().get()
                        && vm.rows().size() == 1
                        && vm.rows().get(0).action().equals("session.created"));
        press(robot, "#auditClear");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.loadingProperty().get()
                        && vm.rows().stream().anyMatch(e -> other.id().equals(e.sessionId())));
        assertThat(robot.lookup("#auditDenied").query().isVisible()).isFalse();
    }
}
