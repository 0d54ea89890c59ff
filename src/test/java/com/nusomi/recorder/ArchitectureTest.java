package com.nusomi.recorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DESIGN.md: services free of JavaFX, the server free of the client and the UI, the UI free of HTTP. */
@AnalyzeClasses(packages = "com.nusomi.recorder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("..server..", "..client..", "..recorder.recorder..", "..cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the server, the client and the recorder are services that know nothing of JavaFX");

    @ArchTest
    static final ArchRule uiDoesNotSpeakHttp = noClasses()
            .that().resideInAnyPackage("..ui..", "..app..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..")
            .because("the UI talks to the API only through the client");

    @ArchTest
    static final ArchRule clientKnowsNothingOfTheServer = noClasses()
            .that().resideInAPackage("..client..")
            .should().dependOnClassesThat().resideInAnyPackage("..server..", "..app..", "..ui..", "..cli..")
            .because("the client is the same against the embedded server and the hosted service");

    @ArchTest
    static final ArchRule recorderUsesOnlyTheClient = noClasses()
            .that().resideInAPackage("..recorder.recorder..")
            .should().dependOnClassesThat().resideInAnyPackage("..server..", "..app..", "..ui..", "..cli..")
            .because("the recorder delivers through the client, to the embedded server and the hosted one alike");

    @ArchTest
    static final ArchRule uiUsesTheServerOnlyToStartIt = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.store..", "..server.http..")
            .because("screens see the API through the client; only the bootstrap starts the embedded server");

    @ArchTest
    static final ArchRule cliUsesTheServerThroughItsFrontClasses = noClasses()
            .that().resideInAPackage("..cli..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.store..", "..server.http..")
            .because("the command line starts the server (ApiServer) or manages its keys (KeyAdmin), never its store");

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
