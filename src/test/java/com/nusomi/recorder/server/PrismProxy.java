package com.nusomi.recorder.server;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Stoplight Prism's validating proxy ({@code prism proxy}) in front of a real server: every request it forwards and
 * every answer it passes back is checked against the repo's {@code openapi.yaml}, and what breaks the document comes
 * back in the answer's {@code sl-violations} header. Prism is the validator the contract's owners run against what
 * lands; its version is pinned by {@code src/test/prism/package-lock.json} and installed with {@code npm ci} into
 * {@code target/prism} the first time a JVM needs it.
 *
 * <p>Without Node.js and npm (or with the npm registry out of reach) the tests that need it fail under {@code CI=true}
 * ({@code .ci/run} installs them) and are skipped with the reason elsewhere.
 */
final class PrismProxy implements AutoCloseable {
    static final Path SPEC = Path.of("src", "main", "resources", "api", "openapi.yaml");
    private static final Path SOURCE = Path.of("src", "test", "prism");
    private static final Path HOME = Path.of("target", "prism");
    private static String unavailable;
    private static Path installed;

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PrismProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** A proxy on a free loopback port, checking the traffic to and from {@code upstream} against {@link #SPEC}. */
    static PrismProxy start(String upstream) throws IOException, InterruptedException {
        Path prism = install();
        int port = HaproxyReplicasTest.freePorts(1)[0];
        Path log = HOME.resolve("prism-" + port + ".log");
        Process p = new ProcessBuilder(
                        prism.toString(),
                        "proxy",
                        SPEC.toString(),
                        upstream,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--errors",
                        "false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrismProxy proxy = new PrismProxy(p, log, port);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !p.isAlive() || proxy.logText().contains("Prism is listening"));
        } catch (ConditionTimeoutException e) {
            // reported below with Prism's output
        }
        if (!p.isAlive() || !proxy.logText().contains("Prism is listening")) {
            proxy.close();
            throw new IllegalStateException("Prism did not start; its output:\n" + proxy.logText());
        }
        return proxy;
    }

    String baseUrl() {
        return baseUrl;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Prism's command, installed once from the pinned lock file (again when the lock file changed). */
    private static synchronized Path install() throws InterruptedException {
        if (installed == null && unavailable == null) {
            try {
                installed = installNow();
            } catch (IOException | RuntimeException e) {
                unavailable = "no Prism for the conformance tests: " + e.getMessage();
            }
        }
        if (installed == null) {
            Requirements.missing("the conformance tests", unavailable);
        }
        return installed;
    }

    private static Path installNow() throws IOException, InterruptedException {
        Path prism = HOME.resolve("node_modules").resolve(".bin").resolve("prism");
        Path lock = SOURCE.resolve("package-lock.json");
        Path installedLock = HOME.resolve("package-lock.json");
        if (Files.isExecutable(prism) && Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1) {
            return prism.toAbsolutePath();
        }
        Files.createDirectories(HOME);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = HOME.resolve("npm-ci.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(HOME.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("npm is not installed (Debian: apt-get install nodejs npm)", e);
        }
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IOException("npm ci took more than 5 minutes; see " + out);
        }
        if (npm.exitValue() != 0 || !Files.isExecutable(prism)) {
            throw new IOException("npm ci failed (exit " + npm.exitValue() + "):\n" + Files.readString(out));
        }
        return prism.toAbsolutePath();
    }
}
