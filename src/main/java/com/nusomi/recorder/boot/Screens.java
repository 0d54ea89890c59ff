package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.AppLog;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.ui.audit.AuditView;
import com.nusomi.recorder.ui.audit.AuditViewModel;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.main.LayoutSaver;
import com.nusomi.recorder.ui.main.MainWindow;
import com.nusomi.recorder.ui.main.OwnWindows;
import com.nusomi.recorder.ui.main.SettingsApplier;
import com.nusomi.recorder.ui.main.StatusViewModel;
import com.nusomi.recorder.ui.record.LiveRecording;
import com.nusomi.recorder.ui.record.RecordView;
import com.nusomi.recorder.ui.record.RecordViewModel;
import com.nusomi.recorder.ui.review.FrameViewers;
import com.nusomi.recorder.ui.review.PlaybackTimer;
import com.nusomi.recorder.ui.sessions.FilterStore;
import com.nusomi.recorder.ui.sessions.KeepCurrent;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.sessions.SessionsViewModel;
import com.nusomi.recorder.ui.settings.LogFolderViewModel;
import com.nusomi.recorder.ui.settings.PrivacyCheckViewModel;
import com.nusomi.recorder.ui.settings.ServerPoliciesViewModel;
import com.nusomi.recorder.ui.settings.SettingsView;
import com.nusomi.recorder.ui.settings.SettingsViewModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the screens on the app's services and hands each view model and view exactly what it uses: the Record
 * screen and the main window at once, the Sessions and Settings screens when first opened. Tells the view models
 * of the connection's and the recorder's changes, on the UI thread, through registrations it keeps and closes with
 * itself. Build it on the FX thread; close it before the {@link AppContext}.
 */
