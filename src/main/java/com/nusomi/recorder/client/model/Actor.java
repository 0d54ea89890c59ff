package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The person, model or script that ran a session. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Actor(String id, ActorKind kind) {
    public static Actor human(String id) {
        return new Actor(id, ActorKind.HUMAN);
    }

    public static Actor model(String id) {
        return new Actor(id, ActorKind.MODEL);
    }

    public static Actor script(String id) {
        return new Actor(id, ActorKind.SCRIPT);
    }
}
