package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * include=tags on lists: at most 100 tags per session, oldest first, with tags_truncated; and the answer is
 * written as it is made, so that a page at the contract's limits does not have to fit in memory.
 */
class ListTagsTest {
    /** The largest tag data the contract allows: a compact JSON object of 16,384 bytes. */
    private static final String LARGEST_DATA = "{\"x\":\"" + "d".repeat(16_384 - 8) + "\"}";

    @TempDir
    Path temp;

    @Test
    void aListEmbedsTheFirstHundredTagsAndSaysWhenThereAreMore() {
        try (LocalServer server = new LocalServer().start()) {
            ApiCalls api = server.admin();
            String many = api.createSession("tag_cap").get("id").asText();
            String hundred = api.createSession("tag_cap").get("id").asText();
            String few = api.createSession("tag_cap").get("id").asText();
            for (int i = 0; i < 101; i++) {
                api.tag(many, "t" + i);
                if (i < 100) {
                    api.tag(hundred, "t" + i);
                }
            }
            api.tag(few, "only");

            ApiCalls.Response r =
                    api.get("/v1/sessions?workflow=tag_cap&include=tags").expect(200);

            JsonNode data = r.json().get("data");
            assertThat(data.get(0).get("id").asText()).isEqualTo(few);
            assertThat(data.get(0).get("tags")).hasSize(1);
            assertThat(data.get(0).get("tags_truncated").asBoolean()).isFalse();
            assertThat(data.get(1).get("tags")).hasSize(100);
            assertThat(data.get(1).get("tags_truncated").asBoolean()).isFalse();
            assertThat(data.get(2).get("tags")).hasSize(100);
            assertThat(data.get(2).get("tags_truncated").asBoolean()).isTrue();
            assertThat(data.get(2).get("tags").get(0).get("name").asText()).isEqualTo("t0");
            assertThat(data.get(2).get("tags").get(99).get("name").asText()).isEqualTo("t99");
            // A single session still embeds every tag.
            assertThat(api.get("/v1/sessions/" + many + "?include=tags")
                            .expect(200)
                            .json()
                            .get("tags"))
                    .hasSize(101);
            assertThat(r.header("Content-Length")).as("a list is streamed").isNull();
        }
    }

    /**
     * The JVM options README.md gives for {@code serve} (section "The local server"): a heap that starts small and
     * is capped, so that what the server holds is what it needs, not what the JVM's defaults let garbage fill.
     */
    static final List<String> SERVE_OPTIONS = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");

    /**
     * A page of sessions at the contract's limits for embedded tags (100 tags of 16 KiB each shown, more stored),
     * some 100 MB of JSON. Served by a server whose whole heap is 64 MiB, it can only be answered by writing the
     * page as it goes (before, the server read every tag of the page into memory and built the answer whole).
     * Served with the options {@code serve} is documented with, one such request adds at most 64 MiB to the
     * server's resident memory, anonymous and file-backed alike (before, every read connection mapped the database
     * file on its own and the same pages counted once per mapping: +700 MiB).
     */
    @Test
    void aPageAtTheLimitsIsStreamedAndAddsAtMost64MiBToTheServer() throws Exception {
        int sessions = 60;
        Path data = temp.resolve("data");
        PostgresTarget db = LocalServer.POSTGRES ? PgCluster.shared().newSchema("at_limits") : null;
        try {
            String key = seedAtTheLimits(data, db, sessions);
            String url = "/v1/sessions?workflow=at_limits&include=tags&limit=500";

            long[] tiny = serveAndList(data, db, List.of("-Xmx64m"), key, url, null);
            assertThat(tiny[0]).as("sessions").isEqualTo(sessions);
            assertThat(tiny[1]).as("tags embedded").isEqualTo(sessions * 100L);
            assertThat(tiny[2]).as("sessions with tags_truncated").isEqualTo(sessions);
            assertThat(tiny[3]).as("bytes of JSON").isGreaterThan(sessions * 100L * 16_384);

            long[] rss = new long[2];
            long[] served = serveAndList(data, db, SERVE_OPTIONS, key, url, rss);
            System.out.printf(
                    "ListTagsTest: %d sessions, %d tags, %.1f MB of JSON; server VmRSS %d -> %d KiB%n",
                    served[0], served[1], served[3] / 1e6, rss[0], rss[1]);
            assertThat(served[1]).as("tags embedded").isEqualTo(sessions * 100L);
            if (rss[0] > 0) {
                assertThat(rss[1] - rss[0])
                        .as("KiB the request added to the server's resident memory")
                        .isLessThanOrEqualTo(64 * 1024);
            }
        } finally {
            deleteTree(data);
            if (db != null) {
                PgCluster.shared().dropSchema(db);
            }
        }
    }

