package com.nusomi.recorder.export;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The exporter of each format this build has. */
public final class Exporters {
    private static final Map<ExportFormat, Exporter> BY_FORMAT = new EnumMap<>(ExportFormat.class);

    static {
        BY_FORMAT.put(ExportFormat.HTML, new HtmlGuideExporter());
        BY_FORMAT.put(ExportFormat.PDF, new PdfGuideExporter());
        BY_FORMAT.put(ExportFormat.MP4, new Mp4Exporter());
        BY_FORMAT.put(ExportFormat.BUNDLE, new BundleExporter());
    }

    private Exporters() {}

    /** The exporter for {@code format}, or empty when this build cannot write it. */
    public static Optional<Exporter> forFormat(ExportFormat format) {
        return Optional.ofNullable(BY_FORMAT.get(format));
    }

    /** A file name for a run: its workflow and id, with the format's extension. */
    public static String fileName(String workflow, String sessionId, ExportFormat format) {
        String safeWorkflow = workflow == null ? "session" : workflow.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safeWorkflow + "-" + sessionId.replaceAll("[^A-Za-z0-9_.-]", "_") + "." + format.extension();
    }
}
