package com.nusomi.recorder.export;

import java.util.Locale;

/** The ways a run leaves the app: a step guide (HTML or PDF), a video, or a verifiable run bundle. */
public enum ExportFormat {
    /** One self-contained HTML step guide, images inline. */
    HTML("html"),
    /** The same step guide as a PDF. */
    PDF("pdf"),
    /** An H.264 video of the frames at their real timing. */
    MP4("mp4"),
    /** The contract's run bundle ({@code session-bundle/1}), which another server can import. */
    BUNDLE("zip");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name used on the command line and in settings: {@code html}, {@code pdf}, {@code mp4}, {@code bundle}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code name} (case-insensitive), or an IllegalArgumentException listing the names. */
    public static ExportFormat parse(String name) {
        for (ExportFormat f : values()) {
            if (f.wireName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be html, pdf, mp4 or bundle; not '" + name + "'");
    }
}
