package com.nusomi.recorder.recorder.input;

/**
 * Global mouse and keyboard input: {@link NativeHookInputSource} (jnativehook) or {@link SyntheticInputSource}
 * for tests. {@link #start} fails with {@link InputUnavailableException} where global hooks are impossible
 * (no display, headless, native library not loadable) or were refused; the recorder then goes on without input
 * events. While recording, the recorder asks {@link #failure()} every second and offers {@link #restart()}.
 */
public interface InputSource {
    void start(InputListener listener) throws InputUnavailableException;

    /** Stops delivering to the listener given to {@link #start}. */
    void stop();

    /**
     * Null while input is captured (or was never started); else why clicks and keys no longer arrive (the hook's
     * thread ended, its registration was refused). Cheap: asked every second while recording.
     */
    default String failure() {
        return null;
    }

    /** Tries to capture again after a {@link #failure()}, for the listener given to {@link #start}. */
    default void restart() throws InputUnavailableException {}

    /** Global input cannot be captured here; the message says why. */
    final class InputUnavailableException extends Exception {
        private final boolean retryable;

        /** Input is impossible in this process (headless, no display): trying again would not help. */
        public InputUnavailableException(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param retryable true where trying again may work (a refused or lost hook registration) */
        public InputUnavailableException(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }

        /** True where {@link InputSource#restart()} may bring input back. */
        public boolean retryable() {
            return retryable;
        }
    }
}
