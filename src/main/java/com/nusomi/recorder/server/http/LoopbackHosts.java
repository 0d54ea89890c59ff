package com.nusomi.recorder.server.http;

import java.util.Locale;

/**
 * The Host check of a server bound to loopback only: a request must name this machine, so that a web page cannot
 * reach the server through a DNS name it rebound to 127.0.0.1.
 */
final class LoopbackHosts {
    private LoopbackHosts() {}

    /**
     * Whether a Host header names this machine's loopback: {@code localhost} (or a name under {@code .localhost}),
     * an address in 127.0.0.0/8, or {@code [::1]}, with any port. No Host at all (HTTP/1.0) is let through: a browser
     * always sends one.
     */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !(end == h.length() - 1 || h.charAt(end + 1) == ':')) {
                return false;
            }
            String v6 = h.substring(1, end);
            return v6.equals("::1") || v6.equals("0:0:0:0:0:0:0:1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!h.substring(colon + 1).matches("[0-9]{1,5}")) {
                return false;
            }
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
