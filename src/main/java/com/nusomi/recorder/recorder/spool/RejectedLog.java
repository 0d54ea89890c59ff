package com.nusomi.recorder.recorder.spool;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries the server refused for a session, kept for the operator: each entry's file moves into the journal's
 * {@code rejected/} folder and gets a JSON line in {@code rejected.log} (index, kind, seq, the server's status, code,
 * message and request id, when, and the file's name). Not thread-safe: used under its journal's lock.
 */
final class RejectedLog {
    static final String FILE = "rejected.log";
    static final String FOLDER = "rejected";

    private final Path dir;

    /** The log of the journal in {@code dir}. */
    RejectedLog(Path dir) {
        this.dir = dir;
    }

    /** Creates the {@code rejected/} folder (and the journal's) if missing. */
    static void createFolder(Path dir) throws IOException {
        PrivateFiles.directories(dir.resolve(FOLDER));
    }

    /**
     * Moves the refused entry's file into {@code rejected/} and appends its line, forced to disk. Returns where the
     * file now is.
     */
    Path add(SessionJournal.Pending p, int status, String code, String message, String requestId, Instant at)
            throws IOException {
        Path target = dir.resolve(FOLDER).resolve(p.file().getFileName());
        Files.move(p.file(), target, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", p.index());
        m.put("kind", p.kind().fileTag());
        m.put("seq", p.frameSeq());
        m.put("status", status);
        m.put("code", code);
        m.put("message", message);
        m.put("request_id", requestId);
        m.put("at", at.toString());
        m.put("file", target.getFileName().toString());
        PrivateFiles.appendLine(dir.resolve(FILE), EntryCodec.JSON.writeValueAsString(m) + "\n", true);
        return target;
    }

    /**
     * The lines of the log of the journal in {@code dir}, oldest first. A torn last line (a crash while it was
     * written) is skipped: the entry's file itself is still in {@code rejected/}.
     */
    static List<Map<String, Object>> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(EntryCodec.JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
            } catch (IOException torn) {
                // a torn last line
            }
        }
        return out;
    }
}
