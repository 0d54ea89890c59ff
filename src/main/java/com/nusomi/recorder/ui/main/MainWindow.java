package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.AppContext;
import com.nusomi.recorder.app.AppLog;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.record.LiveRecording;
import com.nusomi.recorder.ui.record.MiniRecorder;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordView;
import com.nusomi.recorder.ui.record.RecordViewModel;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.settings.LogFolderViewModel;
import com.nusomi.recorder.ui.settings.PrivacyCheckViewModel;
import com.nusomi.recorder.ui.settings.SettingsView;
import com.nusomi.recorder.ui.settings.SettingsViewModel;
import java.awt.Rectangle;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The main window: a sidebar (Record, Sessions, Settings), the current screen, and the status bar. Wires the
 * view models to the context's services, the keyboard shortcuts, the questions on quitting ({@link QuitGuard}) and the
 * mini recorder.
 */
public final class MainWindow {
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final String TITLE = "Session Recorder";
    /** How long the window's place and the screens' layout must stay put before they are written to disk. */
    static final Duration LAYOUT_SAVE_QUIET = Duration.ofSeconds(1);

    /** The bounds of our visible windows (screen pixels), published on the FX thread, read by the recorder. */
    private final AtomicReference<List<Rectangle>> ownWindows = new AtomicReference<>(List.of());
    private final AppContext ctx;
    private final RecordViewModel recordVm;
    private SettingsViewModel settingsVm;
    private SessionsView sessionsView;
    private final StatusViewModel statusVm = new StatusViewModel();
    private final RecordView recordView;
    private MiniRecorder mini;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton navRecord;
    private Stage stage;
    private boolean reconnectAfterRecording;
    private final Debouncer layoutSave;

