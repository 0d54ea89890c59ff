package com.nusomi.recorder.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Tampers with zips for tests: every entry copied through a function that may change or drop it, plus extras. */
public final class Zips {
    private Zips() {}

    /** The entries of a zip, by name, in order. */
    public static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /**
     * A copy of {@code zip} in which each entry's bytes go through {@code change} (null drops it), and then
     * {@code extra} entries are added.
     */
    public static Path rewrite(
            Path zip, Path target, BiFunction<String, byte[], byte[]> change, Map<String, byte[]> extra)
            throws IOException {
        Map<String, byte[]> entries = read(zip);
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = change.apply(e.getKey(), e.getValue());
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    /** The bytes with one bit of the byte at {@code index} flipped. */
    public static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
