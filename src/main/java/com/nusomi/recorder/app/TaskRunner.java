package com.nusomi.recorder.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The seam between view models and threads: {@link #run} does blocking work off the UI thread and hands the
 * result (or the failure) back on it; {@link #onUi} hands a callback from a service thread to the UI thread.
 * {@link FxTaskRunner} is the real one, {@link DirectTaskRunner} runs everything at once for unit tests.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    void onUi(Runnable action);
}