    public MainWindow(AppContext ctx) {
        this.ctx = ctx;
        this.layoutSave = Debouncer.scheduled(ctx.executor().scheduler(), ctx.tasks(), LAYOUT_SAVE_QUIET);
        LiveRecording live = new LiveRecording(ctx.tasks(), ctx.executor().scheduler());
        ctx.recorder().addListener(live);
        this.recordVm = new RecordViewModel(ctx.tasks(), () -> ctx.connection().client(), ctx.recorder()::service,
                live, ctx.settings(), ctx::saveSettings, ctx.clock());
        this.recordVm.setOwnWindows(ownWindows::get);
        // A recorder per server: after a switch, that server's sessions left recording and the others' backlog.
        ctx.recorder().onReady(() -> ctx.tasks().onUi(recordVm::onRecorderReady));
        // The recorder is built once the connection is up: then its screens can be listed (if Settings is open).
        ctx.recorder().onReady(() -> ctx.tasks().onUi(() -> {
            if (settingsVm != null) {
                settingsVm.refreshScreens();
            }
        }));
        this.recordView = new RecordView(recordVm);

        // The Sessions and Settings screens are built when first opened: the window shows sooner.
        navRecord = navButton("navRecord", "Record", new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE),
                () -> recordView);
        ToggleButton navSessions = navButton("navSessions", "Sessions",
                new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED),
                () -> sessionsView = SessionsView.create(ctx, this::layoutChanged));
        ToggleButton navSettings = navButton("navSettings", "Settings", new FontIcon(MaterialDesignC.COG_OUTLINE),
                () -> new SettingsView(settingsViewModel(), privacyCheckViewModel(), new LogFolderViewModel(
                        ctx.tasks(), AppLog.folder(ctx.dataDir()), LogFolderViewModel.DESKTOP)));
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
        root.setLeft(sidebar(navRecord, navSessions, navSettings));
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(new StatusBar(statusVm, "Ctrl+Shift+R / S start, stop · Ctrl+T tag · Ctrl+1–9 presets"));

        // The connection may already be starting (App.init): always show its latest state, whatever the order
        // in which notifications reach the UI thread.
        ctx.connection().addListener(state -> ctx.tasks().onUi(() -> {
            statusVm.update(ctx.connection().state());
            if (ctx.connection().isConnected()) {
                recordVm.onConnected();
            } else {
                recordVm.onDisconnected();
            }
        }));
        recordVm.live().pausedProperty().addListener((o, a, paused) -> {
            root.pseudoClassStateChanged(PAUSED, paused);
            if (stage != null) {
                stage.setTitle(paused ? TITLE + " — PAUSED" : TITLE);
            }
        });
        recordVm.stateProperty().addListener((o, a, b) -> {
            if (b == RecordState.RECORDING) {
                miniRecorder(); // made when the first recording starts, ready for the first minimise
            } else {
                hideMini();
            }
            if (reconnectAfterRecording && (b == RecordState.STOPPED || b == RecordState.IDLE)) {
                reconnectAfterRecording = false;
                ctx.connect();
            }
        });
    }

    private VBox sidebar(ToggleButton... buttons) {
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
        Label dataDir = new Label(ctx.dataDir().toString());
        dataDir.getStyleClass().addAll("muted", "small-text");
        dataDir.setWrapText(true);
        box.getChildren().addAll(spacer, dataDir);
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

    /** Shows the window on this stage (at once, in the "connecting" state). Call {@link #connect()} next. */
    public void show(Stage stage) {
        this.stage = stage;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = WindowPlacement.defaultSize(screen);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        trackOwnWindow(stage);
        WindowPlacement.apply(stage, ctx.settings(), screen);
        // The window manager's icons are read and decoded off the UI thread; the window does not wait for them.
        ctx.tasks().run(MainWindow::stageIcons, icons -> stage.getIcons().setAll(icons), e -> { });
        applyTheme();
        installShortcuts(scene);
        QuitGuard quitGuard = new QuitGuard(recordVm, stage, this::hideMini);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, quitGuard::onCloseRequest);
        stage.iconifiedProperty().addListener((o, a, iconified) -> {
            if (iconified && recordVm.isRecording()) {
                miniRecorder().show();
            } else {
                hideMini();
            }
        });
        stage.show();
        // from now on (not for the place it opens at) a move or resize is saved once the window is left alone
        javafx.beans.value.ChangeListener<Object> moved = (o, before, now) -> layoutChanged();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
    }

    /**
     * The window's place or a screen's layout changed: it is written to the settings file once nothing has moved
     * for {@link #LAYOUT_SAVE_QUIET} (once after a drag, not at every step of it), so that a crash does not lose
     * it. The file is written off the UI thread; a window that is closing is saved as the app quits instead.
     */
    private void layoutChanged() {
        layoutSave.trigger(() -> {
            if (stage != null && stage.isShowing()) {
                rememberPlacement();
                ctx.saveSettings();
            }
        });
    }

    /** Makes the screens let go of the context's services (the connection): call it when the window goes away. */
    public void dispose() {
        if (sessionsView != null) {
            sessionsView.dispose();
        }
    }

    /** Keeps the window's place in the settings (done as it closes; call it when the app quits otherwise). */
    public void rememberPlacement() {
        if (stage != null && stage.isShowing()) {
            WindowPlacement.remember(stage, ctx.settings());
        }
    }

    private void trackOwnWindow(Window w) {
        javafx.beans.InvalidationListener update = o -> publishOwnWindows();
        w.xProperty().addListener(update);
        w.yProperty().addListener(update);
        w.widthProperty().addListener(update);
        w.heightProperty().addListener(update);
        w.showingProperty().addListener(update);
        if (w instanceof Stage s) {
            s.iconifiedProperty().addListener(update);
        }
    }

    /** Reads the windows' bounds here, on the FX thread; the recorder only reads the published list. */
    private void publishOwnWindows() {
        List<Rectangle> rects = new ArrayList<>();
        for (Stage s : new Stage[] {stage, mini != null ? mini.stage() : null}) {
            if (s != null && s.isShowing() && !s.isIconified()) {
                double scale = s.getOutputScaleX();
                rects.add(new Rectangle((int) Math.floor(s.getX() * scale), (int) Math.floor(s.getY() * scale),
                        (int) Math.ceil(s.getWidth() * scale), (int) Math.ceil(s.getHeight() * scale)));
            }
        }
        ownWindows.set(List.copyOf(rects));
    }

    /** Opens the connection off the UI thread (starting the embedded server if that is the setting). */
    public void connect() {
        ctx.connect();
    }

    private void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> {
                    nav.selectToggle(navRecord);
                    recordVm.onStartShortcut();
                });
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                recordView::askAndStop);
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> {
            nav.selectToggle(navRecord);
            recordView.focusCustomTag();
        });
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int n = i + 1;
            accelerators.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> recordVm.onTagPresetNumber(n));
        }
    }

    private void onSettingsSaved(boolean connectionChanged) {
        recordVm.onSettingsChanged();
        applyTheme();
        if (connectionChanged) {
            if (recordVm.isRecording()) {
                reconnectAfterRecording = true;
            } else {
                ctx.connect();
            }
        }
    }

    private void applyTheme() {
        boolean dark = ThemeSupport.isDark(ctx.settings().theme, System.getenv());
        if (mini != null) {
            ThemeSupport.apply(dark, root, mini.stage().getScene().getRoot());
        } else {
            ThemeSupport.apply(dark, root);
        }
    }

    private void stopFromMini() {
        restore();
        recordView.askAndStop();
    }

    private void restore() {
        if (stage != null) {
            stage.setIconified(false);
            stage.toFront();
        }
        hideMini();
    }

    private void hideMini() {
        if (mini != null) {
            mini.hide();
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

    /** The privacy self-test of the Settings screen, checking the patterns as they stand in its form. */
    private PrivacyCheckViewModel privacyCheckViewModel() {
        return new PrivacyCheckViewModel(ctx.tasks(), ctx.privacyChecker(),
                settingsViewModel().privacyPatternsProperty());
    }

    /**
     * The Settings screen's view model, made when first needed (the screen opened, or asked for here): it reads the
     * stored key from the OS keychain and lists the screens, work that need not compete with the first window.
     */
    public SettingsViewModel settingsViewModel() {
        if (settingsVm == null) {
            settingsVm = new SettingsViewModel(ctx.tasks(), ctx.settings(), ctx.secrets(), ctx.environmentApiKey(),
                    s -> ctx.saveSettings());
            settingsVm.setScreens(() -> {
                var r = ctx.recorder().service();
                return r == null ? List.of() : r.screens();
            });
            settingsVm.setOnSaved(this::onSettingsSaved);
        }
        return settingsVm;
    }

    /**
     * The mini recorder (its own window, styled like the main one): made when the first recording starts, not with
     * the main window, which then shows sooner. Call on the FX thread.
     */
    public MiniRecorder miniRecorder() {
        if (mini == null) {
            mini = new MiniRecorder(recordVm, this::stopFromMini, this::restore, () -> ctx.settings().miniRecorder,
                    place -> {
                        ctx.settings().miniRecorder = place;
                        layoutChanged();
                    });
            trackOwnWindow(mini.stage());
            ThemeSupport.style(mini.stage().getScene().getRoot(),
                    ThemeSupport.isDark(ctx.settings().theme, System.getenv()));
            mini.stage().getScene().getAccelerators().put(
                    new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    this::stopFromMini);
        }
        return mini;
    }

    public Stage stage() {
        return stage;
    }
}
