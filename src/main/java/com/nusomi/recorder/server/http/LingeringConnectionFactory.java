package com.nusomi.recorder.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's HTTP/1.1 connections, with a lingering close: once the answer is out and the connection is to end,
 * what the client still sends (the rest of a body nobody will read) is read off and dropped until the client ends
 * its side, for at most {@link #LINGER_MILLIS} between reads and {@link #LINGER_BYTES} in all.
 *
 * <p>Jetty 12.1 means to do this ("seek EOF" once a refused request's answer is sent) but fails on the first
 * byte that comes ({@code Parser is terminated}) and closes the socket over the unread bytes. The kernel then
 * resets the connection, and a client still sending its body loses the answer it had already been sent. Requests
 * the frontend refuses drop their bodies themselves ({@link Exchange}); this covers those Jetty refuses before any
 * handler sees them: a malformed request line, path or header.
 */
public final class LingeringConnectionFactory extends HttpConnectionFactory {
    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_BYTES = 1024 * 1024;
    private static final int SCRATCH = 8 * 1024;

    public LingeringConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        LingeringConnection connection = new LingeringConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class LingeringConnection extends HttpConnection {
        private ByteBuffer scratch;
        private long dropped;

        LingeringConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        public void onFillable() {
            EndPoint end = getEndPoint();
            if (end.isOutputShutdown() && getParser().isTerminated()) {
                dropUntilEnd(end);
            } else {
                super.onFillable();
            }
        }

        /** Reads and drops what has come; closes at the client's end, the byte limit, or a read error. */
        private void dropUntilEnd(EndPoint end) {
            if (scratch == null) {
                scratch = BufferUtil.allocate(SCRATCH);
                end.setIdleTimeout(Math.min(end.getIdleTimeout(), LINGER_MILLIS));
            }
            try {
                while (true) {
                    BufferUtil.clear(scratch);
                    int n = end.fill(scratch);
                    if (n == 0) {
                        fillInterested();
                        return;
                    }
                    dropped += Math.max(n, 0);
                    if (n < 0 || dropped > LINGER_BYTES) {
                        end.close();
                        return;
                    }
                }
            } catch (IOException e) {
                end.close(e);
            }
        }
    }
}
