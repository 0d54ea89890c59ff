package com.nusomi.recorder.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client overhead against the real local server: {@code get} and {@code list(limit=100)} through the client
 * versus a raw OkHttp call parsed into a Jackson tree. Warm-up, then interleaved iterations; medians compared.
 * Run with {@code mvn -B -Pbenchmark test -Dtest=ClientBenchmark}.
 */
@Tag("benchmark")
class ClientBenchmark {
    private static final Logger log = LoggerFactory.getLogger(ClientBenchmark.class);
    private static final int WARMUP = 500;
    private static final int ITERATIONS = 2000;

    @Test
    void clientOverheadVersusRawOkHttp(@TempDir Path dataDir) throws Exception {
        try (ApiServer server = startServer(dataDir);
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.adminKey())
                        .build()) {
            OkHttpClient raw = new OkHttpClient.Builder().build();
            ObjectMapper mapper = new ObjectMapper();
            String key = server.adminKey();
            Session one = null;
            for (int i = 0; i < 150; i++) {
                one = client.sessions()
                        .create(CreateSessionRequest.builder("bench_flow")
                                .metadata(Map.of("vendor", "Acme", "amount", i, "note", "benchmark session " + i))
                                .build())
                        .execute();
            }
            String id = one.id();
            String getUrl = server.baseUrl() + "/v1/sessions/" + id;
            String listUrl = server.baseUrl() + "/v1/sessions?limit=100";
            SessionQuery list100 = SessionQuery.builder().limit(100).build();

            double[] get = compare(() -> client.sessions().get(id).execute(), () -> rawJson(raw, mapper, getUrl, key));
            double[] list =
                    compare(() -> client.sessions().list(list100).execute(), () -> rawJson(raw, mapper, listUrl, key));

            String report = String.format(
                    "get: client %.1f µs, raw %.1f µs, ratio %.3f; list(limit=100): client %.1f µs, raw %.1f µs, ratio %.3f",
                    get[0], get[1], get[0] / get[1], list[0], list[1], list[0] / list[1]);
            log.warn("Client overhead ({} iterations, medians): {}", ITERATIONS, report);
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
    }

    private static ApiServer startServer(Path dataDir) {
        return ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
    }

    private static JsonNode rawJson(OkHttpClient http, ObjectMapper mapper, String url, String key) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + key)
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readTree(response.body().bytes());
        }
    }

    /** Medians in microseconds of {client, raw}, after a warm-up, the two interleaved. */
    private static double[] compare(Callable<?> viaClient, Callable<?> viaRaw) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            viaClient.call();
            viaRaw.call();
        }
        long[] a = new long[ITERATIONS];
        long[] b = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            boolean clientFirst = i % 2 == 0;
            if (clientFirst) {
                a[i] = time(viaClient);
                b[i] = time(viaRaw);
            } else {
                b[i] = time(viaRaw);
                a[i] = time(viaClient);
            }
        }
        return new double[] {median(a) / 1000.0, median(b) / 1000.0};
    }

    private static long time(Callable<?> c) throws Exception {
        long t = System.nanoTime();
        if (c.call() == null) {
            throw new IllegalStateException("no result");
        }
        return System.nanoTime() - t;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
