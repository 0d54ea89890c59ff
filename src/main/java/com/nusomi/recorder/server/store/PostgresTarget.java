package com.nusomi.recorder.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which PostgreSQL database to use and as whom: {@code postgresql://HOST[:PORT]/DB?user=U} (also
 * {@code postgres://}, {@code jdbc:postgresql://}, and {@code U@HOST} for the user). The password never comes from
 * the URL, which is seen in process lists and shell histories: it is given apart ({@code PGPASSWORD} or a file), and
 * {@link #toString()} leaves it out.
 *
 * @param jdbcUrl the JDBC URL, without user or password
 * @param user the database user, or null for the driver's default
 * @param password the password, or null for none (trust, peer or a {@code .pgpass} file)
 */
public record PostgresTarget(String jdbcUrl, String user, String password) {

    /** Whether the text names a PostgreSQL database rather than a file. */
    public static boolean isUrl(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Reads the URL; {@code password} is the one given apart (or null).
     *
     * @throws IllegalArgumentException with a message for the user when the URL is not one we take, or holds a
     *     password
     */
    public static PostgresTarget parse(String url, String password) {
        if (!isUrl(url)) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://HOST:PORT/DB?user=U)");
        }
        String rest = url.substring(url.indexOf("://") + 3);
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid PostgreSQL URL: " + e.getReason(), e);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the PostgreSQL URL names no host (postgresql://HOST:PORT/DB?user=U)");
        }
        String db = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (db.isEmpty()) {
            throw new IllegalArgumentException("the PostgreSQL URL names no database (postgresql://HOST:PORT/DB)");
        }
        String user = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            if (info.contains(":")) {
                throw new IllegalArgumentException(
                        "no password in the URL: give it in PGPASSWORD or --database-password-file");
            }
            user = decode(info);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.equalsIgnoreCase("password")) {
                    throw new IllegalArgumentException(
                            "no password in the URL: give it in PGPASSWORD or --database-password-file");
                } else if (name.equals("user")) {
                    user = value;
                } else {
                    params.add(pair);
                }
            }
        }
        String host = uri.getHost();
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String jdbc =
                "jdbc:postgresql://" + authority + "/" + db + (params.isEmpty() ? "" : "?" + String.join("&", params));
        return new PostgresTarget(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL in the form {@code serve --database} takes ({@code postgresql://HOST:PORT/DB?user=U}), no password. */
    public String url() {
        String url = jdbcUrl.substring("jdbc:".length());
        if (user == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    }

    /** The database and user, never the password: what logs and error messages show. */
    @Override
    public String toString() {
        return jdbcUrl.substring("jdbc:".length()) + (user == null ? "" : " as " + user);
    }
}
