package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.SessionsChanged;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.ui.common.Debouncer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Keeps the Sessions list current without a Refresh: a reload each time the screen is shown, after each change the
 * app itself made to a session (while hidden, once it is shown again), and every {@link #POLL} while it is shown
 * (the server seals stopped sessions on its own). The poll waits while the user works in the list: each scroll or
 * keystroke pushes it back a whole period, and a poll that finds a load or an action under way waits one more.
 * All on the UI thread, but for the news of changes (any thread, handed to the UI thread).
 */
public final class KeepCurrent {
    /** How often the list is read again while it is shown. */
    public static final Duration POLL = Duration.ofSeconds(10);

    private final TaskRunner tasks;
    private final Runnable reload;
    private final BooleanSupplier busy;
    private Registration changes = () -> {};
    private Debouncer timer;
    private boolean shown;

    /** {@code reload} reads the list again keeping what is shown; {@code busy} says a load or action is under way. */
    KeepCurrent(TaskRunner tasks, Runnable reload, BooleanSupplier busy) {
        this.tasks = tasks;
        this.reload = reload;
        this.busy = busy;
    }

    /** Reloads after each change the app itself makes to a session (heard on any thread), until disposed. */
    public void follow(SessionsChanged news) {
        changes.close();
        changes = news.addListener(id -> tasks.onUi(this::changed));
    }

    /** Polls with {@code pollTimer} (one period of quiet a tick), from now on; null stops polling. */
    public void poll(Debouncer pollTimer) {
        if (timer != null) {
            timer.cancel();
        }
        timer = pollTimer;
        schedule();
    }

    /** The screen came into view (reload now) or went out of it (no polling while hidden). */
    public void setShown(boolean now) {
        if (now == shown) {
            return;
        }
        shown = now;
        if (now) {
            if (!busy.getAsBoolean()) { // a load under way lands fresh rows anyway
                reload.run();
            }
            schedule();
        } else if (timer != null) {
            timer.cancel();
        }
    }

    /** Whether the screen is in view. */
    public boolean isShown() {
        return shown;
    }

    /** A session changed through this app: reload now if shown (else it is read when next shown). */
    void changed() {
        if (shown) {
            reload.run();
            schedule();
        }
    }

    /** The user scrolls or types: the next poll waits a whole period from now. */
    public void userActive() {
        schedule();
    }

    private void schedule() {
        if (timer != null && shown) {
            timer.trigger(this::tick);
        }
    }

    private void tick() {
        if (!shown) {
            return;
        }
        if (!busy.getAsBoolean()) {
            reload.run();
        }
        schedule();
    }

    /** Stops polling and listening (the screen is going away). */
    void dispose() {
        shown = false;
        changes.close();
        if (timer != null) {
            timer.cancel();
        }
    }
}
