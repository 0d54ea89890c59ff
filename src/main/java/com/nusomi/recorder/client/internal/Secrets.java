package com.nusomi.recorder.client.internal;

import com.nusomi.recorder.client.ApiKeyMask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keeps API keys out of text: fingerprints that tell keys apart, and scrubbing a key out of a message. */
public final class Secrets {
    private Secrets() {}

    /**
     * A one-way fingerprint of a key: the first 16 hex digits of SHA-256 over a fixed prefix and the key; "none"
     * for no key. Tells keys apart without revealing them (a key has far more entropy than 64 bits of hash leak).
     */
    public static String fingerprint(String key) {
        if (key == null || key.isEmpty()) {
            return "none";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("nusomi-key-fingerprint\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Replaces any occurrence of the key in the text by its mask. */
    public static String scrub(String text, String key) {
        if (text == null || key == null || key.isEmpty()) {
            return text;
        }
        return text.replace(key, ApiKeyMask.mask(key));
    }
}
