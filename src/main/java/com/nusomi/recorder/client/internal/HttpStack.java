package com.nusomi.recorder.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * The threads and connections of one client: its one shared {@link OkHttpClient} (daemon dispatcher threads, a
 * connection pool that retires idle connections before the server does, no OkHttp retries or redirects) and the
 * daemon threads that run its async calls.
 */
public final class HttpStack {
    /** How long an idle pooled connection is kept at most (a server's Keep-Alive timeout may shorten it). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final OkHttpClient http;
    private final ExecutorService asyncExecutor;

    /**
     * @param eventListenerFactory observes OkHttp's call events (tests); null for none
     * @param cleartextOnly the client calls a plain {@code http} base URL only (redirects are not followed): then no
     *     TLS is set up (OkHttp otherwise loads the JDK's trust store and makes an SSL context as it is built, some
     *     150 ms of CPU on a cold JVM, on the path to the embedded server's first answer)
     */
    public HttpStack(
            Duration connectTimeout,
            Duration readTimeout,
            Duration writeTimeout,
            Duration callTimeout,
            int asyncThreads,
            EventListener.Factory eventListenerFactory,
            boolean cleartextOnly) {
        ExecutorService dispatcherPool = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                new DaemonThreadFactory("sessions-client-okhttp"));
        KeepAliveGuard keepAlive = new KeepAliveGuard();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(dispatcherPool))
                // Idle connections are retired after 25 s, under the local server's 30 s idle timeout, and sooner
                // when a server says so in Keep-Alive: timeout=N (KeepAliveGuard): a call never goes out on a
                // connection that the server has closed meanwhile.
                .connectionPool(new ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .addInterceptor(keepAlive.retireStaleFirst())
                .addNetworkInterceptor(keepAlive.networkInterceptor())
                .eventListener(keepAlive)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .callTimeout(callTimeout)
                // Retries are ours, so that attempts are counted and idempotency keys kept.
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        if (cleartextOnly) {
            http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        if (eventListenerFactory != null) {
            http.eventListenerFactory(call -> keepAlive.plus(eventListenerFactory.create(call)));
        }
        this.http = http.build();
        ThreadPoolExecutor async = new ThreadPoolExecutor(
                asyncThreads,
                asyncThreads,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new DaemonThreadFactory("sessions-client-async"));
        async.allowCoreThreadTimeOut(true);
        this.asyncExecutor = async;
    }

    public OkHttpClient http() {
        return http;
    }

    /** The threads of the async calls; {@link Transport#close()} shuts them down. */
    public ExecutorService asyncExecutor() {
        return asyncExecutor;
    }

    /** Cancels the HTTP calls in flight, stops the dispatcher's threads and closes the idle connections. */
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Number of HTTP calls in flight. */
    public int runningCallCount() {
        return http.dispatcher().runningCallsCount();
    }
}
