package com.nusomi.recorder.client.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Honours a server's {@code Keep-Alive: timeout=N}: a pooled connection that has been idle for N seconds is closed
 * on our side before the next call could pick it, so that the call opens a fresh one instead of sending into a
 * socket the server has closed (which fails with "unexpected end of stream" and costs a retry, or fails a POST).
 *
 * <p>Three parts, installed together by the client: a network interceptor reads the header of each response on
 * its connection; the event listener notes when a connection goes back to the pool (idle from then) and when a
 * call takes it; an application interceptor, run before each call looks for a connection, retires the stale ones.
 * Closing the socket is enough: OkHttp's pool never hands out a connection whose socket is closed.
 */
public final class KeepAliveGuard extends EventListener {
    private static final Pattern TIMEOUT = Pattern.compile("(?i)(?:^|[,;\\s])timeout\\s*=\\s*(\\d{1,6})");

    private final Map<Connection, Lease> leases = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Lease {
        volatile long timeoutNanos = -1;
        /** When the connection went back to the pool; -1 while a call holds it. */
        volatile long idleSince = -1;
    }

    private Lease lease(Connection c) {
        synchronized (leases) {
            return leases.computeIfAbsent(c, k -> new Lease());
        }
    }

    /** The seconds of {@code Keep-Alive: timeout=N}, or -1. */
    static long timeoutSeconds(String header) {
        if (header == null) {
            return -1;
        }
        Matcher m = TIMEOUT.matcher(header);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The network interceptor: notes the timeout the server gives for this connection. */
    public Interceptor networkInterceptor() {
        return chain -> {
            Response response = chain.proceed(chain.request());
            Connection c = chain.connection();
            long seconds = timeoutSeconds(response.header("Keep-Alive"));
            if (c != null && seconds >= 0) {
                lease(c).timeoutNanos = TimeUnit.SECONDS.toNanos(seconds);
            }
            return response;
        };
    }

    /** The application interceptor: retires stale pooled connections before the call looks for one. */
    public Interceptor retireStaleFirst() {
        return chain -> {
            retireStale();
            return chain.proceed(chain.request());
        };
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        lease(connection).idleSince = -1;
    }

    @Override
    public void connectionReleased(Call call, Connection connection) {
        lease(connection).idleSince = System.nanoTime();
    }

    /** Closes every idle connection whose server said it would close it by now. */
    public void retireStale() {
        long now = System.nanoTime();
        List<Connection> stale = new ArrayList<>();
        synchronized (leases) {
            for (Map.Entry<Connection, Lease> e : leases.entrySet()) {
                Lease l = e.getValue();
                long idleSince = l.idleSince;
                if (l.timeoutNanos >= 0 && idleSince >= 0 && now - idleSince >= l.timeoutNanos) {
                    stale.add(e.getKey());
                }
            }
            stale.forEach(leases::remove);
        }
        for (Connection c : stale) {
            try {
                c.socket().close();
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
