package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.client.SessionsClient;

/**
 * The server a run can be sent to: the hosted or team server set in Settings, while the app works on its
 * embedded server.
 */
public interface SendTarget {
    /** No server to send to. */
    SendTarget NONE = new SendTarget() {
        @Override
        public String address() {
            return null;
        }

        @Override
        public SessionsClient open() {
            throw new IllegalStateException("no server to send to is configured");
        }
    };

    /**
     * The server's address, or null when there is nowhere to send to (none configured, or the app is not on its
     * embedded server). Cheap: read on the FX thread.
     */
    String address();

    /** A new client for that server, with its key; blocking (the key may come from the OS keychain). */
    SessionsClient open();
}
