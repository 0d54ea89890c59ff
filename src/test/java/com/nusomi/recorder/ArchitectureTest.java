package com.nusomi.recorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules that hold today: services free of JavaFX, the server free of the client and the UI. */
@AnalyzeClasses(packages = "com.nusomi.recorder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("..server..", "..client..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the server and the client are services that know nothing of JavaFX");

    @ArchTest
    static final ArchRule serverDoesNotDependOnClientOrUi = noClasses()
            .that().resideInAPackage("..server..")
            .should().dependOnClassesThat().resideInAnyPackage("..client..", "..app..", "..ui..")
            .because("the server is embedded by the app, never the other way round");

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardOut = noClasses()
            .that().resideOutsideOfPackage("..cli..")
            .should().accessField(System.class, "out")
            .because("everything but the command line logs through SLF4J");

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardErr = noClasses()
            .that().resideOutsideOfPackage("..cli..")
            .should().accessField(System.class, "err")
            .because("everything but the command line logs through SLF4J");
}
