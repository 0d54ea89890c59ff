package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.connection.Connection;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.ui.export.SendTarget;

/**
 * Where the Sessions screen's "Send to server…" sends a run: the hosted or team server set in Settings (its URL,
 * its key from the keychain or the environment), while the app works on its embedded server.
 */
final class HostedTarget implements SendTarget {
    private final AppContext ctx;

    HostedTarget(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String address() {
        Connection c = ctx.connection().current();
        String url = ctx.settings().hostedBaseUrl;
        if (c == null || c.kind() != Connection.Kind.EMBEDDED || url == null || url.isBlank()) {
            return null;
        }
        return url.strip();
    }

    @Override
    public SessionsClient open() {
        String url = address();
        if (url == null) {
            throw new IllegalStateException("no hosted or team server is set in Settings");
        }
        String key = ctx.secrets().load();
        return Connector.client(url, key != null ? key : ctx.environmentApiKey());
    }
}
