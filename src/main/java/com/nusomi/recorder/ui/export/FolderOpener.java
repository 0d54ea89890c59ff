package com.nusomi.recorder.ui.export;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a folder in the desktop's file manager; blocking, so called off the FX thread. */
@FunctionalInterface
public interface FolderOpener {
    /** An opener for a machine with no desktop: it always fails, readably. */
    FolderOpener NONE = folder -> {
        throw new IOException("this desktop cannot open folders");
    };

    /** Opens {@code folder}, or fails with a reason a person can read. */
    void open(Path folder) throws IOException;
}
