package com.nusomi.recorder.export.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.nusomi.recorder.client.internal.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a run bundle against its manifest, as the server does before an import: the manifest is readable and of
 * format {@code session-bundle/1}; every file it lists is there, of its size and SHA-256 (in the manifest's order);
 * no file is there that it does not list. The first file that does not match is named. Reads one entry at a time;
 * a file is never read past the size the manifest gives it.
 */
public final class BundleVerifier {
    /** The largest manifest read (some 300,000 files). */
    static final long MANIFEST_LIMIT = 64L * 1024 * 1024;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private BundleVerifier() {}

    /** What a check found: {@link #ok()}, or the first file at fault and what is wrong with it. */
    public record Result(String path, String problem, BundleManifest manifest, long files, long bytes) {
        /** Whether every file matched. */
        public boolean ok() {
            return path == null;
        }

        static Result fail(String path, String problem, BundleManifest manifest) {
            return new Result(path, problem, manifest, 0, 0);
        }
    }

    /** Checks the bundle in {@code file}; an IOException only when the file cannot be read at all. */
    public static Result verify(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            return Result.fail(file.getFileName().toString(), "is not a zip file", null);
        }
        try (zip) {
            return verify(zip);
        }
    }

    private static Result verify(ZipFile zip) throws IOException {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.putIfAbsent(e.getName(), e) != null) {
                return Result.fail(e.getName(), "is in the zip twice", null);
            }
        }
        ZipEntry manifestEntry = entries.get(BundleManifest.MANIFEST);
        if (manifestEntry == null) {
            return Result.fail(BundleManifest.MANIFEST, "is missing", null);
        }
        BundleManifest manifest;
        try (InputStream in = new Limited(zip.getInputStream(manifestEntry), MANIFEST_LIMIT)) {
            manifest = Json.mapper().readValue(in, BundleManifest.class);
        } catch (JacksonException | Limited.TooLong | ZipException e) {
            return Result.fail(BundleManifest.MANIFEST, "is not a readable manifest: " + firstLine(e), null);
        }
        String bad = checkManifest(manifest);
        if (bad != null) {
            return Result.fail(BundleManifest.MANIFEST, bad, manifest);
        }
        long bytes = 0;
        Set<String> listed = new HashSet<>();
        for (BundleManifest.BundleFile f : manifest.files()) {
            listed.add(f.path());
            ZipEntry entry = entries.get(f.path());
            if (entry == null) {
                return Result.fail(f.path(), "is missing", manifest);
            }
            String problem = check(zip, entry, f);
            if (problem != null) {
                return Result.fail(f.path(), problem, manifest);
            }
            bytes += f.bytes();
        }
        for (String required : BundleManifest.REQUIRED) {
            if (!listed.contains(required)) {
                return Result.fail(required, "is missing", manifest);
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name) && !name.equals(BundleManifest.MANIFEST)) {
                return Result.fail(name, "is not in the manifest", manifest);
            }
        }
        return new Result(null, null, manifest, manifest.files().size(), bytes);
    }

    /** Why the manifest itself is unusable, or null. */
    private static String checkManifest(BundleManifest m) {
        if (m == null || !BundleManifest.FORMAT.equals(m.format())) {
            return "is not of format " + BundleManifest.FORMAT;
        }
        Set<String> seen = new HashSet<>();
        for (BundleManifest.BundleFile f : m.files()) {
            if (f == null || f.path() == null || f.path().isEmpty() || f.sha256() == null || f.bytes() < 0) {
                return "lists a file without a path, size or sha256";
            }
            if (!SHA256.matcher(f.sha256()).matches()) {
                return "gives " + f.path() + " a sha256 that is not 64 lower-case hex digits";
            }
            if (f.path().equals(BundleManifest.MANIFEST) || !seen.add(f.path())) {
                return "lists " + f.path() + " twice (or lists itself)";
            }
        }
        return null;
    }

    /** Why the entry does not match its line of the manifest, or null. */
    private static String check(ZipFile zip, ZipEntry entry, BundleManifest.BundleFile f) throws IOException {
        MessageDigest sha = BundleWriter.sha256();
        long count = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
                if (count > f.bytes()) {
                    return "is larger than the manifest says (" + f.bytes() + " bytes)";
                }
                sha.update(buffer, 0, n);
            }
        } catch (ZipException e) {
            return "cannot be read from the zip: " + firstLine(e);
        }
        if (count != f.bytes()) {
            return "has " + count + " bytes, the manifest says " + f.bytes();
        }
        if (!BundleWriter.hex(sha).equals(f.sha256())) {
            return "does not match its sha256 in the manifest (its content changed)";
        }
        return null;
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        m = String.valueOf(m);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Stops reading past a limit. */
    private static final class Limited extends FilterInputStream {
        private long left;

        /** The stream ran past its limit. */
        static final class TooLong extends IOException {
            private static final long serialVersionUID = 1L;

            TooLong(long limit) {
                super("it is larger than " + limit + " bytes");
            }
        }

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new TooLong(MANIFEST_LIMIT);
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new TooLong(MANIFEST_LIMIT);
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
