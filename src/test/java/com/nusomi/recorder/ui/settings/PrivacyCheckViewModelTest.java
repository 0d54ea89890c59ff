package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.recorder.privacy.PrivacyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class PrivacyCheckViewModelTest {
    private final List<List<Pattern>> asked = new ArrayList<>();

    private PrivacyCheckViewModel vm(String patterns, PrivacyReport answer) {
        return new PrivacyCheckViewModel(
                new DirectTaskRunner(),
                (p, progress) -> {
                    asked.add(p);
                    progress.accept("Capturing frame 1 of 3…");
                    return answer;
                },
                new SimpleStringProperty(patterns));
    }

    @Test
    void aPassingCheckShowsItsFiguresAndPicture() {
        PrivacyReport ok = new PrivacyReport(
                0, 0, 1.0, 3, List.of("Online Banking"), List.of(), Path.of("p.png"), "X11", List.of());
        PrivacyCheckViewModel vm = vm("Online Banking\n\n  Vault  ", ok);
        vm.onCheck();
        assertThat(asked)
                .singleElement()
                .satisfies(p -> assertThat(p).extracting(Pattern::pattern).containsExactly("Online Banking", "Vault"));
        assertThat(vm.passedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Privacy check passed: 0 leaked pixels, 100.00%");
        assertThat(vm.pictureProperty().get()).isEqualTo(Path.of("p.png"));
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aFailingCheckSaysWhatLeakedAndWhy() {
        PrivacyReport leak = new PrivacyReport(
                19221,
                0,
                1.0,
                3,
                List.of("Invoice"),
                List.of("[0-9]{4} (no title)"),
                null,
                "X11",
                List.of("the canary window \"Invoice\" did not appear on screen"));
        PrivacyCheckViewModel vm = vm("Invoice", leak);
        vm.onCheck();
        assertThat(vm.passedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get())
                .contains("FAILED: 19221 leaked pixels")
                .contains("Not checked: [0-9]{4} (no title).")
                .contains("The canary window \"Invoice\" did not");
    }

    @Test
    void anInvalidPatternIsNamedAndNothingRuns() {
        PrivacyCheckViewModel vm = vm("Bank(", null);
        vm.onCheck();
        assertThat(asked).isEmpty();
        assertThat(vm.passedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Not a regular expression: Bank(");
    }
}
