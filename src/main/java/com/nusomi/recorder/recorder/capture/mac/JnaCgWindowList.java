package com.nusomi.recorder.recorder.capture.mac;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.mac.CoreFoundation;
import com.sun.jna.platform.mac.CoreFoundation.CFArrayRef;
import com.sun.jna.platform.mac.CoreFoundation.CFDictionaryRef;
import com.sun.jna.platform.mac.CoreFoundation.CFIndex;
import com.sun.jna.platform.mac.CoreFoundation.CFNumberRef;
import com.sun.jna.platform.mac.CoreFoundation.CFNumberType;
import com.sun.jna.platform.mac.CoreFoundation.CFStringRef;
import com.sun.jna.platform.mac.CoreGraphics;
import com.sun.jna.ptr.DoubleByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CgWindowList} through jna-platform's CoreGraphics and CoreFoundation bindings, loaded by {@link #load()}
 * (on the locator's first snapshot, never when a class loads) and called through those instances only: the
 * bindings' own {@code INSTANCE} fields, and the helper methods of their types that use them, are left alone so that
 * nothing loads a library behind our back. The keys are made once and released by {@link #close()}.
 */
final class JnaCgWindowList implements CgWindowList {
    private static final int LIST_OPTIONS =
            CoreGraphics.kCGWindowListOptionOnScreenOnly | CoreGraphics.kCGWindowListExcludeDesktopElements;
    private static final int UTF8 = CoreFoundation.kCFStringEncodingUTF8;

    private final CoreGraphics cg;
    private final CoreFoundation cf;
    private final long numberType;
    private final long stringType;
    private final long dictionaryType;
    private final Map<String, CFStringRef> keys = new LinkedHashMap<>();

    private JnaCgWindowList(CoreGraphics cg, CoreFoundation cf) {
        this.cg = cg;
        this.cf = cf;
        numberType = cf.CFNumberGetTypeID().longValue();
        stringType = cf.CFStringGetTypeID().longValue();
        dictionaryType = cf.CFDictionaryGetTypeID().longValue();
        for (String k : KEYS) {
            keys.put(k, cfString(k));
        }
        for (String k : BOUNDS_KEYS) {
            keys.put(k, cfString(k));
        }
    }

    /**
     * Loads CoreGraphics and CoreFoundation.
     *
     * @throws UnsatisfiedLinkError where they are missing (any platform but macOS)
     */
    static JnaCgWindowList load() {
        return new JnaCgWindowList(
                Native.load("CoreGraphics", CoreGraphics.class), Native.load("CoreFoundation", CoreFoundation.class));
    }

    @Override
    public List<Map<String, Object>> onScreenWindows() {
        CFArrayRef list = cg.CGWindowListCopyWindowInfo(LIST_OPTIONS, CoreGraphics.kCGNullWindowID);
        if (list == null) {
            throw new IllegalStateException("the window server gave no window list (no GUI session)");
        }
        try {
            int n = cf.CFArrayGetCount(list).intValue();
            List<Map<String, Object>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CFDictionaryRef info = new CFDictionaryRef(cf.CFArrayGetValueAtIndex(list, new CFIndex(i)));
                out.add(read(info, KEYS));
            }
            return out;
        } finally {
            cf.CFRelease(list);
        }
    }

    @Override
    public void close() {
        keys.values().forEach(cf::CFRelease);
        keys.clear();
    }

    /** The values of these keys that the dictionary holds. */
    private Map<String, Object> read(CFDictionaryRef dict, List<String> names) {
        Map<String, Object> out = new HashMap<>();
        for (String name : names) {
            Object value = value(cf.CFDictionaryGetValue(dict, keys.get(name)));
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /** A number as a double, a string, or a (bounds) dictionary; null for anything else. */
    private Object value(Pointer p) {
        if (p == null) {
            return null;
        }
        long type = cf.CFGetTypeID(p).longValue();
        if (type == numberType) {
            DoubleByReference d = new DoubleByReference();
            cf.CFNumberGetValue(new CFNumberRef(p), CFNumberType.kCFNumberDoubleType.typeIndex(), d);
            return d.getValue();
        }
        if (type == stringType) {
            return string(new CFStringRef(p));
        }
        if (type == dictionaryType) {
            return read(new CFDictionaryRef(p), BOUNDS_KEYS);
        }
        return null;
    }

    private String string(CFStringRef s) {
        CFIndex length = cf.CFStringGetLength(s);
        long size = cf.CFStringGetMaximumSizeForEncoding(length, UTF8).longValue() + 1;
        Memory buffer = new Memory(size);
        if (cf.CFStringGetCString(s, buffer, new CFIndex(size), UTF8) == 0) {
            return null;
        }
        return buffer.getString(0, StandardCharsets.UTF_8.name());
    }

    private CFStringRef cfString(String s) {
        char[] chars = s.toCharArray();
        return cf.CFStringCreateWithCharacters(null, chars, new CFIndex(chars.length));
    }
}
