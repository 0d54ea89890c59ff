package com.nusomi.recorder.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a run bundle entry by entry into a zip stream, hashing each file as it goes, and the manifest last. JSON
 * files are deflated; images, which do not compress, are stored. Nothing is kept but the list of written files.
 */
public final class BundleWriter {
    private static final int BUFFER = 64 * 1024;

    private final ObjectMapper mapper;
    private final ZipOutputStream zip;
    private final List<BundleManifest.BundleFile> files = new ArrayList<>();
    private final LocalDateTime entryTime;
    private boolean finished;

    /**
     * Writes into {@code out}, which the caller closes (after {@link #finish}); {@code mapper} writes the JSON
     * values given to {@link #json} and {@link #jsonLines} (the API's objects, as the caller's mapper knows them).
     */
    public BundleWriter(OutputStream out, ObjectMapper mapper) {
        this(out, mapper, null);
    }

    /**
     * Writes as {@link #BundleWriter(OutputStream, ObjectMapper)} does, every zip entry stamped with {@code
     * entryTime} (UTC) rather than the time it is written: the same content then gives the same bytes, which a
     * server's import recognises by their hash. Null stamps each entry with the time it is written.
     */
    public BundleWriter(OutputStream out, ObjectMapper mapper, Instant entryTime) {
        this.mapper = mapper;
        this.zip = new ZipOutputStream(new BufferedOutputStream(new NonClosing(out), BUFFER));
        this.entryTime = entryTime == null ? null : LocalDateTime.ofInstant(entryTime, ZoneOffset.UTC);
    }

    private ZipEntry entry(String path) {
        ZipEntry entry = new ZipEntry(path);
        if (entryTime != null) {
            entry.setTimeLocal(entryTime);
        }
        return entry;
    }

    /** Writes one deflated file through {@code body}, which gets a stream that hashes what it is given. */
    public void file(String path, EntryBody body) throws IOException {
        zip.putNextEntry(entry(path));
        MessageDigest sha = sha256();
        Counting counting = new Counting(new DigestOutputStream(new NonClosing(zip), sha));
        body.writeTo(counting);
        counting.flush();
        zip.closeEntry();
        files.add(new BundleManifest.BundleFile(path, counting.count, hex(sha)));
    }

    /** Writes one value as a JSON file. */
    public void json(String path, Object value) throws IOException {
        file(path, out -> mapper.writeValue(out, value));
    }

    /** Writes one JSON value a line, as they come: nothing is held but the line being written. */
    public void jsonLines(String path, Iterable<?> values, Runnable afterEach) throws IOException {
        file(path, out -> {
            for (Object v : values) {
                out.write(mapper.writeValueAsBytes(v));
                out.write('\n');
                afterEach.run();
            }
        });
    }

    /** Copies a file written elsewhere (a temporary file) into the bundle, deflated. */
    public void copy(String path, InputStream in) throws IOException {
        file(path, in::transferTo);
    }

    /** Writes an image as a stored (not deflated) entry; returns its SHA-256. */
    public String image(String path, byte[] bytes) throws IOException {
        ZipEntry entry = entry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
        MessageDigest sha = sha256();
        String hash = hex(sha, bytes);
        files.add(new BundleManifest.BundleFile(path, bytes.length, hash));
        return hash;
    }

    /** Writes the manifest of what was written and ends the zip (the underlying stream stays open). */
    public BundleManifest finish(String sessionId, Instant exportedAt, String exportedBy) throws IOException {
        if (finished) {
            throw new IllegalStateException("the bundle is already finished");
        }
        BundleManifest manifest =
                new BundleManifest(BundleManifest.FORMAT, sessionId, exportedAt, exportedBy, List.copyOf(files));
        zip.putNextEntry(entry(BundleManifest.MANIFEST));
        BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(new NonClosing(zip), manifest);
        zip.closeEntry();
        zip.finish();
        zip.flush();
        finished = true;
        return manifest;
    }

    /** What writes one file's content. */
    @FunctionalInterface
    public interface EntryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String hex(MessageDigest sha, byte[] bytes) {
        return HexFormat.of().formatHex(sha.digest(bytes));
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Passes everything on but close: closing one entry's stream must not close the zip, nor the zip the caller's. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
