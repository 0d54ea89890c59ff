package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Open log folder" opens the data folder's logs, or says where they are when the desktop cannot. */
class LogFolderViewModelTest {
    private final Path folder = Path.of("/data/logs");

    @Test
    void opensTheLogFolder() {
        List<Path> opened = new ArrayList<>();
        LogFolderViewModel vm = new LogFolderViewModel(new DirectTaskRunner(), folder, opened::add);
        vm.onOpen();
        assertThat(opened).containsExactly(folder);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aDesktopThatCannotOpenItGetsAReadableMessageWithThePath() {
        LogFolderViewModel vm = new LogFolderViewModel(new DirectTaskRunner(), folder, f -> {
            throw new IOException("this desktop cannot open folders from Java");
        });
        vm.onOpen();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Could not open the log folder (this desktop cannot open "
                        + "folders from Java). The logs are in " + folder);
    }
}
