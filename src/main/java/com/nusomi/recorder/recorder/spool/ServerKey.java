package com.nusomi.recorder.recorder.spool;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.internal.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Which server a spool (and the list of sessions left recording) belongs to. {@code id} names the spool's folder
 * ({@code <data>/spool/<id>/}); {@code label} is for people ("https://api.example.com", "the embedded server").
 *
 * <ul>
 * <li>A remote server: {@code <host>[_<port>]-<16 hex>}, the hex a SHA-256 of the normalised base URL and the
 * API key's {@linkplain Secrets#fingerprint fingerprint}: another key on the same URL (another account) is another
 * server. Neither the key nor a part of it is in the id.</li>
 * <li>The embedded server: {@code embedded-<12 hex>}, a SHA-256 of its data folder's absolute path. Its port
 * changes at every start, so the URL is left out.</li>
 * </ul>
 */
public record ServerKey(String id, String label) {
    public ServerKey {
        Objects.requireNonNull(label, "label");
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("not a usable server key: " + id);
        }
    }

    /** The embedded server of this data folder, whatever port it listens on. */
    public static ServerKey embedded(Path serverDataDir) {
        String path = serverDataDir.toAbsolutePath().normalize().toString();
        return new ServerKey("embedded-" + sha256(path).substring(0, 12), "the embedded server");
    }

    /** A server at this base URL, used with the key of this fingerprint ({@link Secrets#fingerprint}). */
    public static ServerKey remote(String baseUrl, String keyFingerprint) {
        String url = normalise(baseUrl);
        String hash = sha256(url + "\n" + (keyFingerprint == null ? "none" : keyFingerprint))
                .substring(0, 16);
        return new ServerKey(slug(url) + "-" + hash, url);
    }

    /** The server a client talks to, as a remote server (base URL and the fingerprint of its key). */
    public static ServerKey of(SessionsClient client) {
        return remote(client.baseUrl(), client.apiKeyFingerprint());
    }

    static String normalise(String baseUrl) {
        String u = baseUrl.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = URI.create(u);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort();
                boolean defaultPort =
                        port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                        + (uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: use it as written
        }
        return u;
    }

    private static String slug(String url) {
        String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String s = hostPort.toLowerCase(Locale.ROOT).replace(':', '_').replaceAll("[^a-z0-9._-]", "-");
        s = s.replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 48) {
            s = s.substring(0, 48);
        }
        return s.isEmpty() ? "server" : s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
