package com.nusomi.recorder.recorder.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A journal's {@code acked.log}: a line {@code <index> <kind> <seq>} for each entry the server acknowledged, and
 * the deletion of that entry's file once its line is forced to disk. Lines of frames are forced in groups (up to
 * {@value #GROUP}, or as soon as nothing more is pending): an fsync per frame was most of the cost of draining a
 * spool. Any other entry's line is forced at once, together with the frames' lines written before it. Not
 * thread-safe: used under its journal's lock.
 */
final class AckLog {
    static final String FILE = "acked.log";
    /** Frame acknowledgements forced to disk together, at most. */
    static final int GROUP = 64;

    /** One line read back from the log. */
    record Line(long index, String kindTag, long frameSeq) {}

    private final Path file;
    private final LongConsumer release;
    private final List<Long> frameSeqs = new ArrayList<>();
    /** Acknowledged entries whose lines are written but not yet forced; their files stay till then. */
    private final List<SessionJournal.Pending> notForced = new ArrayList<>();

    /**
     * The log of the journal in {@code dir}, continuing the lines read back from it; {@code release} is told the
     * size of each entry file deleted.
     */
    AckLog(Path dir, List<Line> previous, LongConsumer release) {
        this.file = dir.resolve(FILE);
        this.release = release;
        for (Line l : previous) {
            if (l.frameSeq() >= 0) {
                frameSeqs.add(l.frameSeq());
            }
        }
    }

    /**
     * The lines of the log in {@code dir}, oldest first. A torn last line (a crash while it was written) is ended
     * on disk, so that the next line starts clean, and skipped: its entry is simply uploaded again.
     */
    static List<Line> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<Line> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        byte[] raw = Files.readAllBytes(file);
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            PrivateFiles.appendLine(file, "\n", true);
        }
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\n", -1)) {
            String[] p = line.trim().split(" ", -1);
            if (p.length != 3 || !p[0].matches("[0-9]+") || !p[2].matches("-?[0-9]+")) {
                continue;
            }
            out.add(new Line(Long.parseLong(p[0]), p[1], Long.parseLong(p[2])));
        }
        return out;
    }

    /**
     * Writes the acknowledgement of {@code p}, forcing it (and deleting the files of every entry acknowledged so
     * far) unless it is a frame with more pending and room left in the group.
     */
    void ack(SessionJournal.Pending p, boolean lastPending) throws IOException {
        String line = p.index() + " " + p.kind().fileTag() + " " + p.frameSeq() + "\n";
        boolean force = p.kind() != EntryKind.FRAME || lastPending || notForced.size() + 1 >= GROUP;
        PrivateFiles.appendLine(file, line, force);
        if (p.frameSeq() >= 0) {
            frameSeqs.add(p.frameSeq());
        }
        notForced.add(p);
        if (force) {
            deleteAcknowledgedFiles();
        }
    }

    /** Forces the lines not yet forced and deletes their entries' files (when no later acknowledgement may come). */
    void forceAll() throws IOException {
        if (!notForced.isEmpty()) {
            PrivateFiles.appendLine(file, "", true);
            deleteAcknowledgedFiles();
        }
    }

    /** Seqs of the frames acknowledged, in the order of their lines. */
    List<Long> frameSeqs() {
        return List.copyOf(frameSeqs);
    }

    private void deleteAcknowledgedFiles() throws IOException {
        for (SessionJournal.Pending done : notForced) {
            Files.deleteIfExists(done.file());
            release.accept(done.bytes());
        }
        notForced.clear();
    }
}
