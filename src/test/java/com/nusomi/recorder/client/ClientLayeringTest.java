package com.nusomi.recorder.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client's main code uses neither JavaFX nor the server, and prints nothing to the console. */
class ClientLayeringTest {
    private final JavaClasses client = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nusomi.recorder.client");

    @Test
    void clientDependsOnNeitherJavaFxNorTheServer() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.nusomi.recorder.server..", "com.nusomi.recorder.app..")
                .check(client);
    }

    @Test
    void clientDoesNotPrintToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(client);
    }
}
