package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.ui.sessions.FilmStripViewModel;
import com.nusomi.recorder.ui.sessions.FrameViewerOpener;
import com.nusomi.recorder.ui.sessions.RedactionOpener;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app's one frame viewer window, built when first opened and reused after: {@code boot} makes this and hands
 * it to the Sessions screen. The window is one of the app's own (given to {@code ownWindow}, so that the recorder
 * masks it like the main window).
 */
public final class FrameViewers implements FrameViewerOpener, AutoCloseable {
    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final PlaybackTimer timer;
    private final Consumer<Stage> ownWindow;
    private FrameViewerViewModel vm;
    private FrameViewerWindow window;

    /**
     * Viewers that load frames through {@code client} on {@code tasks}, play on {@code timer}, and tell
     * {@code ownWindow} of their window (FX thread).
     */
    public FrameViewers(
            TaskRunner tasks, Supplier<SessionsClient> client, PlaybackTimer timer, Consumer<Stage> ownWindow) {
        this.tasks = tasks;
        this.client = client;
        this.timer = timer;
        this.ownWindow = ownWindow;
    }

    @Override
    public void open(FilmStripViewModel<Image> film, Window owner, RedactionOpener redaction) {
        if (window == null) {
            vm = new FrameViewerViewModel(tasks, client, timer);
            window = new FrameViewerWindow(vm, owner);
            ownWindow.accept(window.stage());
        }
        vm.follow(film);
        window.setRedaction(redaction);
        window.show();
    }

    /** The viewer's state, once it has been opened (null before). */
    public FrameViewerViewModel viewModel() {
        return vm;
    }

    /** Closes the window, if open. */
    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
