package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.record.MiniRecorder;
import com.nusomi.recorder.ui.record.RecordView;
import com.nusomi.recorder.ui.record.RecordViewModel;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The main window: a sidebar (Record, Sessions, Audit log, Settings), the current screen, and the status bar. Shows itself on
 * a stage where it was last left ({@link WindowPlacement}), with the keyboard shortcuts ({@link Shortcuts}), the
 * questions on quitting ({@link QuitGuard}) and the mini recorder ({@link MiniRecorderController}); its bounds go to
 * the recorder ({@link OwnWindows}) and its place to the settings ({@link LayoutSaver}).
 */
public final class MainWindow {
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final String TITLE = "Session Recorder";

    private final RecordViewModel recordVm;
    private final RecordView recordView;
    private final Settings settings;
    private final TaskRunner tasks;
    private final OwnWindows ownWindows;
    private final LayoutSaver layout;
    private final MiniRecorderController mini;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton navRecord;
    private final ToggleButton navAudit;
    private Stage stage;

    /**
     * @param sessionsScreen makes the Sessions screen, when it is first opened (the window shows sooner)
     * @param settingsScreen makes the Settings screen, when it is first opened
     * @param auditScreen makes the Audit screen, when it is first opened
     * @param status the connection as the status bar shows it
     * @param settings where the window's place, the mini recorder's and the theme are kept
     * @param tasks reads the window's icons off the UI thread
     * @param dataDir shown under the sidebar
     */
    public MainWindow(
            RecordViewModel recordVm,
            RecordView recordView,
            Supplier<? extends Node> sessionsScreen,
            Supplier<? extends Node> settingsScreen,
            Supplier<? extends Node> auditScreen,
            StatusViewModel status,
            Settings settings,
            TaskRunner tasks,
            OwnWindows ownWindows,
            LayoutSaver layout,
            Path dataDir) {
        this.recordVm = recordVm;
        this.recordView = recordView;
        this.settings = settings;
        this.tasks = tasks;
        this.ownWindows = ownWindows;
        this.layout = layout;
        navRecord =
                navButton("navRecord", "Record", new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE), () -> recordView);
        ToggleButton navSessions = navButton(
                "navSessions", "Sessions", new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED), sessionsScreen);
        ToggleButton navSettings =
                navButton("navSettings", "Settings", new FontIcon(MaterialDesignC.COG_OUTLINE), settingsScreen);
        navAudit = navButton("navAudit", "Audit log", new FontIcon(MaterialDesignH.HISTORY), auditScreen);
        nav.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                nav.selectToggle(a);
            } else {
                content.getChildren().setAll(((LazyScreen) b.getUserData()).get());
            }
        });
        nav.selectToggle(navRecord);

        root.setId("mainRoot");
        root.getStyleClass().add("app-root");
        root.setLeft(sidebar(dataDir, navRecord, navSessions, navAudit, navSettings));
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(new StatusBar(status, Shortcuts.HINT));

        recordVm.live().pausedProperty().addListener((o, a, paused) -> {
            root.pseudoClassStateChanged(PAUSED, paused);
            if (stage != null) {
                stage.setTitle(paused ? TITLE + " — PAUSED" : TITLE);
            }
        });
        mini = new MiniRecorderController(recordVm, settings, ownWindows, layout, recordView::askAndStop);
    }

    private static VBox sidebar(Path dataDir, ToggleButton... buttons) {
        ImageView logo = new ImageView();
        Image icon = icon(32);
        if (icon != null) {
            logo.setImage(icon);
        }
        Label name = new Label("Session Recorder");
        name.getStyleClass().add("brand");
        HBox brand = new HBox(10, logo, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand-row");
        VBox box = new VBox(4, brand);
        box.getChildren().addAll(buttons);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label folder = new Label(dataDir.toString());
        folder.getStyleClass().addAll("muted", "small-text");
        folder.setWrapText(true);
        box.getChildren().addAll(spacer, folder);
        box.getStyleClass().add("sidebar");
        box.setId("sidebar");
        return box;
    }

    /** A screen made on first use, then kept. */
    private static final class LazyScreen implements Supplier<Node> {
        private final Supplier<? extends Node> factory;
        private Node screen;

        LazyScreen(Supplier<? extends Node> factory) {
            this.factory = factory;
        }

        @Override
        public Node get() {
            if (screen == null) {
                screen = factory.get();
            }
            return screen;
        }
    }

    private ToggleButton navButton(String id, String text, FontIcon icon, Supplier<? extends Node> screen) {
        ToggleButton b = new ToggleButton(text, icon);
        b.setId(id);
        b.getStyleClass().add("nav-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setToggleGroup(nav);
        b.setUserData(new LazyScreen(screen));
        return b;
    }

    /** Shows the window on this stage (at once, in the "connecting" state, whether or not it is connecting yet). */
    public void show(Stage stage) {
        this.stage = stage;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = WindowPlacement.defaultSize(screen);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        ownWindows.track(stage);
        WindowPlacement.apply(stage, settings, screen);
        // The window manager's icons are read and decoded off the UI thread; the window does not wait for them.
        tasks.run(MainWindow::stageIcons, icons -> stage.getIcons().setAll(icons), e -> {});
        applyTheme();
        Shortcuts.install(scene, recordVm, recordView, () -> nav.selectToggle(navRecord));
        QuitGuard quitGuard = new QuitGuard(recordVm, stage, mini::hide);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, quitGuard::onCloseRequest);
        mini.follow(stage);
        stage.show();
        recordView.focusWorkflow(); // an operator can type the workflow at once
        layout.watch(stage);
    }

    /** Shows the Audit screen (made on first use). */
    public void showAudit() {
        nav.selectToggle(navAudit);
    }

    /** Keeps the window's place in the settings (done as it closes; call it when the app quits otherwise). */
    public void rememberPlacement() {
        layout.rememberPlacement();
    }

    /** Applies the theme of the settings to this window and the mini recorder. */
    public void applyTheme() {
        previewTheme(settings.theme);
    }

    /** Shows {@code theme} on this window and the mini recorder, saved or not (the Settings screen's preview). */
    public void previewTheme(Settings.Theme theme) {
        boolean dark = ThemeSupport.isDark(theme, System.getenv());
        Parent miniRoot = mini.root();
        if (miniRoot != null) {
            ThemeSupport.apply(dark, root, miniRoot);
        } else {
            ThemeSupport.apply(dark, root);
        }
    }

    static Image icon(int size) {
        InputStream in = MainWindow.class.getResourceAsStream("/assets/icons/app-" + size + ".png");
        return in == null ? null : new Image(in);
    }

    /** The window's icons in every size there is (reads and decodes the files: call it off the UI thread). */
    static List<Image> stageIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            Image i = icon(size);
            if (i != null) {
                icons.add(i);
            }
        }
        return icons;
    }

    public RecordViewModel recordViewModel() {
        return recordVm;
    }

    /** The mini recorder (its own window, styled like this one), made if it is not yet (FX thread). */
    public MiniRecorder miniRecorder() {
        return mini.recorder();
    }

    public Stage stage() {
        return stage;
    }
}
