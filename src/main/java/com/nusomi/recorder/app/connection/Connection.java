package com.nusomi.recorder.app.connection;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.spool.ServerKey;

/**
 * A live link to a Sessions API: the client, a label for people, the key of the server (what is recorded for it is
 * spooled under that key), and what to close with it (the embedded server, when the app started one).
 */
public record Connection(SessionsClient client, Kind kind, String baseUrl, ServerKey serverKey, AutoCloseable owned)
        implements AutoCloseable {

    /** Embedded (the app's own server) or remote (hosted, or a server someone else runs). */
    public enum Kind {
        EMBEDDED,
        REMOTE
    }

    public String label() {
        return (kind == Kind.EMBEDDED ? "Embedded server" : "Hosted") + " · " + baseUrl;
    }

    @Override
    public void close() {
        client.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }
}
