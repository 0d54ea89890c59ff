package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.Banner;
import com.nusomi.recorder.ui.common.Problem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The Settings screen, built in code and bound to its {@link SettingsViewModel}. */
public final class SettingsView extends BorderPane {
    private static final double PRESET_ROW_HEIGHT = 40;
    private final SettingsViewModel vm;
    private final PrivacyCheckViewModel privacyCheck;

    /**
     * @param privacyCheck the privacy self-test's view model, or null to leave its button out
     * @param logFolder "Open log folder", or null to leave it out
     * @param policies the server's policies (shown to admin keys), or null to leave them out
     */
    public SettingsView(
            SettingsViewModel vm,
            PrivacyCheckViewModel privacyCheck,
            LogFolderViewModel logFolder,
            ServerPoliciesViewModel policies) {
        this.vm = vm;
        this.privacyCheck = privacyCheck;
        setId("settingsView");

        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");

        Button save = new Button("Save", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("saveSettingsButton");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.onSave());
        Button revert = new Button("Revert");
        revert.setId("revertSettingsButton");
        revert.setOnAction(e -> vm.reset());
        Label saved = new Label();
        saved.setId("savedNote");
        saved.getStyleClass().add("muted");
        saved.textProperty().bind(vm.savedNoteProperty());
        HBox actions = new HBox(8, save, revert, saved);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setId("settingsActions");
        actions.getStyleClass().add("settings-actions");
        actions.setPadding(new Insets(10, 24, 10, 24));

        VBox connection = connectionCard();
        VBox page = new VBox(
                14, title, new Banner(vm.operations()), connection, presetsCard(), recorderCard(), generalCard());
        if (policies != null) {
            VBox card = card("Server policies", new ServerPoliciesPane(policies));
            card.setId("serverPoliciesCard");
            card.visibleProperty().bind(policies.shownBinding());
            card.managedProperty().bind(card.visibleProperty());
            page.getChildren().add(page.getChildren().indexOf(connection) + 1, card);
        }
        if (logFolder != null) {
            page.getChildren().add(logsCard(logFolder));
        }
        page.getStyleClass().add("page");
        page.setMaxWidth(820);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setCenter(scroll);
        // Save and Revert stay in view below the form, however far it is scrolled
        setBottom(new VBox(new Separator(), actions));

        // the next edit after a save: "Saved." no longer describes the form
        // (the user's keys and clicks only: the app itself refills some fields, e.g. the screens once connected)
        page.addEventFilter(KeyEvent.KEY_TYPED, e -> vm.onEdited());
        page.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> vm.onEdited());
        // the theme chosen is previewed while the screen is shown; elsewhere the saved one shows
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                vm.onShown();
            } else {
                vm.onHidden();
            }
        });
    }

    private VBox connectionCard() {
        ConnectionSettingsViewModel connection = vm.connection();
        ToggleGroup group = new ToggleGroup();
        RadioButton embedded = new RadioButton("Embedded local server (sessions stay on this computer)");
        embedded.setId("embeddedMode");
        embedded.setToggleGroup(group);
        RadioButton hosted = new RadioButton("Hosted Sessions API");
        hosted.setId("hostedMode");
        hosted.setToggleGroup(group);
        Runnable fromVm = () -> group.selectToggle(
                connection.modeProperty().get() == Settings.ConnectionMode.HOSTED ? hosted : embedded);
        connection.modeProperty().addListener((o, a, b) -> fromVm.run());
        fromVm.run();
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                connection
                        .modeProperty()
                        .set(b == hosted ? Settings.ConnectionMode.HOSTED : Settings.ConnectionMode.EMBEDDED);
            }
        });

        TextField url = new TextField();
        url.setId("baseUrlField");
        url.setPromptText("https://api.nusomi.com");
        url.textProperty().bindBidirectional(connection.baseUrlProperty());
        PasswordField key = new PasswordField();
        key.setId("apiKeyField");
        key.setPromptText("nsk_live_… (leave empty to keep the stored key)");
        key.textProperty().bindBidirectional(connection.apiKeyProperty());
        Label stored = new Label();
        stored.setId("storedKeyLabel");
        stored.getStyleClass().add("muted");
        stored.textProperty().bind(connection.storedKeyProperty());
        Button test = new Button("Test connection", new FontIcon(MaterialDesignL.LAN_CONNECT));
        test.setId("testConnectionButton");
        test.disableProperty().bind(vm.operations().busyProperty());
        test.setOnAction(e -> connection.onTestConnection());
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        result.textProperty().bind(connection.testResultProperty());
        HBox testRow = new HBox(10, test, result);
        testRow.setAlignment(Pos.CENTER_LEFT);

        VBox hostedFields = new VBox(
                6,
                label("Base URL"),
                url,
                new Problem("baseUrlProblem", connection.urlProblemProperty()),
                label("API key"),
                key,
                stored,
                testRow);
        hostedFields.getStyleClass().add("indented");
        hostedFields.disableProperty().bind(connection.modeProperty().isNotEqualTo(Settings.ConnectionMode.HOSTED));
        Label env = new Label("NUSOMI_BASE_URL and NUSOMI_API_KEY, when set, fill these in. "
                + "The key is kept in the OS keychain when there is one, else in a file only you can read.");
        env.getStyleClass().add("muted");
        env.setWrapText(true);
        return card("Connection", embedded, hosted, hostedFields, env);
    }

    private VBox presetsCard() {
        PresetTagsViewModel presets = vm.presetTags();
        ListView<String> list = new ListView<>(presets.presets());
        list.setId("presetList");
        // As tall as its rows, up to nine (the ones with a shortcut), then it scrolls.
        list.setFixedCellSize(PRESET_ROW_HEIGHT);
        list.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(2, Math.min(presets.presets().size(), 9)) * PRESET_ROW_HEIGHT + 2,
                        presets.presets()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setCellFactory(l -> new PresetCell());
        TextField add = new TextField();
        add.setId("newPresetField");
        add.setPromptText("new_preset_tag");
        add.textProperty().bindBidirectional(presets.newPresetProperty());
        add.setOnAction(e -> presets.onAddPreset());
        HBox.setHgrow(add, Priority.ALWAYS);
        Button addButton = new Button("Add", new FontIcon(MaterialDesignP.PLUS));
        addButton.setId("addPresetButton");
        addButton.disableProperty().bind(presets.canAddPresetBinding().not());
        addButton.setOnAction(e -> presets.onAddPreset());
        HBox row = new HBox(8, add, addButton);
        Label hint = new Label("One click on the Record screen; the first nine also get Ctrl+1 … Ctrl+9.");
        hint.getStyleClass().add("muted");
        return card("Preset tags", hint, list, row, new Problem("presetProblem", presets.presetProblemProperty()));
    }

    private VBox recorderCard() {
        CaptureSettingsViewModel capture = vm.capture();
        TextField interval = new TextField();
        interval.setId("captureIntervalField");
        interval.setPrefColumnCount(5);
        interval.textProperty().bindBidirectional(capture.captureIntervalProperty());
        TextField quality = new TextField();
        quality.setId("jpegQualityField");
        quality.setPrefColumnCount(4);
        quality.textProperty().bindBidirectional(capture.jpegQualityProperty());
        HBox numbers = new HBox(
                10,
                label("Screenshot every"),
                interval,
                new Label("seconds"),
                label("JPEG quality"),
                quality,
                new Label("(10–100)"));
        numbers.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Integer> screen = new ComboBox<>(capture.screenChoices());
        screen.setId("captureScreenField");
        screen.valueProperty().bindBidirectional(capture.screenProperty());
        screen.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return capture.screenLabel(i);
            }

            @Override
            public Integer fromString(String s) {
                return 0;
            }
        });
        HBox screenRow = new HBox(10, label("Capture"), screen);
        screenRow.setAlignment(Pos.CENTER_LEFT);

        TextArea patterns = new TextArea();
        patterns.setId("privacyPatternsField");
        patterns.setPrefRowCount(3);
        // one line: a text area's prompt drops line breaks, so two examples on two lines read as one pattern
        patterns.setPromptText("e.g. Password Manager|Online Banking");
        patterns.textProperty().bindBidirectional(capture.privacyPatternsProperty());
        Label patternsHint = new Label("Windows whose title matches one of these (regular expressions, one per line) "
                + "are blacked out wherever they show, title bar included; a window in front of them is recorded. "
                + "This app's own windows always are.");
        patternsHint.getStyleClass().add("muted");
        patternsHint.setWrapText(true);

        CheckBox keyText = new CheckBox("Record the text typed (not only key counts)");
        keyText.setId("recordKeyTextBox");
        keyText.selectedProperty().bindBidirectional(capture.recordKeyTextProperty());
        Label keyWarning = new Label("Warning: with this on, everything typed while recording is stored with the "
                + "session, passwords and personal data included. Leave it off unless the workflow needs it.");
        keyWarning.setId("recordKeyTextWarning");
        keyWarning.getStyleClass().add("warn-text");
        keyWarning.setWrapText(true);
        keyWarning.visibleProperty().bind(capture.recordKeyTextProperty());
        keyWarning.managedProperty().bind(keyWarning.visibleProperty());
        Label applies = new Label("Applied the next time recording starts.");
        applies.getStyleClass().add("muted");
        VBox card = card(
                "Screen capture",
                numbers,
                screenRow,
                label("Privacy: window titles to black out"),
                patterns,
                patternsHint,
                keyText,
                keyWarning,
                new Problem("recorderProblem", capture.recorderProblemProperty()),
                applies);
        if (privacyCheck != null) {
            card.getChildren().add(card.getChildren().indexOf(keyText), new PrivacyCheckPane(privacyCheck));
        }
        return card;
    }

    private VBox generalCard() {
        ComboBox<Settings.Theme> theme = new ComboBox<>();
        theme.setId("themeField");
        theme.getItems().setAll(Settings.Theme.values());
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Settings.Theme t) {
                return t == null
                        ? ""
                        : switch (t) {
                            case LIGHT -> "Light";
                            case DARK -> "Dark";
                            case SYSTEM -> "Follow the system";
                        };
            }

            @Override
            public Settings.Theme fromString(String s) {
                return Settings.Theme.SYSTEM;
            }
        });
        HBox themeRow = new HBox(10, label("Theme"), theme);
        themeRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox countdown = new CheckBox("Count down 3-2-1 before recording starts");
        countdown.setId("countdownBox");
        countdown.selectedProperty().bindBidirectional(vm.countdownProperty());
        return card("Recording and appearance", countdown, themeRow);
    }

    private static VBox logsCard(LogFolderViewModel logs) {
        Button open = new Button("Open log folder");
        open.setId("openLogFolderButton");
        open.setOnAction(e -> logs.onOpen());
        Label where = new Label(logs.folder().toString());
        where.getStyleClass().add("muted");
        HBox row = new HBox(10, open, where);
        row.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("logFolderMessage");
        problem.setWrapText(true);
        problem.textProperty().bind(logs.messageProperty());
        problem.visibleProperty().bind(logs.messageProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return card("Logs", row, problem);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    /** A preset with move up / move down / remove buttons. */
    private final class PresetCell extends ListCell<String> {
        private final Label name = new Label();
        private final HBox box;

        PresetCell() {
            Button up = iconButton(new FontIcon(MaterialDesignA.ARROW_UP), "Move up");
            up.setOnAction(e -> vm.presetTags().onMovePreset(getItem(), -1));
            Button down = iconButton(new FontIcon(MaterialDesignA.ARROW_DOWN), "Move down");
            down.setOnAction(e -> vm.presetTags().onMovePreset(getItem(), 1));
            Button remove = iconButton(new FontIcon(MaterialDesignC.CLOSE), "Remove");
            remove.setOnAction(e -> vm.presetTags().onRemovePreset(getItem()));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(4, name, spacer, up, down, remove);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        private Button iconButton(FontIcon icon, String tip) {
            Button b = new Button(null, icon);
            b.getStyleClass().addAll("flat", "small", "button-icon");
            b.setTooltip(new Tooltip(tip));
            return b;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            int i = vm.presetTags().presets().indexOf(item) + 1;
            name.setText(item + (i >= 1 && i <= 9 ? "   Ctrl+" + i : ""));
            setGraphic(box);
        }
    }
}
