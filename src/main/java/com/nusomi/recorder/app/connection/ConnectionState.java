package com.nusomi.recorder.app.connection;

/** What the status bar shows: the phase, who we talk to, the server version, and the last error. */
public record ConnectionState(Phase phase, String label, String version, String error) {

    /** CONNECTING until the first connection; then ONLINE or OFFLINE by the last health check; FAILED if it never came up. */
    public enum Phase {
        CONNECTING,
        ONLINE,
        OFFLINE,
        FAILED
    }

    public static ConnectionState connecting(String label) {
        return new ConnectionState(Phase.CONNECTING, label, null, null);
    }
}
