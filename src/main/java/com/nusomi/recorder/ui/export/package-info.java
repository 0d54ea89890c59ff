/**
 * Taking runs out of the app: the Export dialog ({@link com.nusomi.recorder.ui.export.ExportViewModel}: a step
 * guide, a video or run bundles, one file each or one zip of bundles, with progress and Cancel) and Send to
 * server ({@link com.nusomi.recorder.ui.export.SendViewModel}: a run moved from the embedded server to the
 * configured one, verified). The work runs off the FX thread through {@code export}'s exporters.
 */
package com.nusomi.recorder.ui.export;
