package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportOptions;
import java.nio.file.Path;

/**
 * What the user chose in the Export dialog: the format and its options, and where the files go. {@code
 * destination} is the file for one run, the folder for several, or the zip file when {@code oneZip} (several
 * bundles in one zip).
 */
public record ExportChoice(ExportFormat format, ExportOptions options, Path destination, boolean oneZip) {}
