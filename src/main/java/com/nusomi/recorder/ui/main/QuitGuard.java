package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.record.OutcomeDialog;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * What closing the main window asks when a session is in hand.
 *
 * <ul>
 *   <li>Recording: stop it (with a verdict), keep it recording on the server, or cancel.</li>
 *   <li>Created and never started: <b>Start it</b>, <b>Delete it</b>, <b>Leave it</b> (as created), or cancel.
 *       "Start it" starts recording and keeps the window open: whoever picks it wants a recording, and quitting at
 *       once would leave it recording with nobody watching; the usual Stop (or the recording question on the next
 *       close) ends it. "Delete it" soft-deletes the session off the UI thread and quits once the server agreed
 *       (on failure the window stays, showing why). "Leave it" quits and the session stays created on the
 *       server.</li>
 * </ul>
 * Cancelling (or closing the question) keeps the app open, the session as it was.
 */
final class QuitGuard {
    private final RecordViewModel vm;
    private final Stage stage;
    private final Runnable beforeClose;
    private boolean confirmed;

    /** @param beforeClose runs as the window closes after a question (hides the mini recorder) */
    QuitGuard(RecordViewModel vm, Stage stage, Runnable beforeClose) {
        this.vm = vm;
        this.stage = stage;
        this.beforeClose = beforeClose;
    }

    /** The window's close-request filter: consumes the request while it asks. */
    void onCloseRequest(WindowEvent e) {
        if (confirmed) {
            return;
        }
        if (vm.current().is(RecordState.RECORDING)) {
            e.consume();
            askWhileRecording();
        } else if (vm.current().is(RecordState.CREATED)) {
            e.consume();
            askWhileCreated();
        }
    }

    private void askWhileRecording() {
        ButtonType stop = new ButtonType("Stop the session…", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it recording", ButtonBar.ButtonData.OTHER);
        Alert ask = question(
                "Quit while recording?",
                "A session is recording. Stop it now, or keep it recording on "
                        + "the server? A session kept recording is offered for resume the next time the app starts.",
                stop,
                keep,
                ButtonType.CANCEL);
        ask.getDialogPane().lookupButton(stop).setId("quitStopButton");
        ask.getDialogPane().lookupButton(keep).setId("quitKeepButton");
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == keep) {
            closeNow();
            return;
        }
        Session session = vm.current().sessionProperty().get();
        OutcomeDialog.ask(stage, session.id() + " (" + session.workflow() + ")")
                .ifPresent(v -> vm.onStop(v, this::closeNow));
    }

    private void askWhileCreated() {
        ButtonType start = new ButtonType("Start it", ButtonBar.ButtonData.OK_DONE);
        ButtonType delete = new ButtonType("Delete it", ButtonBar.ButtonData.OTHER);
        ButtonType leave = new ButtonType("Leave it", ButtonBar.ButtonData.OTHER);
        Session session = vm.current().sessionProperty().get();
        Alert ask = question(
                "Quit with a session not started?",
                "Session " + session.id() + " ("
                        + session.workflow()
                        + ") is created but was never started. Start recording it now (the app stays "
                        + "open), delete it (it can be restored for 30 days), or leave it as created and quit?",
                start,
                delete,
                leave,
                ButtonType.CANCEL);
        ask.getDialogPane().lookupButton(start).setId("quitStartButton");
        ask.getDialogPane().lookupButton(delete).setId("quitDeleteButton");
        ask.getDialogPane().lookupButton(leave).setId("quitLeaveButton");
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == start) {
            vm.onStart();
        } else if (answer.get() == delete) {
            vm.onDeleteCreated(this::closeNow);
        } else {
            closeNow();
        }
    }

    private Alert question(String header, String text, ButtonType... buttons) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text, buttons);
        ask.initOwner(stage);
        ask.setTitle("Quit Session Recorder");
        ask.setHeaderText(header);
        return ask;
    }

    /** Closes the window without asking again. */
    void closeNow() {
        confirmed = true;
        beforeClose.run();
        stage.close();
    }
}