    /** Seeds {@code sessions} sessions of 110 tags of the largest data each; returns the admin key. */
    private static String seedAtTheLimits(Path data, PostgresTarget db, int sessions) throws IOException {
        LocalServer seed = new LocalServer()
                .dataDir(Files.createDirectories(data))
                .database(db)
                .start();
        seed.server().store().write(tx -> {
            for (int s = 0; s < sessions; s++) {
                String id = String.format("ses_01HZX3SEED%016d", s);
                tx.insertSession(new SessionRecord(
                        id,
                        "at_limits",
                        SessionRecord.CREATED,
                        null,
                        null,
                        "{}",
                        null,
                        null,
                        1_700_000_000_000L + s,
                        null,
                        null,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0));
                for (int t = 0; t < 110; t++) {
                    tx.insertTag(
                            new TagRecord(
                                    String.format("tag_%s_%03d", id, t),
                                    id,
                                    "t" + t,
                                    LARGEST_DATA,
                                    1_700_000_000_000L + t,
                                    null),
                            1_700_000_000_000L + s);
                }
            }
            return null;
        });
        String key = seed.server().adminKey();
        seed.dataDir(null); // so that closing it leaves the folder (and the database) for the children
        seed.database(null);
        seed.close();
        return key;
    }

    /**
     * Runs {@code serve} on {@code data} in a JVM of its own with {@code options}, reads {@code url} to its end
     * and returns what {@link #countTags} counted; {@code rss}, if given, gets the server's resident memory just
     * before and just after the request.
     */
    private static long[] serveAndList(
            Path data, PostgresTarget db, List<String> options, String key, String url, long[] rss) throws Exception {
        Process child = serve(data, db, options);
        try {
            String baseUrl = awaitBaseUrl(child);
            if (rss != null) {
                rss[0] = rssKiB(child);
            }
            HttpResponse<InputStream> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + url))
                                    .header("Authorization", "Bearer " + key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            long[] counts = countTags(r.body());
            if (rss != null) {
                rss[1] = rssKiB(child);
            }
            assertThat(child.isAlive()).isTrue();
            return counts;
        } finally {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Sessions, embedded tags, sessions with tags_truncated true, and bytes, read as a stream. */
    private static long[] countTags(InputStream body) throws IOException {
        long[] counts = new long[4];
        CountingInputStream in = new CountingInputStream(body);
        try (JsonParser p = ApiCalls.JSON.getFactory().createParser(in)) {
            int depth = 0;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (t == JsonToken.START_OBJECT && depth == 3 && "data".equals(field)) {
                            counts[0]++;
                        }
                        if (t == JsonToken.START_OBJECT && depth == 5) {
                            counts[1]++;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            field = null;
                        }
                    }
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            field = p.currentName();
                        }
                        if (depth == 3
                                && p.currentName().equals("tags_truncated")
                                && p.nextToken() == JsonToken.VALUE_TRUE) {
                            counts[2]++;
                        }
                    }
                    default -> {}
                }
            }
        }
        counts[3] = in.count;
        return counts;
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static final Pattern LISTENING = Pattern.compile("Sessions API on (http://\\S+)");

    /** {@code serve} on {@code data}, storing in SQLite there or in {@code db}. */
    private static Process serve(Path data, PostgresTarget db, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "com.nusomi.recorder.Main",
                "serve",
                "--port",
                "0",
                "--data",
                data.toString()));
        if (db != null) {
            command.addAll(List.of("--database", db.url()));
        }
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String awaitBaseUrl(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String l = out.readLine(); l != null; l = out.readLine()) {
                            if (LISTENING.matcher(l).find()) {
                                return l;
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(60, TimeUnit.SECONDS);
        assertThat(line).as("serve's line naming its URL").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The child's resident memory in KiB, as {@code ps} and {@code top} show it (Linux; -1 without /proc). */
    private static long rssKiB(Process p) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
