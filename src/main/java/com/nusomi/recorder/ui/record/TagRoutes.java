package com.nusomi.recorder.ui.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Rules;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;

/**
 * Tags the current session by one of two routes: while it is being recorded, through the {@link Recording} (the tag
 * goes into the spool and reaches the server in order with the frames, even while the server is away); while it is
 * only created, straight to the server with an idempotency key. Either way the tag joins the applied ones.
 */
public final class TagRoutes {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final CurrentSession current;
    private final LiveRecording live;
    private final TagsModel tags;
    private final BooleanBinding canTag;

    TagRoutes(
            Operations ops,
            Supplier<SessionsClient> client,
            CurrentSession current,
            LiveRecording live,
            TagsModel tags) {
        this.ops = ops;
        this.client = client;
        this.current = current;
        this.live = live;
        this.tags = tags;
        var state = current.stateProperty();
        canTag = state.isEqualTo(RecordState.CREATED)
                .or(state.isEqualTo(RecordState.RECORDING))
                .and(ops.busyProperty().not());
    }

    public void onTagPreset(String name) {
        if (canTag.get()) {
            add(TagRequest.of(name), () -> {});
        }
    }

    /** Ctrl+1..9: the n-th preset (1-based), if there is one. */
    public void onTagPresetNumber(int n) {
        if (n >= 1 && n <= tags.presets().size()) {
            onTagPreset(tags.presets().get(n - 1));
        }
    }

    /** Adds the custom tag being typed (if valid), then clears it. */
    public void onAddCustomTag() {
        if (!canTag.get() || !tags.customValidBinding().get()) {
            return;
        }
        String data = tags.customDataJson();
        String name = tags.customNameProperty().get();
        add(data != null ? TagRequest.ofJson(name, data) : TagRequest.of(name), tags::clearCustom);
    }

    private void add(TagRequest request, Runnable then) {
        String id = current.id();
        Recording r = live.recording();
        if (r != null && current.is(RecordState.RECORDING)) {
            String json;
            try {
                json = request.dataJson() != null
                        ? request.dataJson()
                        : request.data() != null ? Rules.json().writeValueAsString(request.data()) : null;
            } catch (JsonProcessingException e) {
                ops.fail(Failure.of("Could not add the tag " + request.name(), e, null));
                return;
            }
            ops.run(
                    "Could not add the tag " + request.name(),
                    () -> {
                        r.tag(request.name(), json).get();
                        return json == null ? Map.<String, Object>of() : Rules.parseObject(json);
                    },
                    data -> {
                        tags.applied().add(current.localTag(id, request.name(), data));
                        then.run();
                    });
            return;
        }
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        ops.run(
                "Could not add the tag " + request.name(),
                () -> client.get().sessions().tag(id, request).withOptions(once).execute(),
                tag -> {
                    tags.applied().add(tag);
                    then.run();
                });
    }

    /** While a session is created or recording and no call runs. */
    public BooleanBinding canTagBinding() {
        return canTag;
    }
}
