package com.nusomi.recorder.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks at once on the calling thread: for view-model tests without a toolkit. */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
