package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.FramesSummary;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.ui.common.Banner;
import com.nusomi.recorder.ui.redact.RedactionModel;
import com.nusomi.recorder.ui.redact.RedactionWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The selected session: every field, the metadata as formatted JSON, its tags (with data and offsets) and a
 * form to add one or a verdict, the events as a timeline, and the frames summary. Its duration and every offset
 * are recorded time (pauses left out, as the Record screen's timer counts); the paused and wall times show apart.
 */
final class SessionDetailPane extends ScrollPane {
    /** The events list's row height, and how many rows it shows before it scrolls on its own. */
    static final double EVENT_ROW = 28;

    static final int EVENT_ROWS = 40;
    private static final String NONE = "—";
    private static final String[] FIELDS = {
        "Workflow",
        "Status",
        "Outcome",
        "Stop reason",
        "Actor",
        "Created",
        "Started",
        "Stopped",
        "Duration",
        "Paused",
        "Frames",
        "Events",
        "Deleted",
        "Purge at"
    };

    private final DetailViewModel vm;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Label title = new Label("No session selected");
    private final HBox titleRow = new HBox(8);
    private final List<Label> values = new ArrayList<>();
    private final TextArea metadata = new TextArea();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final Label frames = new Label();
    private final Label eventsNote = new Label();
    private final VBox body;
    private final FilmStrip filmStrip;
    private final TableView<Tag> tagTable;
    private final EventsAfterFrame eventsAfterFrame;

    /** The pane of {@code vm}'s session; {@code openViewer} opens the film strip's frame in the viewer. */
    SessionDetailPane(DetailViewModel vm, Runnable openViewer) {
        this.vm = vm;
        setId("detailPane");
        getStyleClass().add("session-detail");
        setFitToWidth(true);
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true); // the whole id, on two lines in a pane narrower still, not cut off

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        for (int i = 0; i < FIELDS.length; i++) {
            Label name = new Label(FIELDS[i]);
            name.getStyleClass().add("muted");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label();
            value.setId("detail" + FIELDS[i].replace(" ", ""));
            value.setWrapText(true);
            values.add(value);
            grid.addRow(i, name, value);
        }

        metadata.setId("detailMetadata");
        metadata.setEditable(false);
        metadata.setPrefRowCount(6);
        metadata.getStyleClass().add("code");

        tagTable = new TableView<>(vm.tags());
        tagTable.setId("detailTags");
        tagTable.getStyleClass().add(Styles.DENSE);
        tagTable.setPrefHeight(150);
        tagTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tagTable.setPlaceholder(new Label("No tags"));
        // the first three keep room for their text ("after the run", a key's label); Data takes what is left
        tagTable.getColumns()
                .add(textColumn(
                        "When", t -> TagInfo.when(t, vm.sessionProperty().get(), vm.timeline()), 100, 100));
        tagTable.getColumns().add(textColumn("Name", Tag::name, 110, 80));
        tagTable.getColumns().add(textColumn("Added by", TagInfo::author, 150, 110));
        tagTable.getColumns().add(textColumn("Data", t -> Formats.compactJson(t.data()), 60, 50));

        filmStrip = new FilmStrip(vm.film(), openViewer);
        filmStrip.showTags(vm.tagMarks());
        ListView<Event> timeline = new ListView<>(events);
        timeline.setId("detailEventList");
        // The pane scrolls as one: the list is as tall as its events (up to EVENT_ROWS), and the wheel over it
        // scrolls the pane; only a longer list keeps a scroll bar of its own.
        timeline.setFixedCellSize(EVENT_ROW);
        timeline.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(1, Math.min(events.size(), EVENT_ROWS)) * EVENT_ROW + 4, events));
        timeline.setMinHeight(Region.USE_PREF_SIZE);
        timeline.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (events.size() <= EVENT_ROWS) {
                double range = getContent().getBoundsInLocal().getHeight()
                        - getViewportBounds().getHeight();
                if (range > 0) {
                    setVvalue(Math.max(0, Math.min(1, getVvalue() - e.getDeltaY() / range)));
                }
                e.consume();
            }
        });
        timeline.setPlaceholder(new Label("No events"));
        Supplier<Tooltip> eventTip = EventCell.sharedTooltip();
        timeline.setCellFactory(l -> new EventCell(vm::timeline, eventTip, e -> {
            vm.film().onEvent(e);
            filmStrip.focusPreview();
        }));
        eventsAfterFrame = new EventsAfterFrame(events, vm.film(), this);
        eventsNote.getStyleClass().add("muted");
        frames.setId("detailFramesSummary");
        frames.setWrapText(true);

        body = new VBox(
                8,
                titleRow,
                grid,
                framesHeader(),
                frames,
                filmStrip,
                section("Events"),
                timeline,
                eventsNote,
                section("Metadata"),
                metadata,
                section("Tags"),
                tagTable,
                tagForm());
        body.setPadding(new Insets(10));
        // beside the title, in room kept for it: a refresh (after a tag, say) moves nothing on screen
        Label loading = new Label("Loading…");
        loading.setId("detailLoading");
        loading.getStyleClass().add("muted");
        loading.setMinWidth(Region.USE_PREF_SIZE);
        loading.visibleProperty().bind(vm.loadingProperty());
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        titleRow.getChildren().setAll(title, loading);
        Banner failure = new Banner(vm.ops());
        failure.setId("detailFailure");
        Label empty = new Label("Select a session to see its fields, metadata, tags, events and frames.");
        empty.setId("detailEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        empty.setPadding(new Insets(16));
        empty.visibleProperty().bind(vm.sessionProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        body.visibleProperty().bind(vm.sessionProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        setContent(new VBox(failure, empty, body));
        subscriptions.add(vm.sessionProperty().subscribe(this::show));
    }

    /** "Frames" with Redact… beside it: the editor opens on the frame shown. */
    private HBox framesHeader() {
        Label heading = section("Frames");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button redact = new Button("Redact…");
        redact.setId("redactFrames");
        redact.getStyleClass().add(Styles.SMALL);
        redact.setMinWidth(Region.USE_PREF_SIZE);
        redact.setTooltip(new Tooltip("Black out parts of this frame, a range of frames or the whole run, for good"));
        redact.disableProperty()
                .bind(vm.film()
                        .hasFramesProperty()
                        .not()
                        .or(vm.film().framesLoadingProperty())
                        .or(vm.sessionProperty().isNull()));
        redact.setOnAction(e -> openRedaction(this, () -> {}));
        HBox row = new HBox(8, heading, gap, redact);
        row.setAlignment(Pos.BOTTOM_LEFT);
        return row;
    }

    /** Opens the redaction editor on the film strip's frame over {@code owner}; see {@link RedactionOpener}. */
    void openRedaction(Node owner, Runnable redacted) {
        RedactionModel editor = vm.redactor(redacted);
        if (editor != null) {
            RedactionWindow.open(
                    owner,
                    editor,
                    "Redact frames: " + vm.sessionProperty().get().workflow());
        }
    }

    private VBox tagForm() {
        TextField name = new TextField();
        name.setId("tagName");
        name.setPromptText("tag name");
        name.textProperty().bindBidirectional(vm.tagNameProperty());
        TextField data = new TextField();
        data.setId("tagData");
        data.setPromptText("{\"json\": \"data\"} (optional)");
        data.textProperty().bindBidirectional(vm.tagDataProperty());
        HBox.setHgrow(data, Priority.ALWAYS);
        Button add = new Button("Add tag");
        add.setId("addTag");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(vm.canTagProperty().not());
        add.setOnAction(e -> vm.onAddTag());
        name.setOnAction(e -> vm.onAddTag());
        data.setOnAction(e -> vm.onAddTag());
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, "muted");
        problem.textProperty().bind(vm.tagProblemProperty());
        problem.visibleProperty()
                .bind(vm.tagNameProperty()
                        .isNotEmpty()
                        .and(vm.tagProblemProperty().isNotNull()));
        problem.managedProperty().bind(problem.visibleProperty());

        Label verdict = new Label("Verdict");
        verdict.getStyleClass().add("muted");
        HBox verdicts = new HBox(
                6,
                verdict,
                verdictButton("verdictSuccess", "Success", Outcome.SUCCESS, Styles.SUCCESS),
                verdictButton("verdictError", "Error", Outcome.ERROR, Styles.DANGER),
                verdictButton("verdictAbandoned", "Abandoned", Outcome.ABANDONED, Styles.WARNING));
        verdicts.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(6, name, data, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, problem, verdicts);
    }

    private Button verdictButton(String id, String text, Outcome outcome, String style) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, style);
        b.disableProperty().bind(vm.sessionProperty().isNull().or(vm.ops().busyProperty()));
        b.setOnAction(e -> vm.onVerdict(outcome));
        return b;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static TableColumn<Tag, String> textColumn(
            String title, Function<Tag, String> value, double width, double min) {
        TableColumn<Tag, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(min);
        return c;
    }

    private void show(Session s) {
        if (s == null) {
            title.setText("No session selected");
            values.forEach(v -> v.setText(""));
            metadata.setText("");
            eventsAfterFrame.show(List.of());
            frames.setText("");
            eventsNote.setText("");
            return;
        }
        title.setText(s.id());
        String[] v = {
            s.workflow(),
            s.status() == null ? "" : s.status().wireValue(),
            s.outcome() == null ? "" : s.outcome().wireValue(),
            s.stopReason() == null ? "" : s.stopReason().toString().toLowerCase(Locale.ROOT),
            s.actor() == null ? "" : s.actor().id() + " (" + s.actor().kind().wireValue() + ")",
            Formats.time(s.createdAt()),
            Formats.time(s.startedAt()),
            Formats.time(s.stoppedAt()),
            Formats.duration(s.recordedMs()),
            Formats.paused(s),
            String.valueOf(s.frameCount()),
            String.valueOf(s.eventCount()),
            Formats.time(s.deletedAt()),
            Formats.time(s.purgeAt())
        };
        for (int i = 0; i < v.length; i++) {
            values.get(i).setText(v[i].isEmpty() ? NONE : v[i]); // an empty row reads as broken; a dash as "none"
        }
        metadata.setText(Formats.prettyJson(s.metadata()));
        tagTable.refresh(); // "after the run" depends on the session's stop as well
        eventsAfterFrame.show(s.events());
        eventsNote.setText(
                s.eventsTruncated()
                        ? "Showing the first " + s.events().size() + " of " + s.eventCount() + " events."
                        : "");
        FramesSummary f = s.framesSummary();
        frames.setText(
                f == null
                        ? Formats.count(s.frameCount(), "frame", "frames")
                        : Formats.count(f.count(), "frame", "frames") + ", " + Formats.bytes(f.totalBytes())
                                + (f.width() != null ? ", " + f.width() + "×" + f.height() : "")
                                + (f.firstAt() != null ? ", " + Formats.timeRange(f.firstAt(), f.lastAt()) : ""));
    }

    /** Stops following the view model (the screen is going away). */
    void dispose() {
        filmStrip.dispose();
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
