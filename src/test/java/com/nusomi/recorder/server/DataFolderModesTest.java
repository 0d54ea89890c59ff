package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On POSIX, the data folder is its owner's only: folders 0700, the database and its -wal/-shm, keys, frames 0600. */
class DataFolderModesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static void use(LocalServer server) throws IOException {
        ApiCalls api = server.admin();
        String id = api.createRecording("modes").get("id").asText();
        api.tag(id, "written");
        api.send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=0&captured_at=2026-05-07T14:00:00Z",
                        png(),
                        "image/png",
                        Map.of())
                .expect(201);
    }

    @Test
    void aNewDataFolderIsPrivate() throws IOException {
        Path data = temp.resolve("new").resolve("data");
        try (LocalServer server = new LocalServer().dataDir(data).start()) {
            use(server);

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String f : filesOf(server)) {
                assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
            }
            assertPrivateTree(data.resolve("frames"));
            if (server.database() != null) {
                assertThat(data.resolve("sessions.db"))
                        .as("no SQLite beside PostgreSQL")
                        .doesNotExist();
            }
        }
    }

    @Test
    void theFilesOfAnOlderInstallAreNarrowed() throws IOException {
        Path data = temp.resolve("data");
        new LocalServer().dataDir(data).start().server().close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String f : List.of("sessions.db", "sessions.db-wal", "sessions.db-shm")) {
            if (Files.exists(data.resolve(f))) {
                Files.setPosixFilePermissions(data.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        try (LocalServer server = new LocalServer().dataDir(data).start()) {
            use(server);

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String f : filesOf(server)) {
                assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
            }
        }
    }

    /** The files the server keeps in the data folder: the admin key, and SQLite's database unless on PostgreSQL. */
    private static List<String> filesOf(LocalServer server) {
        return server.database() != null
                ? List.of("admin.key")
                : List.of("sessions.db", "sessions.db-wal", "sessions.db-shm", "admin.key");
    }

    private static void assertPrivateTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }
}
