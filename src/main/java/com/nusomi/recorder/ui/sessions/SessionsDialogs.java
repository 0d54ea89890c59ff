package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.OutcomeDialog;
import com.nusomi.recorder.ui.common.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Sessions screen's confirmations as dialogs owned by the screen's window. */
final class SessionsDialogs implements Confirmations {
    /** At most this many sessions are named one by one in a question; the rest are counted. */
    static final int NAMED = 8;

    private final Node owner;

    SessionsDialogs(Node owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Verdict> stopSelected(List<Session> sessions) {
        String header = sessions.size() == 1
                ? "Stop " + label(sessions.get(0)) + "? How did the run end?"
                : "Stop " + Formats.count(sessions.size(), "session", "sessions") + "? How did the runs end?";
        String text = (sessions.size() == 1 ? "" : "Stopping " + names(sessions) + ".\n")
                + "A verdict is saved as an \"outcome\" tag" + (sessions.size() == 1 ? "" : " on each")
                + ". Without one the server derives the outcome: "
                + "error when the run logged one, else abandoned (stopped from the list).";
        return OutcomeDialog.ask(window(), header, text);
    }

    @Override
    public List<String> stopAbandoned(List<Session> found, Duration age) {
        Dialog<ButtonType> d = new Dialog<>();
        own(d);
        d.setTitle("Stop abandoned sessions");
        d.setHeaderText(Formats.count(found.size(), "session has", "sessions have")
                + " been recording for longer than " + Formats.hoursMinutes(age)
                + ". Untick any to keep recording; the ones stopped become abandoned.");
        GridPane grid = new GridPane();
        grid.setId("abandonedList");
        grid.setHgap(14);
        grid.setVgap(6);
        grid.addRow(0, header("Workflow"), header("Actor"), header("Started"), header("Recording for"));
        List<CheckBox> boxes = new ArrayList<>();
        for (Session s : found) {
            CheckBox box = new CheckBox(s.workflow());
            box.setId("abandoned-" + s.id());
            box.setUserData(s.id());
            box.setSelected(true);
            box.setMnemonicParsing(false);
            boxes.add(box);
            grid.addRow(
                    boxes.size(),
                    box,
                    new Label(s.actor() == null ? "" : s.actor().id()),
                    new Label(Formats.time(s.startedAt())),
                    new Label(Formats.duration(s.durationMs())));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(300, 28.0 * (found.size() + 1)));
        d.getDialogPane().setContent(scroll);
        ButtonType stop = new ButtonType("Stop", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(stop, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(stop);
        ok.setId("confirmStopAbandoned");
        IntegerBinding ticked = Bindings.createIntegerBinding(
                () -> (int) boxes.stream().filter(CheckBox::isSelected).count(),
                boxes.stream().map(CheckBox::selectedProperty).toArray(ObservableBooleanValue[]::new));
        ok.textProperty().bind(ticked.asString("Stop %d"));
        ok.disableProperty().bind(ticked.isEqualTo(0));
        d.getDialogPane().setMinWidth(560);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != stop) {
            return List.of();
        }
        return boxes.stream()
                .filter(CheckBox::isSelected)
                .map(b -> (String) b.getUserData())
                .toList();
    }

    @Override
    public boolean deletePermanently(List<Session> sessions) {
        Dialog<ButtonType> d = new Dialog<>();
        own(d);
        d.setTitle("Delete permanently");
        d.setHeaderText("Delete " + (sessions.size() == 1 ? label(sessions.get(0)) : names(sessions))
                + " permanently? " + (sessions.size() == 1 ? "Its" : "Their")
                + " frames, events and tags are gone for good; this cannot be undone.");
        String word = Confirmations.deleteWord(sessions);
        TextField typed = new TextField();
        typed.setId("confirmCount");
        typed.setPromptText(word);
        String how = sessions.size() == 1
                ? "Type the workflow (" + word + ") or the id to confirm:"
                : "Type \u201c" + word + "\u201d to confirm:";
        Label prompt = new Label(how);
        prompt.setId("confirmDeleteWhat");
        prompt.setWrapText(true);
        d.getDialogPane().setContent(new VBox(6, prompt, typed));
        ButtonType delete = new ButtonType("Delete permanently", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(delete, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(delete);
        ok.setId("confirmDeletePermanently");
        ok.getStyleClass().add(Styles.DANGER);
        ok.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !Confirmations.deleteConfirmed(sessions, typed.getText()), typed.textProperty()));
        typed.sceneProperty().subscribe(s -> typed.requestFocus());
        return d.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    /** "ses_… (process_invoice)". */
    static String label(Session s) {
        return s.id() + " (" + s.workflow() + ")";
    }

    /** The sessions' labels, the first {@link #NAMED}, then how many more. */
    static String names(List<Session> sessions) {
        List<String> named =
                sessions.stream().limit(NAMED).map(SessionsDialogs::label).toList();
        String more = sessions.size() > NAMED ? " and " + (sessions.size() - NAMED) + " more" : "";
        return String.join(", ", named) + more;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private Window window() {
        return owner.getScene() != null ? owner.getScene().getWindow() : null;
    }

    private void own(Dialog<?> d) {
        Window w = window();
        if (w != null) {
            d.initOwner(w);
        }
    }
}
