package com.nusomi.recorder.server.store;

import java.util.List;

/**
 * A validated list query. Lists are OR within one filter and AND across filters; {@code tags} are all required,
 * {@code notTags} all excluded [ext]. {@code afterCreatedAt}/{@code afterId} is the keyset position of the last row
 * of the previous page (exclusive).
 */
public record SessionQuery(
        List<String> workflows,
        List<String> statuses,
        List<String> outcomes,
        List<String> actorKinds,
        List<String> tags,
        List<String> notTags,
        Long since,
        Long until,
        boolean trash,
        Long afterCreatedAt,
        String afterId,
        int limit) {

    /** A query without excluded tags. */
    public SessionQuery(
            List<String> workflows,
            List<String> statuses,
            List<String> outcomes,
            List<String> actorKinds,
            List<String> tags,
            Long since,
            Long until,
            boolean trash,
            Long afterCreatedAt,
            String afterId,
            int limit) {
        this(
                workflows,
                statuses,
                outcomes,
                actorKinds,
                tags,
                List.of(),
                since,
                until,
                trash,
                afterCreatedAt,
                afterId,
                limit);
    }
}
