package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.ui.common.Rules;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-session form: workflow (a slug, with the recent ones offered), actor id and kind, metadata and whether
 * to start at once, each checked live against the contract. Starts from what the settings remember and makes the
 * create request; remembers what a created session used. Calls nothing.
 */
public final class RecordForm {
    private final Settings settings;
    private final StringProperty workflow = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper workflowProblem = new ReadOnlyStringWrapper();
    private final ObservableList<String> recentWorkflows = FXCollections.observableArrayList();
    private final StringProperty actorId = new SimpleStringProperty("");
    private final ObjectProperty<ActorKind> actorKind = new SimpleObjectProperty<>(ActorKind.HUMAN);
    private final ReadOnlyStringWrapper actorProblem = new ReadOnlyStringWrapper();
    private final MetadataModel metadata = new MetadataModel();
    private final BooleanProperty startImmediately = new SimpleBooleanProperty(true);
    private final BooleanBinding valid;

    RecordForm(Settings settings) {
        this.settings = settings;
        workflow.addListener((o, a, b) -> workflowProblem.set(Rules.slugProblem(b, "workflow")));
        workflowProblem.set(Rules.slugProblem(workflow.get(), "workflow"));
        actorId.addListener((o, a, b) -> actorProblem.set(
                b.strip().length() > Rules.MAX_ACTOR_ID ? "At most " + Rules.MAX_ACTOR_ID + " characters" : null));
        recentWorkflows.setAll(settings.recentWorkflows);
        actorId.set(settings.lastActorId == null ? "" : settings.lastActorId);
        actorKind.set(kindOf(settings.lastActorKind));
        valid = workflowProblem
                .isNull()
                .and(actorProblem.isNull())
                .and(metadata.problemProperty().isNull());
    }

    private static ActorKind kindOf(String wire) {
        for (ActorKind k : ActorKind.values()) {
            if (k.wireValue().equals(wire) && k != ActorKind.UNKNOWN) {
                return k;
            }
        }
        return ActorKind.HUMAN;
    }

    /** The create request of what the form holds (check {@link #validBinding()} first). */
    CreateSessionRequest request(boolean start) {
        CreateSessionRequest.Builder b =
                CreateSessionRequest.builder(workflow.get()).start(start);
        if (!metadata.isEmpty()) {
            b.metadataJson(metadata.compactJson());
        }
        String actor = actorId.get().strip();
        if (!actor.isEmpty()) {
            b.actor(new Actor(actor, actorKind.get()));
        }
        return b.build();
    }

    /** A session was created from {@code request}: its workflow goes first among the recent ones, its actor stays. */
    void remember(CreateSessionRequest request) {
        settings.rememberWorkflow(request.workflow());
        recentWorkflows.setAll(settings.recentWorkflows);
        if (request.actor() != null) {
            settings.lastActorId = request.actor().id();
            settings.lastActorKind = request.actor().kind().wireValue();
        }
    }

    public StringProperty workflowProperty() {
        return workflow;
    }

    /** Why the workflow is not a valid slug, or null. */
    public ReadOnlyStringProperty workflowProblemProperty() {
        return workflowProblem.getReadOnlyProperty();
    }

    /** The workflows used last, most recent first. */
    public ObservableList<String> recentWorkflows() {
        return recentWorkflows;
    }

    public StringProperty actorIdProperty() {
        return actorId;
    }

    public ObjectProperty<ActorKind> actorKindProperty() {
        return actorKind;
    }

    /** Why the actor id is refused (too long), or null. */
    public ReadOnlyStringProperty actorProblemProperty() {
        return actorProblem.getReadOnlyProperty();
    }

    public MetadataModel metadata() {
        return metadata;
    }

    public BooleanProperty startImmediatelyProperty() {
        return startImmediately;
    }

    /** True while workflow, actor and metadata all pass their checks. */
    public BooleanBinding validBinding() {
        return valid;
    }
}
