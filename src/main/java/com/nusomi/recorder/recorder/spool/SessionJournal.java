package com.nusomi.recorder.recorder.spool;

import com.nusomi.recorder.client.request.ContractRules;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ordered, durable journal of one session. Each entry is a file {@code <index>-<kind>[-<seq>].entry}, written
 * to a temporary name, forced to disk, renamed and the folder forced: only then is it recorded. Uploaded entries
 * are listed in {@code acked.log} and their files deleted ({@link AckLog}); refused ones move to {@code rejected/}
 * and are listed in {@code rejected.log} ({@link RejectedLog}). A {@code done} file marks a journal whose stop was
 * sent. Opening a journal recovers what a crash left ({@link JournalLoader}).
 *
 * <p>An entry's file is deleted only once its line in {@code acked.log} is forced to disk, so a crash or a power
 * loss leaves every entry either acknowledged for good or still on disk (sent again, and absorbed by its
 * idempotency key, seq or event ids).
 */
public final class SessionJournal {
    static final String ENTRY_SUFFIX = ".entry";
    static final String DONE = "done";
    /** Events per entry at most (the API's batch limit). */
    public static final int MAX_EVENTS = ContractRules.MAX_EVENTS_PER_CALL;
    /** Frame acknowledgements forced to disk together, at most. */
    static final int ACK_GROUP = AckLog.GROUP;

    /** An entry waiting for upload. */
    record Pending(long index, EntryKind kind, long frameSeq, Path file, long bytes) {}

    private final Spool spool;
    private final String sessionId;
    private final Path dir;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile int pendingCount;
    private long nextIndex;
    private long nextFrameSeq;
    private boolean stopRecorded;
    private boolean done;
    private volatile int rejectedCount;
    private final AckLog acks;
    private final RejectedLog rejected;

    private SessionJournal(Spool spool, String sessionId, Path dir, JournalLoader.Loaded loaded) {
        this.spool = spool;
        this.sessionId = sessionId;
        this.dir = dir;
        this.acks = new AckLog(dir, loaded.acked(), spool::release);
        this.rejected = new RejectedLog(dir);
        for (Pending p : loaded.pending()) {
            pending.add(p);
            pendingBytes.addAndGet(p.bytes());
        }
        pendingCount = pending.size();
        rejectedCount = loaded.rejectedCount();
        nextIndex = loaded.nextIndex();
        nextFrameSeq = loaded.nextFrameSeq();
        stopRecorded = loaded.stopRecorded();
        done = loaded.done();
    }

    static SessionJournal open(Spool spool, String sessionId, Path dir) throws IOException {
        boolean created = !Files.isDirectory(dir);
        RejectedLog.createFolder(dir);
        if (created) {
            Spool.forceDirectory(dir.getParent());
        }
        return new SessionJournal(spool, sessionId, dir, JournalLoader.load(dir, spool::release));
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
        return pendingBytes.get();
    }

    public int rejectedEntries() {
        return rejectedCount;
    }

    /** Seqs of frames the server acknowledged, from {@code acked.log} (for checks and tests). */
    public synchronized List<Long> acknowledgedFrameSeqs() {
        return acks.frameSeqs();
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
        List<String> ids = events.stream().map(EventInput::id).toList();
        byte[] payload = EntryCodec.encodeEvents(events);
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
        return EntryCodec.decodeEvents(entry.payload());
    }

    private EntryInfo append(
            EntryKind kind,
            long seq,
            List<String> eventIds,
            String tagName,
            Instant capturedAt,
            String contentType,
            byte[] payload) {
        if (stopRecorded) {
            throw new IllegalStateException(
                    "the session " + sessionId + " is stopped: nothing can be recorded after its stop");
        }
        long index = nextIndex;
        EntryInfo draft = new EntryInfo(sessionId, index, kind, seq, eventIds, tagName, 0);
        byte[] bytes = EntryCodec.encode(
                new JournalEntry(draft, UUID.randomUUID().toString(), capturedAt, contentType, payload));
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
        pendingBytes.addAndGet(bytes.length);
        pendingCount = pending.size();
        notifyAll();
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes.get(), rejectedCount);
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
        requireHead(p);
        acks.ack(p, pending.size() == 1);
        removeHead(p);
        if (p.kind() == EntryKind.STOP) {
            markDone();
        }
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes.get(), rejectedCount);
    }

    synchronized RejectedEntry reject(
            Pending p, EntryInfo info, int status, String code, String message, String requestId) throws IOException {
        requireHead(p);
        Instant now = Instant.now();
        Path target = rejected.add(p, status, code, message, requestId, now);
        rejectedCount++;
        removeHead(p);
        acks.forceAll(); // no later acknowledgement may come (a refused stop ends the journal)
        if (p.kind() == EntryKind.STOP) {
            markDone();
        }
        spool.events().pendingChanged(sessionId, pending.size(), pendingBytes.get(), rejectedCount);
        EntryInfo described = info != null
                ? info
                : new EntryInfo(sessionId, p.index(), p.kind(), p.frameSeq(), List.of(), null, p.bytes());
        return new RejectedEntry(described, status, code, message, requestId, now, target);
    }

    /** The rejected entries kept on disk, oldest first (from {@code rejected.log}). */
    public synchronized List<Map<String, Object>> rejectedLog() {
        try {
            return RejectedLog.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireHead(Pending p) {
        Pending head = pending.peekFirst();
        if (head == null || head.index() != p.index()) {
            throw new IllegalStateException("journal out of order: expected " + p.index() + ", head was " + head);
        }
    }

    private void removeHead(Pending p) {
        pending.pollFirst();
        pendingBytes.addAndGet(-p.bytes());
        pendingCount = pending.size();
    }

    private void markDone() throws IOException {
        Path marker = dir.resolve(DONE);
        try (FileChannel ch = PrivateFiles.open(
                marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap((Instant.now().toString() + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        done = true;
    }
}
