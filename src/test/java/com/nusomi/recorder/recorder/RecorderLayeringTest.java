package com.nusomi.recorder.recorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The recorder uses the client only: no JavaFX, nothing of the server, the UI or the app, no System.out. */
class RecorderLayeringTest {
    private static final JavaClasses RECORDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nusomi.recorder.recorder");

    @Test
    void recorderDependsOnNeitherJavaFxNorServerNorUi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.nusomi.recorder.server..",
                "com.nusomi.recorder.ui..", "com.nusomi.recorder.app..", "com.nusomi.recorder.cli..").check(RECORDER);
    }

    @Test
    void recorderDoesNotPrintToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(RECORDER);
    }
}
