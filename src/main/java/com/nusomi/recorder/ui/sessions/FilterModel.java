package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.ui.common.Rules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The filter bar's state: the chosen values of every list filter, the workflows seen so far (to choose from),
 * and {@link #filtersProperty()}, the {@link SessionFilters} they make together. Tags are typed as text
 * (comma or space separated); a bad name is reported in {@link #tagsProblemProperty()} and left out.
 */
public final class FilterModel {
    private final ObservableList<String> workflows = FXCollections.observableArrayList();
    private final ObservableList<SessionStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ObservableList<ActorKind> actorKinds = FXCollections.observableArrayList();
    private final StringProperty since = new SimpleStringProperty();
    private final ObjectProperty<Instant> until = new SimpleObjectProperty<>();
    private final StringProperty tagsText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper tagsProblem = new ReadOnlyStringWrapper();
    private final StringProperty notTagsText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notTagsProblem = new ReadOnlyStringWrapper();
    private final ObservableList<String> knownWorkflows = FXCollections.observableArrayList();
    private final ObjectBinding<SessionFilters> filters;
    private boolean applying;

    public FilterModel() {
        Observable[] deps = {workflows, statuses, outcomes, actorKinds, since, until, tagsText, notTagsText};
        filters = Bindings.createObjectBinding(this::build, deps);
    }

    private SessionFilters build() {
        List<String> tags = tagNames(tagsText.get(), tagsProblem);
        List<String> notTags = tagNames(notTagsText.get(), notTagsProblem);
        return new SessionFilters(
                List.copyOf(workflows),
                List.copyOf(statuses),
                List.copyOf(outcomes),
                List.copyOf(actorKinds),
                since.get(),
                until.get(),
                tags,
                notTags);
    }

    /** The tag names typed in {@code text} (comma or space separated); the first bad one is told {@code problem}. */
    private static List<String> tagNames(String text, ReadOnlyStringWrapper problemOut) {
        List<String> tags = new ArrayList<>();
        String problem = null;
        for (String t : text == null ? new String[0] : text.trim().split("[,\\s]+")) {
            if (t.isEmpty()) {
                continue;
            }
            String p = Rules.slugProblem(t, "tag");
            if (p == null) {
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            } else if (problem == null) {
                problem = "Tag '" + t + "' left out: " + p;
            }
        }
        problemOut.set(problem);
        return tags;
    }

    /** Sets every filter at once (one change for listeners of {@link #filtersProperty()}). */
    public void apply(SessionFilters f) {
        SessionFilters v = f == null ? SessionFilters.NONE : f;
        applying = true;
        try {
            rememberWorkflows(v.workflows());
            workflows.setAll(v.workflows());
            statuses.setAll(v.statuses());
            outcomes.setAll(v.outcomes());
            actorKinds.setAll(v.actorKinds());
            since.set(v.since());
            until.set(v.until());
            tagsText.set(String.join(", ", v.tags()));
            notTagsText.set(String.join(", ", v.notTags()));
        } finally {
            applying = false;
        }
        filters.invalidate();
    }

    /** True while {@link #apply} is setting the values one by one. */
    public boolean isApplying() {
        return applying;
    }

    public void clear() {
        apply(SessionFilters.NONE);
    }

    /** Adds workflows to the ones offered, keeping them sorted and unique. */
    public void rememberWorkflows(Collection<String> seen) {
        TreeSet<String> all = new TreeSet<>(knownWorkflows);
        if (all.addAll(seen)) {
            knownWorkflows.setAll(all);
        }
    }

    public ObjectBinding<SessionFilters> filtersProperty() {
        return filters;
    }

    public SessionFilters getFilters() {
        return filters.get();
    }

    public ObservableList<String> workflows() {
        return workflows;
    }

    public ObservableList<SessionStatus> statuses() {
        return statuses;
    }

    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    public ObservableList<ActorKind> actorKinds() {
        return actorKinds;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public ObjectProperty<Instant> untilProperty() {
        return until;
    }

    public StringProperty tagsTextProperty() {
        return tagsText;
    }

    public ReadOnlyStringProperty tagsProblemProperty() {
        return tagsProblem.getReadOnlyProperty();
    }

    /** The tags a session must not carry, as typed. */
    public StringProperty notTagsTextProperty() {
        return notTagsText;
    }

    public ReadOnlyStringProperty notTagsProblemProperty() {
        return notTagsProblem.getReadOnlyProperty();
    }

    public ObservableList<String> knownWorkflows() {
        return knownWorkflows;
    }

    public static List<SessionStatus> allStatuses() {
        return Arrays.stream(SessionStatus.values())
                .filter(s -> s != SessionStatus.UNKNOWN)
                .toList();
    }

    public static List<Outcome> allOutcomes() {
        return Arrays.stream(Outcome.values()).filter(s -> s != Outcome.UNKNOWN).toList();
    }

    public static List<ActorKind> allActorKinds() {
        return Arrays.stream(ActorKind.values())
                .filter(s -> s != ActorKind.UNKNOWN)
                .toList();
    }

    /** The instant of a local date and an optional {@code HH:mm[:ss]} time; null without a date. */
    static Instant instant(LocalDate date, String time) {
        if (date == null) {
            return null;
        }
        LocalTime t = LocalTime.MIDNIGHT;
        if (time != null && !time.isBlank()) {
            try {
                t = LocalTime.parse(time.strip());
            } catch (DateTimeParseException e) {
                t = LocalTime.MIDNIGHT;
            }
        }
        return date.atTime(t).atZone(ZoneId.systemDefault()).toInstant();
    }
}
