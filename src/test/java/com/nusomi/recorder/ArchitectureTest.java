package com.nusomi.recorder;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.TOP_LEVEL_CLASSES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.nusomi.recorder.ui.audit.AuditView;
import com.nusomi.recorder.ui.audit.AuditViewModel;
import com.nusomi.recorder.ui.main.MainWindow;
import com.nusomi.recorder.ui.record.RecordView;
import com.nusomi.recorder.ui.record.RecordViewModel;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.sessions.SessionsViewModel;
import com.nusomi.recorder.ui.settings.SettingsView;
import com.nusomi.recorder.ui.settings.SettingsViewModel;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of DESIGN.md: services free of JavaFX, the server free of the client and the UI, the UI free of
 * HTTP, one composition root ({@code boot}) that alone builds the screens, the data folder's package free of
 * everything of ours, and no package cycles. Every pattern is anchored at {@code com.nusomi.recorder.}, so that
 * {@code ..server..} style patterns do not also match third-party packages.
 */
@AnalyzeClasses(packages = "com.nusomi.recorder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The screens: the main window, and each screen's view and view model (not the parts they are made of). */
    private static final DescribedPredicate<JavaClass> SCREENS = belongToAnyOf(
                    AuditView.class,
                    AuditViewModel.class,
                    MainWindow.class,
                    RecordView.class,
                    RecordViewModel.class,
                    SessionsView.class,
                    SessionsViewModel.class,
                    SettingsView.class,
                    SettingsViewModel.class)
            .and(TOP_LEVEL_CLASSES)
            .as("are screens or their view models");

    @ArchTest
    static final ArchRule servicesDoNotUseJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "com.nusomi.recorder.server..",
                    "com.nusomi.recorder.client..",
                    "com.nusomi.recorder.recorder..",
                    "com.nusomi.recorder.cli..",
                    "com.nusomi.recorder.export..",
                    "com.nusomi.recorder.bundle..",
                    "com.nusomi.recorder.files..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the server, the client and the recorder are services that know nothing of JavaFX");

    @ArchTest
    static final ArchRule uiDoesNotSpeakHttp = noClasses()
            .that()
            .resideInAnyPackage("com.nusomi.recorder.ui..", "com.nusomi.recorder.app..", "com.nusomi.recorder.boot..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "java.net.http..")
            .because("the UI talks to the API only through the client");

    @ArchTest
    static final ArchRule clientKnowsNothingOfTheServer = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.nusomi.recorder.server..",
                    "com.nusomi.recorder.app..",
                    "com.nusomi.recorder.boot..",
                    "com.nusomi.recorder.ui..",
                    "com.nusomi.recorder.cli..")
            .because("the client is the same against the embedded server and the hosted service");

    @ArchTest
    static final ArchRule recorderUsesOnlyTheClient = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.recorder..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.nusomi.recorder.server..",
                    "com.nusomi.recorder.app..",
                    "com.nusomi.recorder.boot..",
                    "com.nusomi.recorder.ui..",
                    "com.nusomi.recorder.cli..")
            .because("the recorder delivers through the client, to the embedded server and the hosted one alike");

    @ArchTest
    static final ArchRule cliUsesTheServerThroughItsFrontClasses = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.nusomi.recorder.server.store..", "com.nusomi.recorder.server.http..")
            .because("the command line starts the server (ApiServer) or manages its keys (KeyAdmin), never its store");

    @ArchTest
    static final ArchRule serverDoesNotDependOnClientOrUi = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.server..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.nusomi.recorder.client..",
                    "com.nusomi.recorder.app..",
                    "com.nusomi.recorder.boot..",
                    "com.nusomi.recorder.ui..")
            .because("the server is embedded by the app, never the other way round");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("com.nusomi.recorder.(*)..")
            .should()
            .beFreeOfCycles()
            .because("boot wires everything; below it app, ui, cli, recorder, client and server form layers");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.nusomi.recorder.(**)")
            .should()
            .beFreeOfCycles()
            // known and left as they are: the client facade and its internal transport, the window-locator
            // factory and its per-platform implementations (see docs/ARCHITECTURE.md)
            .ignoreDependency(
                    resideInAPackage("com.nusomi.recorder.client.."), resideInAPackage("com.nusomi.recorder.client.."))
            .ignoreDependency(
                    resideInAPackage("com.nusomi.recorder.recorder.capture.."),
                    resideInAPackage("com.nusomi.recorder.recorder.capture.."))
            .because("a package cycle means neither side can be understood or changed alone");

    @ArchTest
    static final ArchRule onlyMainUsesTheCompositionRoot = noClasses()
            .that()
            .resideOutsideOfPackages("com.nusomi.recorder", "com.nusomi.recorder.boot..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nusomi.recorder.boot..")
            .because("boot is the one composition root: it builds the window and the services, nothing builds it");

    @ArchTest
    static final ArchRule appKnowsNothingOfTheUi = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nusomi.recorder.ui..")
            .because("the services the screens use must not know the screens; boot joins the two");

    @ArchTest
    static final ArchRule uiKnowsNothingOfTheCompositionRoot = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nusomi.recorder.boot..")
            .because("views and view models get what they use through their constructors, never the context that "
                    + "holds everything (a service locator)");

    @ArchTest
    static final ArchRule onlyBootBuildsTheScreens = constructors()
            .that()
            .areDeclaredInClassesThat(SCREENS)
            .should()
            .onlyBeCalled()
            .byClassesThat()
            .resideInAPackage("com.nusomi.recorder.boot..")
            .because("boot is the one place that builds the screens and hands each its services");

    @ArchTest
    static final ArchRule theDataFolderDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.files..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("com.nusomi.recorder..").and(not(resideInAPackage("com.nusomi.recorder.files.."))))
            .because("the server, the app and the command line all use the data folder: it must not pull any of "
                    + "them in");

    @ArchTest
    static final ArchRule exportWritesOnlyWhatTheClientReads = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.export..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.nusomi.recorder.server..",
                    "com.nusomi.recorder.recorder..",
                    "com.nusomi.recorder.app..",
                    "com.nusomi.recorder.boot..",
                    "com.nusomi.recorder.ui..",
                    "com.nusomi.recorder.cli..")
            .because("an export holds only what the client reads from the session, whichever server it came from");

    @ArchTest
    static final ArchRule theBundleFormatStandsAlone = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.bundle..")
            .should()
            .dependOnClassesThat(resideInAPackage("com.nusomi.recorder..")
                    .and(not(resideInAPackage("com.nusomi.recorder.bundle.."))))
            .because("the exporter, the command line and the server check a run bundle with the same code, "
                    + "and share nothing else through it");

    @ArchTest
    static final ArchRule uiKnowsNothingOfTheServer = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nusomi.recorder.server..")
            .because("screens see the API through the client; only boot starts the embedded server");

    @ArchTest
    static final ArchRule uiKnowsNothingOfTheSpool = noClasses()
            .that()
            .resideInAPackage("com.nusomi.recorder.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nusomi.recorder.recorder.spool..")
            .because("the spool is the recorder's own: screens finish runs and read what was refused or waits"
                    + " through the recorder's public types, never by writing or reading the journal");

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardOut = noClasses()
            .that()
            .resideOutsideOfPackage("com.nusomi.recorder.cli..")
            .should()
            .accessField(System.class, "out")
            .because("everything but the command line logs through SLF4J");

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardErr = noClasses()
            .that()
            .resideOutsideOfPackage("com.nusomi.recorder.cli..")
            .should()
            .accessField(System.class, "err")
            .because("everything but the command line logs through SLF4J");
}
