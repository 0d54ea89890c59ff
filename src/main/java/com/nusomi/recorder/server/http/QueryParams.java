package com.nusomi.recorder.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decoded query string: a parameter may repeat; unknown names are refused by {@link #requireOnly}. */
public final class QueryParams {
    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a raw query string; a malformed percent-escape is a 400 naming the parameter. */
    public static QueryParams parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                String name = decode(rawName, null);
                String value = decode(rawValue, name);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String raw, String param) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("parameter_invalid", "malformed percent-encoding in the query string", param);
        }
    }

    public void requireOnly(Set<String> allowed) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
    }

    /**
     * The contract's caps on repeatable parameters, repeats counted as given: at most {@code perParameter} values of
     * each, and {@code inAll} of them together. Checked before any value is, so that a huge list fails at once.
     */
    public void capRepeats(Set<String> repeatable, int perParameter, int inAll) {
        int total = 0;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (!repeatable.contains(e.getKey())) {
                continue;
            }
            int n = e.getValue().size();
            if (n > perParameter) {
                throw ApiException.parameter(
                        e.getKey(),
                        "'" + e.getKey() + "' takes at most " + perParameter + " values; " + n + " were given");
            }
            total += n;
            if (total > inAll) {
                throw ApiException.parameter(
                        e.getKey(),
                        "a request takes at most " + inAll + " values of repeatable parameters in all; '" + e.getKey()
                                + "' goes past that");
            }
        }
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The parameter's single value, or null when absent; given twice it is a 400. */
    public String single(String name) {
        List<String> v = all(name);
        if (v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw ApiException.parameter(name, "'" + name + "' may be given only once");
        }
        return v.get(0);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A canonical form of the given parameters, used to fingerprint a list query for its cursor. */
    public String canonical(Set<String> names) {
        StringBuilder sb = new StringBuilder();
        names.stream().sorted().forEach(n -> {
            List<String> v = all(n);
            if (!v.isEmpty()) {
                sb.append(n)
                        .append('=')
                        .append(String.join("\u0000", v.stream().sorted().toList()))
                        .append('\n');
            }
        });
        return sb.toString();
    }
}
