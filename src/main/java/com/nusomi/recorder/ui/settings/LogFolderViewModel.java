package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.TaskRunner;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Open log folder" on the Settings screen: opens the folder in the desktop's file manager off the UI thread
 * (asking the desktop may block), and says plainly where the logs are when the platform cannot open it.
 */
public final class LogFolderViewModel {
    /** Opens a folder in the desktop's file manager. */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws IOException;
    }

    /** Through {@link java.awt.Desktop}; fails with a readable reason where it cannot open folders. */
    public static final FolderOpener DESKTOP = folder -> {
        if (GraphicsEnvironment.isHeadless()
                || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new IOException("this desktop cannot open folders from Java");
        }
        Files.createDirectories(folder);
        Desktop.getDesktop().open(folder.toFile());
    };

    private final TaskRunner tasks;
    private final Path folder;
    private final FolderOpener opener;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LogFolderViewModel(TaskRunner tasks, Path folder, FolderOpener opener) {
        this.tasks = tasks;
        this.folder = folder;
        this.opener = opener;
    }

    /** Opens the folder; on failure {@link #messageProperty()} says why and where the logs are. */
    public void onOpen() {
        message.set("");
        tasks.run(
                () -> {
                    opener.open(folder);
                    return Boolean.TRUE;
                },
                ok -> message.set(""),
                e -> message.set("Could not open the log folder (" + reason(e) + "). The logs are in " + folder));
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    public Path folder() {
        return folder;
    }

    /** Empty, or why the folder could not be opened (with its path, to find it by hand). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
