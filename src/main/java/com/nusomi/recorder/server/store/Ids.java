package com.nusomi.recorder.server.store;

import com.github.f4b6a3.ulid.UlidFactory;
import java.util.regex.Pattern;

/** Prefixed ULID ids ({@code ses_01HZ...}); monotonic within a millisecond so that id order is creation order. */
public final class Ids {
    private static final UlidFactory FACTORY = UlidFactory.newMonotonicInstance();
    private static final Pattern SESSION = Pattern.compile("ses_[0-9A-HJKMNP-TV-Z]{26}");

    private Ids() {}

    public static String session() {
        return next("ses_");
    }

    public static String tag() {
        return next("tag_");
    }

    public static String request() {
        return next("req_");
    }

    public static String audit() {
        return next("aud_");
    }

    public static String apiKey() {
        return next("key_");
    }

    public static boolean isSessionId(String s) {
        return s != null && SESSION.matcher(s).matches();
    }

    private static String next(String prefix) {
        synchronized (FACTORY) {
            return prefix + FACTORY.create();
        }
    }
}