public final class Screens implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Screens.class);

    /** How long the Sessions filter bar waits for typing to pause before it asks the server. */
    static final Duration FILTER_QUIET = Duration.ofMillis(300);
    /** How long the Sessions screen offers to undo an action. */
    static final Duration UNDO_TIME = Duration.ofSeconds(10);

    private final AppContext ctx;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final RecordViewModel recordVm;
    private final LayoutSaver layout;
    private final MainWindow window;
    private final SettingsApplier settingsApplier;
    private final FrameViewers frameViewers;
    private SettingsViewModel settingsVm;

    public Screens(AppContext ctx) {
        this.ctx = ctx;
        OwnWindows ownWindows = new OwnWindows();
        frameViewers = new FrameViewers(
                ctx.tasks(), () -> ctx.connection().client(), PlaybackTimer.fx(ctx.clock()), ownWindows::track);
        LiveRecording live = new LiveRecording(ctx.tasks(), ctx.executor().scheduler());
        keep(ctx.recorder().addListener(live));
        recordVm = new RecordViewModel(
                ctx.tasks(),
                () -> ctx.connection().client(),
                ctx.recorder()::service,
                live,
                ctx.settings(),
                ctx::saveSettings,
                ctx.clock());
        recordVm.setOwnWindows(ownWindows::bounds);
        // A recorder per server: after a switch, that server's sessions left recording and the others' backlog.
        keep(ctx.recorder().onReady(() -> ctx.tasks().onUi(recordVm::onRecorderReady)));
        // The recorder is built once the connection is up: then its screens can be listed (if Settings is open).
        keep(ctx.recorder()
                .onReady(() -> ctx.tasks().onUi(() -> {
                    if (settingsVm != null) {
                        settingsVm.capture().refreshScreens();
                    }
                })));
        // the Record screen's session, created, started, stopped or re-read: the Sessions list reads it again
        keep(recordVm.current().sessionProperty().subscribe((before, s) -> {
            if (s != null && (before == null || !before.id().equals(s.id()) || before.status() != s.status())) {
                ctx.sessionsChanged().changed(s.id());
            }
        })::unsubscribe);
        RecordView recordView = new RecordView(recordVm);
        layout = new LayoutSaver(
                Debouncer.scheduled(ctx.executor().scheduler(), ctx.tasks(), LayoutSaver.QUIET),
                ctx.settings(),
                ctx::saveSettings);
        StatusViewModel status = new StatusViewModel();
        window = new MainWindow(
                recordVm,
                recordView,
                this::sessionsScreen,
                this::settingsScreen,
                this::auditScreen,
                status,
                ctx.settings(),
                ctx.tasks(),
                ownWindows,
                layout,
                ctx.dataDir());
        settingsApplier = new SettingsApplier(
                recordVm,
                window::applyTheme,
                () -> ctx.connect().exceptionally(e -> {
                    LOG.warn("Connecting failed", e);
                    return null;
                }));
        // The connection may already be starting (App.init): always show its latest state, whatever the order
        // in which notifications reach the UI thread.
        keep(ctx.connection()
                .addListener(state -> ctx.tasks().onUi(() -> {
                    status.update(ctx.connection().state());
                    if (ctx.connection().isConnected()) {
                        recordVm.onConnected();
                    } else {
                        recordVm.onDisconnected();
                    }
                })));
    }

    /** The main window, with the Record screen in it; not shown yet. */
    public MainWindow mainWindow() {
        return window;
    }

    /**
     * The Sessions screen on the connection's client. Its layout (column widths and order, the detail pane's width)
     * is kept in the settings; it loads again each time the app comes online on another server.
     */
    private SessionsView sessionsScreen() {
        SessionsViewModel vm = new SessionsViewModel(
                ctx.tasks(),
                () -> ctx.connection().client(),
                new FilterStore(ctx.dataDir(), ctx.executor().workers()),
                Debouncer.scheduled(ctx.executor().scheduler(), ctx.tasks(), FILTER_QUIET),
                Debouncer.scheduled(ctx.executor().scheduler(), ctx.tasks(), UNDO_TIME),
                ctx.clock());
        ReadOnlyObjectWrapper<ConnectionState> state =
                new ReadOnlyObjectWrapper<>(ctx.connection().state());
        keep(SessionsView.follow(ctx.connection(), ctx.tasks(), state::set)::unsubscribe);
        vm.keepCurrent().follow(ctx.sessionsChanged());
        vm.keepCurrent().poll(Debouncer.scheduled(ctx.executor().scheduler(), ctx.tasks(), KeepCurrent.POLL));
        SessionsView view = new SessionsView(vm).start(state.getReadOnlyProperty(), ctx.settings(), layout::changed);
        // "History" in a session's detail: the Audit screen, filtered to that session
        view.setOnHistory(id -> {
            window.showAudit();
            auditScreen().showSession(id);
        });
        view.setFrameViewer(frameViewers);
        vm.exports().setFolderOpener(LogFolderViewModel.DESKTOP::open);
        vm.exports().setSendTarget(new HostedTarget(ctx));
        sessionsView = view;
        return view;
    }

    /** The Audit screen on the connection's client (made once; it reads the log each time it is shown). */
    private AuditView auditScreen() {
        if (auditView == null) {
            auditView = new AuditView(
                    new AuditViewModel(ctx.tasks(), () -> ctx.connection().client()));
        }
        return auditView;
    }

    /**
     * The Settings screen, with the privacy self-test (checking the patterns as they stand in its form) and the log
     * folder, and the server's policies (asked again each time the connection comes online elsewhere). Its view
     * model reads the stored key from the OS keychain and lists the screens: work that need not compete with the
     * first window.
     */
    private SettingsView settingsScreen() {
        settingsVm = new SettingsViewModel(
                ctx.tasks(), ctx.settings(), ctx.secrets(), ctx.environmentApiKey(), s -> ctx.saveSettings());
        settingsVm.capture().setScreens(() -> {
            var r = ctx.recorder().service();
            return r == null ? List.of() : r.screens();
        });
        settingsVm.setOnSaved(settingsApplier::onSaved);
        settingsVm.setThemePreview(window::previewTheme);
        ServerPoliciesViewModel policies =
                new ServerPoliciesViewModel(ctx.tasks(), () -> ctx.connection().client());
        ReadOnlyObjectWrapper<ConnectionState> state =
                new ReadOnlyObjectWrapper<>(ctx.connection().state());
        keep(SessionsView.follow(ctx.connection(), ctx.tasks(), state::set)::unsubscribe);
        keep(policies.follow(state.getReadOnlyProperty())::unsubscribe);
        return new SettingsView(
                settingsVm,
                new PrivacyCheckViewModel(
                        ctx.tasks(), ctx.privacyChecker(), settingsVm.capture().privacyPatternsProperty()),
                new LogFolderViewModel(ctx.tasks(), AppLog.folder(ctx.dataDir()), LogFolderViewModel.DESKTOP),
                policies);
    }

    private SessionsView sessionsView;
    private AuditView auditView;

    private void keep(Registration registration) {
        registrations.add(registration);
    }

    /** Stops telling the screens of the services' changes. */
    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
        frameViewers.close();
        if (sessionsView != null) {
            sessionsView.dispose(); // lets go of its view model, its timers and the connection's state
        }
        if (auditView != null) {
            auditView.dispose();
        }
    }
}
