package com.nusomi.recorder.ui.sessions;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache of decoded frame images keyed by session id and seq, bounded both by a number of
 * entries and by a weight budget (for images: their pixel bytes). Used on the UI thread only.
 */
final class FrameCache<I> {
    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<I> weigher;
    private final LinkedHashMap<String, I> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    FrameCache(int maxEntries, long maxWeight, ToLongFunction<I> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    static String key(String sessionId, long seq) {
        return sessionId + "#" + seq;
    }

    I get(String sessionId, long seq) {
        return entries.get(key(sessionId, seq));
    }

    void put(String sessionId, long seq, I image) {
        if (image == null) {
            return;
        }
        I old = entries.put(key(sessionId, seq), image);
        if (old != null) {
            weight -= weigher.applyAsLong(old);
        }
        weight += weigher.applyAsLong(image);
        Iterator<Map.Entry<String, I>> eldest = entries.entrySet().iterator();
        // never evicts the entry just added, even when it alone is over the budget
        while ((entries.size() > maxEntries || weight > maxWeight) && entries.size() > 1 && eldest.hasNext()) {
            Map.Entry<String, I> e = eldest.next();
            weight -= weigher.applyAsLong(e.getValue());
            eldest.remove();
        }
    }

    /** Drops every image of a session (its frames' bytes changed). */
    void removeSession(String sessionId) {
        String prefix = sessionId + "#";
        Iterator<Map.Entry<String, I>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, I> e = it.next();
            if (e.getKey().startsWith(prefix)) {
                weight -= weigher.applyAsLong(e.getValue());
                it.remove();
            }
        }
    }

    int size() {
        return entries.size();
    }

    long weight() {
        return weight;
    }
}
