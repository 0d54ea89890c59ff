package com.nusomi.recorder.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.ui.sessions.FilterStore;
import com.nusomi.recorder.ui.sessions.SessionFilters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings and the saved filters go through one writer: the last snapshot taken is the one left on disk. */
class JsonFileWriterTest {
    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void tearDown() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Holds the tasks handed to it, to run them later in whatever order a test wants. */
    private static final class HeldTasks implements Executor {
        final List<Runnable> tasks = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }
    }

    @Test
    void manySettingsSavesRacingOnAPoolEndWithTheLastSnapshotOnDisk() throws Exception {
        SettingsStore store = new SettingsStore(dir, pool);
        Settings s = new Settings();
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            s.startedSessions = List.of("ses_" + i);
            saves.add(store.save(s));
        }
        CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(store.load().startedSessions).containsExactly("ses_399");
        assertThat(leftovers()).isEmpty();
    }

    // the writes are held and run by hand below; their futures add nothing to the test
    @SuppressWarnings("FutureReturnValueIgnored")
    @Test
    void aStaleSettingsWriteRunAfterANewerOneDoesNotWin() throws Exception {
        HeldTasks held = new HeldTasks();
        SettingsStore store = new SettingsStore(dir, held);
        Settings s = new Settings();
        s.startedSessions = List.of("ses_left_recording");
        store.save(s);
        s.startedSessions = List.of();
        store.save(s);

        held.tasks.get(1).run(); // the newer snapshot lands first…
        held.tasks.get(0).run(); // …then the older one is scheduled

        assertThat(store.load().startedSessions).isEmpty();
    }

    // the writes are held and run by hand below; their futures add nothing to the test
    @SuppressWarnings("FutureReturnValueIgnored")
    @Test
    void aStaleFilterWriteRunAfterANewerOneDoesNotWin() throws Exception {
        HeldTasks held = new HeldTasks();
        FilterStore store = new FilterStore(dir, held);
        store.save(new FilterStore.State(SessionFilters.NONE, Map.of("old", SessionFilters.NONE)));
        store.save(new FilterStore.State(SessionFilters.NONE, Map.of("new", SessionFilters.NONE)));

        held.tasks.get(1).run();
        held.tasks.get(0).run();

        assertThat(store.load().saved()).containsOnlyKeys("new");
    }

    @Test
    void writesRacingFromManyThreadsEndWithTheHighestSnapshotAndNeverOverlap() throws Exception {
        JsonFileWriter writer = new JsonFileWriter(dir.resolve("x.json"), new ObjectMapper(), pool);
        List<JsonFileWriter.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            snapshots.add(writer.snapshot(Map.of("n", i)));
        }
        Collections.shuffle(snapshots);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (JsonFileWriter.Snapshot s : snapshots) {
            writes.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            writer.write(s);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("x.json").toFile())
                        .get("n")
                        .asInt())
                .isEqualTo(299);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theFileIsTheOwnersOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        new SettingsStore(dir, pool).saveNow(new Settings());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.json"))))
                .isEqualTo("rw-------");
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }
}
