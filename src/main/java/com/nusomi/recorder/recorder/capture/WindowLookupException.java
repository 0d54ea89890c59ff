package com.nusomi.recorder.recorder.capture;

/** The desktop's windows could not be read (no display, the platform refused, a native call failed). */
public final class WindowLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    public WindowLookupException(String message) {
        super(message);
    }

    public WindowLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
