package com.nusomi.recorder.app.support;

/**
 * Undoes adding a listener to a longer-lived service ({@code ConnectionService}, {@code RecorderHost}): whoever
 * goes away before the service keeps it and closes it then. It plays the part JavaFX's {@code Subscription} plays
 * for observable values, for services that know nothing of JavaFX; a view keeping JavaFX subscriptions adds one as
 * {@code registration::close}. Closing it again does nothing.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the listener: it is not called any more once this returns (unless it is running right now). */
    @Override
    void close();
}
