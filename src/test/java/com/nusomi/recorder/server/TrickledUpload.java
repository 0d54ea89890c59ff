package com.nusomi.recorder.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request body (a frame upload, seq 1, or any other POST) sent a few bytes at a time on a connection of its own,
 * every 100 ms, always keeping its last bytes back: a request in flight for as long as a test needs one (what a drain,
 * or a restart of another replica, does to it).
 */
final class TrickledUpload implements AutoCloseable {
    private final RawHttp http;
    private final byte[] frame;
    private final AtomicInteger sent = new AtomicInteger();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

    private TrickledUpload(String baseUrl, String key, String path, String contentType, byte[] frame, int chunk) {
        this.http = new RawHttp(baseUrl);
        this.frame = frame;
        http.head(
                "POST",
                path,
                Map.of(
                        "Authorization",
                        "Bearer " + key,
                        "Content-Type",
                        contentType,
                        "Content-Length",
                        Integer.toString(frame.length)));
        @SuppressWarnings("FutureReturnValueIgnored") // stopped by shutting the executor down
        var unused = ticks.scheduleAtFixedRate(
                () -> {
                    int from = sent.get();
                    if (from + chunk < frame.length) {
                        http.write(Arrays.copyOfRange(frame, from, from + chunk));
                        sent.addAndGet(chunk);
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    /** Sends the request's head at once and then {@code chunk} bytes of the PNG {@code frame} every 100 ms. */
    static TrickledUpload start(String baseUrl, String key, String sessionId, byte[] frame, int chunk) {
        return new TrickledUpload(
                baseUrl,
                key,
                "/v1/sessions/" + sessionId + "/frames?seq=1&captured_at=" + Instant.now(),
                "image/png",
                frame,
                chunk);
    }

    /** Sends the head of a POST of {@code body} to {@code path} at once and then {@code chunk} bytes every 100 ms. */
    static TrickledUpload post(String baseUrl, String key, String path, String contentType, byte[] body, int chunk) {
        return new TrickledUpload(baseUrl, key, path, contentType, body, chunk);
    }

    /** How many bytes of the body have been sent so far. */
    int sent() {
        return sent.get();
    }

    int length() {
        return frame.length;
    }

    /** Stops the trickle, sends the rest of the body at once and reads the answer. */
    RawHttp.Response finish() throws InterruptedException {
        ticks.shutdown();
        if (!ticks.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the trickle did not stop within 10 s");
        }
        http.write(Arrays.copyOfRange(frame, sent.get(), frame.length));
        return http.read();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        http.close();
    }

    /** Whether a connection to the server is refused (its listening socket closed). */
    static boolean refused(URI base) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
