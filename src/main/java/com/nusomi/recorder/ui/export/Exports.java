package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * What the Sessions screen needs to take runs out of the app: it opens the Export and Send dialogs on the
 * connection's client, with the folder opener and the send target {@code boot} hands it.
 */
public final class Exports {
    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final ReadOnlyStringWrapper sendAddress = new ReadOnlyStringWrapper();
    private FolderOpener folders = FolderOpener.NONE;
    private SendTarget target = SendTarget.NONE;
    private Path folder = Path.of(System.getProperty("user.home"), "Downloads");

    /** Exports read through {@code client} (the current connection's), run on {@code tasks}. */
    public Exports(TaskRunner tasks, Supplier<SessionsClient> client) {
        this.tasks = tasks;
        this.client = client;
    }

    /** How "Open folder" opens one (the desktop's file manager). */
    public void setFolderOpener(FolderOpener opener) {
        this.folders = opener;
    }

    /** Where "Send to server…" sends runs; {@link #refreshSendTarget()} reads it again. */
    public void setSendTarget(SendTarget target) {
        this.target = target;
        refreshSendTarget();
    }

    /** The folder an export goes to unless the user picks another. */
    public void setFolder(Path folder) {
        this.folder = folder;
    }

    /** Reads the send target's address again (the connection or the settings may have changed). */
    public void refreshSendTarget() {
        sendAddress.set(target.address());
    }

    /** The server runs can be sent to; null while there is none (see {@link SendTarget#address()}). */
    public ReadOnlyStringProperty sendAddressProperty() {
        return sendAddress.getReadOnlyProperty();
    }

    /** The Export dialog's state for {@code runs}. */
    public ExportViewModel export(List<RunRef> runs) {
        return new ExportViewModel(tasks, client, folders, runs, folder);
    }

    /** Opens the Export dialog for {@code runs} over {@code from}'s window. */
    public Stage openExport(Node from, List<RunRef> runs) {
        String heading = runs.size() == 1 ? "Export " + runs.get(0).label() : "Export " + runs.size() + " runs";
        return ExportDialog.open(from, export(runs), heading);
    }

    /** The Send dialog's state for {@code run}; {@code deleteLocal} soft-deletes the local copy by id. */
    public SendViewModel send(RunRef run, Consumer<String> deleteLocal) {
        return new SendViewModel(tasks, client, target, run, deleteLocal);
    }

    /** Opens the Send dialog for {@code run} over {@code from}'s window. */
    public Stage openSend(Node from, RunRef run, Consumer<String> deleteLocal) {
        return SendDialog.open(from, send(run, deleteLocal));
    }
}
