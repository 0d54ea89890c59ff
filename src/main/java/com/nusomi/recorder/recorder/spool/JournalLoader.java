package com.nusomi.recorder.recorder.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Reads a session journal's folder back when it is opened, recovering from whatever a crash or a power loss left:
 * unfinished temporary files are deleted (they were never recorded), entry files already acknowledged are deleted
 * (the crash came between the acknowledgement and the deletion), and the rest is pending again, in journal order.
 * Entry indexes and frame seqs go on after the highest ever used, whether it was acknowledged, refused or pending.
 */
final class JournalLoader {
    /** What the folder holds. */
    record Loaded(
            List<SessionJournal.Pending> pending,
            List<AckLog.Line> acked,
            int rejectedCount,
            long nextIndex,
            long nextFrameSeq,
            boolean stopRecorded,
            boolean done) {}

    private final Path dir;
    private final LongConsumer release;
    private long maxIndex = -1;
    private long maxSeq = -1;
    private boolean stopRecorded;

    private JournalLoader(Path dir, LongConsumer release) {
        this.dir = dir;
        this.release = release;
    }

    /** Reads the journal in {@code dir}; {@code release} is told the size of each acknowledged file deleted. */
    static Loaded load(Path dir, LongConsumer release) throws IOException {
        return new JournalLoader(dir, release).load();
    }

    private Loaded load() throws IOException {
        List<AckLog.Line> acked = AckLog.read(dir);
        Set<Long> ackedIndexes = new HashSet<>();
        for (AckLog.Line l : acked) {
            ackedIndexes.add(l.index());
            seen(l.index(), l.frameSeq(), l.kindTag());
        }
        List<Map<String, Object>> rejected = RejectedLog.read(dir);
        for (Map<String, Object> m : rejected) {
            seen(((Number) m.get("index")).longValue(), ((Number) m.get("seq")).longValue(), m.get("kind"));
        }
        List<SessionJournal.Pending> pending = pendingFiles(ackedIndexes);
        return new Loaded(
                pending,
                acked,
                rejected.size(),
                maxIndex + 1,
                maxSeq + 1,
                stopRecorded,
                Files.exists(dir.resolve(SessionJournal.DONE)));
    }

    private void seen(long index, long seq, Object kindTag) {
        maxIndex = Math.max(maxIndex, index);
        maxSeq = Math.max(maxSeq, seq);
        if (EntryKind.STOP.fileTag().equals(kindTag)) {
            stopRecorded = true;
        }
    }

    private List<SessionJournal.Pending> pendingFiles(Set<Long> ackedIndexes) throws IOException {
        List<SessionJournal.Pending> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(SessionJournal.ENTRY_SUFFIX + ".tmp")) {
                    Files.deleteIfExists(f); // never finished, so never recorded
                    continue;
                }
                if (!name.endsWith(SessionJournal.ENTRY_SUFFIX)) {
                    continue;
                }
                String[] p = name.substring(0, name.length() - SessionJournal.ENTRY_SUFFIX.length())
                        .split("-", -1);
                long index = Long.parseLong(p[0]);
                EntryKind kind = EntryKind.ofFileTag(p[1]);
                long seq = p.length > 2 ? Long.parseLong(p[2]) : -1;
                seen(index, seq, null);
                if (ackedIndexes.contains(index)) {
                    long size = Files.size(f);
                    Files.delete(f); // uploaded; the crash came before the file was removed
                    release.accept(size);
                    continue;
                }
                if (kind == EntryKind.STOP) {
                    stopRecorded = true;
                }
                found.add(new SessionJournal.Pending(index, kind, seq, f, Files.size(f)));
            }
        }
        found.sort(Comparator.comparingLong(SessionJournal.Pending::index));
        return found;
    }
}
