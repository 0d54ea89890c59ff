package com.nusomi.recorder.recorder.input;

/**
 * Global mouse and keyboard input: {@link NativeHookInputSource} (jnativehook) or {@link SyntheticInputSource}
 * for tests. {@link #start} fails with {@link InputUnavailableException} where global hooks are impossible
 * (no display, headless, native library not loadable); the recorder then goes on without input events.
 */
public interface InputSource {
    void start(InputListener listener) throws InputUnavailableException;

    void stop();

    /** Global input cannot be captured here; the message says why. */
    final class InputUnavailableException extends Exception {
        public InputUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
