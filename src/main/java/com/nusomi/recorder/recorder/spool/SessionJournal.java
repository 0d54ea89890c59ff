package com.nusomi.recorder.recorder.spool;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nusomi.recorder.client.request.EventInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The ordered, durable journal of one session. Each entry is a file {@code <index>-<kind>[-<seq>].entry}, written
 * to a temporary name, forced to disk, renamed and the folder forced: only then is it recorded. Uploaded entries
 * are listed in {@code acked.log} and their files deleted; refused ones move to {@code rejected/} and are listed in
 * {@code rejected.log}. A {@code done} file marks a journal whose stop was sent.
 *
 * <p>An entry's file is deleted only once its line in {@code acked.log} is forced to disk, so a crash or a power
 * loss leaves every entry either acknowledged for good or still on disk (sent again, and absorbed by its
 * idempotency key, seq or event ids). Acknowledgements of frames are forced in groups (up to {@value #ACK_GROUP},
 * or as soon as nothing more is pending), not one by one: an fsync per frame was most of the cost of draining a
 * spool. Event batches, tags and the stop are forced at once, together with any frames acknowledged before them.
 */
public final class SessionJournal {
    static final String ENTRY_SUFFIX = ".entry";
    static final String DONE = "done";
    private static final String ACKED = "acked.log";
    private static final String REJECTED = "rejected.log";
    /** Events per entry at most (the API's batch limit). */
    public static final int MAX_EVENTS = 500;
    /** Frame acknowledgements forced to disk together, at most. */
    static final int ACK_GROUP = 64;

    /** An entry waiting for upload. */
    record Pending(long index, EntryKind kind, long frameSeq, Path file, long bytes) {
    }

    private final Spool spool;
    private final String sessionId;
    private final Path dir;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private volatile long pendingBytes;
    private volatile int pendingCount;
    private long nextIndex;
    private long nextFrameSeq;
    private boolean stopRecorded;
    private boolean done;
    private volatile int rejectedCount;
    private final List<Long> ackedFrameSeqs = new ArrayList<>();
    /** Acknowledged entries whose {@code acked.log} lines are written but not yet forced; their files stay till then. */
    private final List<Pending> ackedNotForced = new ArrayList<>();

    private SessionJournal(Spool spool, String sessionId, Path dir) {
        this.spool = spool;
        this.sessionId = sessionId;
        this.dir = dir;
    }

    static SessionJournal open(Spool spool, String sessionId, Path dir) throws IOException {
        SessionJournal j = new SessionJournal(spool, sessionId, dir);
        boolean created = !Files.isDirectory(dir);
        PrivateFiles.directories(dir.resolve("rejected"));
        if (created) {
            Spool.forceDirectory(dir.getParent());
        }
        j.load();
        return j;
    }

    private void load() throws IOException {
        long maxIndex = -1;
        long maxSeq = -1;
        Set<Long> acked = new HashSet<>();
        Path ackFile = dir.resolve(ACKED);
        if (Files.exists(ackFile)) {
            byte[] raw = Files.readAllBytes(ackFile);
            if (raw.length > 0 && raw[raw.length - 1] != '\n') {
                appendLine(ackFile, "\n", true); // end a torn last line, so the next one starts clean
            }
            for (String line : new String(raw, StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.trim().split(" ");
                if (p.length != 3 || !p[0].matches("[0-9]+") || !p[2].matches("-?[0-9]+")) {
                    continue; // a torn line: that entry is simply uploaded again
                }
                long index = Long.parseLong(p[0]);
                acked.add(index);
                maxIndex = Math.max(maxIndex, index);
                long seq = Long.parseLong(p[2]);
                maxSeq = Math.max(maxSeq, seq);
                if (seq >= 0) {
                    ackedFrameSeqs.add(seq);
                }
                if (p[1].equals(EntryKind.STOP.fileTag())) {
                    stopRecorded = true;
                }
            }
        }
        Path rejFile = dir.resolve(REJECTED);
        if (Files.exists(rejFile)) {
            for (String line : Files.readAllLines(rejFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Map<String, Object> m = EntryCodec.JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
                    maxIndex = Math.max(maxIndex, ((Number) m.get("index")).longValue());
                    maxSeq = Math.max(maxSeq, ((Number) m.get("seq")).longValue());
                    if (EntryKind.STOP.fileTag().equals(m.get("kind"))) {
                        stopRecorded = true;
                    }
                    rejectedCount++;
                } catch (IOException torn) {
                    // a torn last line; the file itself is still in rejected/
                }
            }
        }
        List<Pending> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(ENTRY_SUFFIX + ".tmp")) {
                    Files.deleteIfExists(f); // never finished, so never recorded
                    continue;
                }
                if (!name.endsWith(ENTRY_SUFFIX)) {
                    continue;
                }
                String[] p = name.substring(0, name.length() - ENTRY_SUFFIX.length()).split("-");
                long index = Long.parseLong(p[0]);
                EntryKind kind = EntryKind.ofFileTag(p[1]);
                long seq = p.length > 2 ? Long.parseLong(p[2]) : -1;
                maxIndex = Math.max(maxIndex, index);
                maxSeq = Math.max(maxSeq, seq);
                if (acked.contains(index)) {
                    long size = Files.size(f);
                    Files.delete(f); // uploaded; the crash came before the file was removed
                    spool.release(size);
                    continue;
                }
                if (kind == EntryKind.STOP) {
                    stopRecorded = true;
                }
                found.add(new Pending(index, kind, seq, f, Files.size(f)));
            }
        }
        found.sort(java.util.Comparator.comparingLong(Pending::index));
        for (Pending p : found) {
            pending.add(p);
            pendingBytes += p.bytes();
        }
        pendingCount = pending.size();
        nextIndex = maxIndex + 1;
        nextFrameSeq = maxSeq + 1;
        done = Files.exists(dir.resolve(DONE));
    }

    public String sessionId() {
        return sessionId;
    }

    public Path directory() {
        return dir;
    }

    /** The seq the next frame will get (0, 1, 2… per session, continued across restarts). */
    public synchronized long nextFrameSeq() {
        return nextFrameSeq;
    }

    public synchronized boolean stopRecorded() {
        return stopRecorded;
    }

    public synchronized boolean isDone() {
        return done;
    }

    public int pendingEntries() {
        return pendingCount;
    }

    public long pendingBytes() {
        return pendingBytes;
    }

    public int rejectedEntries() {
        return rejectedCount;
    }

    /** Seqs of frames the server acknowledged, from {@code acked.log} (for checks and tests). */
    public synchronized List<Long> acknowledgedFrameSeqs() {
        return List.copyOf(ackedFrameSeqs);
    }

    /** Records a JPEG frame with the next seq; null when it was skipped because the spool is full. */
    public EntryInfo appendFrame(Instant capturedAt, String contentType, byte[] image) {
        synchronized (this) {
            long seq = nextFrameSeq;
            EntryInfo info = append(EntryKind.FRAME, seq, List.of(), null, capturedAt, contentType, image);
            if (info != null) {
                nextFrameSeq = seq + 1;
            }
            return info;
        }
    }

    /** Records a batch of 1–500 events. */
    public EntryInfo appendEvents(List<EventInput> events) {
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("an event batch holds 1 to " + MAX_EVENTS + " events");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (EventInput e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type());
            m.put("at", e.at().toString());
            m.put("data", e.data());
            rows.add(m);
            ids.add(e.id());
        }
        byte[] payload;
        try {
            payload = EntryCodec.JSON.writeValueAsBytes(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            return append(EntryKind.EVENTS, -1, ids, null, null, null, payload);
        }
    }

    /** Records a tag; {@code dataJson} is a JSON object or null. */
    public synchronized EntryInfo appendTag(String name, String dataJson) {
        byte[] payload = dataJson == null ? new byte[0] : dataJson.getBytes(StandardCharsets.UTF_8);
        return append(EntryKind.TAG, -1, List.of(), name, null, null, payload);
    }

    /** Records the stop: the last entry; nothing can follow it. Recording it twice is harmless. */
    public synchronized EntryInfo appendStop() {
        if (stopRecorded) {
            return null;
        }
        return append(EntryKind.STOP, -1, List.of(), null, null, null, new byte[0]);
    }

    /** Reads the events of an event batch entry back. */
    public static List<EventInput> events(JournalEntry entry) throws IOException {
        List<Map<String, Object>> rows = EntryCodec.JSON.readValue(entry.payload(),
                new TypeReference<List<Map<String, Object>>>() { });
        List<EventInput> events = new ArrayList<>(rows.size());
        for (Map<String, Object> m : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) m.get("data");
            events.add(EventInput.builder((String) m.get("type")).id((String) m.get("id"))
                    .at(Instant.parse((String) m.get("at"))).data(data).build());
        }
        return events;
    }

    private EntryInfo append(EntryKind kind, long seq, List<String> eventIds, String tagName, Instant capturedAt,
                             String contentType, byte[] payload) {
        if (stopRecorded) {
            throw new IllegalStateException("the session " + sessionId + " is stopped: nothing can be recorded after its stop");
        }
        long index = nextIndex;
        EntryInfo draft = new EntryInfo(sessionId, index, kind, seq, eventIds, tagName, 0);
        byte[] bytes = EntryCodec.encode(new JournalEntry(draft, UUID.randomUUID().toString(), capturedAt,
                contentType, payload));
        if (!spool.reserve(sessionId, bytes.length, kind == EntryKind.FRAME)) {
            return null;
        }
        String name = String.format("%012d-%s%s%s", index, kind.fileTag(), seq >= 0 ? "-" + seq : "", ENTRY_SUFFIX);
        Path file = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            try (FileChannel ch = PrivateFiles.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            Spool.forceDirectory(dir);
        } catch (IOException e) {
            spool.release(bytes.length);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("cannot write to the spool " + dir + ": " + e.getMessage(), e);
        }
        nextIndex = index + 1;
        if (kind == EntryKind.STOP) {
            stopRecorded = true;
        }
        EntryInfo info = new EntryInfo(sessionId, index, kind, seq, eventIds, tagName, bytes.length);
        spool.events().recorded(info); // durable now; reported before the uploader can see it
        pending.add(new Pending(index, kind, seq, file, bytes.length));
        pendingBytes += bytes.length;
        pendingCount = pending.size();
        notifyAll();
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes, rejectedCount);
        return info;
    }

    /** The oldest pending entry, waiting up to {@code millis} for one; null if none came. */
    synchronized Pending awaitHead(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return pending.peekFirst();
    }

    /** Up to {@code max} frame entries directly after {@code head}, stopping at the first entry of another kind. */
    synchronized List<Pending> framesAfter(Pending head, int max) {
        List<Pending> out = new ArrayList<>();
        boolean past = false;
        for (Pending p : pending) {
            if (!past) {
                past = p.index() == head.index();
                continue;
            }
            if (p.kind() != EntryKind.FRAME || out.size() >= max) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    /** Wakes an uploader waiting in {@link #awaitHead}. */
    synchronized void wakeUp() {
        notifyAll();
    }

    JournalEntry read(Pending p) throws IOException {
        return EntryCodec.decode(Files.readAllBytes(p.file()));
    }

    synchronized void ack(Pending p) throws IOException {
        String line = p.index() + " " + p.kind().fileTag() + " " + p.frameSeq() + "\n";
        boolean lastPending = pending.size() == 1;
        boolean force = p.kind() != EntryKind.FRAME || lastPending || ackedNotForced.size() + 1 >= ACK_GROUP;
        appendLine(dir.resolve(ACKED), line, force);
        if (p.frameSeq() >= 0) {
            ackedFrameSeqs.add(p.frameSeq());
        }
        removeHead(p);
        ackedNotForced.add(p);
        if (force) {
            deleteAcknowledgedFiles();
        }
        if (p.kind() == EntryKind.STOP) {
            markDone();
        }
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes, rejectedCount);
    }

    synchronized RejectedEntry reject(Pending p, EntryInfo info, int status, String code, String message,
                                      String requestId) throws IOException {
        Path target = dir.resolve("rejected").resolve(p.file().getFileName());
        Files.move(p.file(), target, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", p.index());
        m.put("kind", p.kind().fileTag());
        m.put("seq", p.frameSeq());
        m.put("status", status);
        m.put("code", code);
        m.put("message", message);
        m.put("request_id", requestId);
        Instant now = Instant.now();
        m.put("at", now.toString());
        m.put("file", target.getFileName().toString());
        appendLine(dir.resolve(REJECTED), EntryCodec.JSON.writeValueAsString(m) + "\n", true);
        rejectedCount++;
        removeHead(p);
        if (!ackedNotForced.isEmpty()) { // no later acknowledgement may come (a refused stop ends the journal)
            appendLine(dir.resolve(ACKED), "", true);
            deleteAcknowledgedFiles();
        }
        if (p.kind() == EntryKind.STOP) {
            markDone();
        }
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes, rejectedCount);
        EntryInfo described = info != null ? info
                : new EntryInfo(sessionId, p.index(), p.kind(), p.frameSeq(), List.of(), null, p.bytes());
        return new RejectedEntry(described, status, code, message, requestId, now, target);
    }

    /** The rejected entries kept on disk, oldest first (from {@code rejected.log}). */
    public synchronized List<Map<String, Object>> rejectedLog() {
        Path rejFile = dir.resolve(REJECTED);
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(rejFile)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(rejFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(EntryCodec.JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Deletes the files of acknowledged entries once their {@code acked.log} lines are forced. */
    private void deleteAcknowledgedFiles() throws IOException {
        for (Pending done : ackedNotForced) {
            Files.deleteIfExists(done.file());
            spool.release(done.bytes());
        }
        ackedNotForced.clear();
    }

    private void removeHead(Pending p) {
        Pending head = pending.pollFirst();
        if (head == null || head.index() != p.index()) {
            throw new IllegalStateException("journal out of order: expected " + p.index() + ", head was " + head);
        }
        pendingBytes -= p.bytes();
        pendingCount = pending.size();
    }

    private void markDone() throws IOException {
        Path marker = dir.resolve(DONE);
        try (FileChannel ch = PrivateFiles.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap((Instant.now().toString() + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        done = true;
    }

    private static void appendLine(Path file, String line, boolean force) throws IOException {
        try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (force) {
                ch.force(false);
            }
        }
    }
}
