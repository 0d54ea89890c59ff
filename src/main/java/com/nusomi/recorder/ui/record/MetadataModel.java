package com.nusomi.recorder.ui.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.request.ContractRules;
import com.nusomi.recorder.ui.common.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The metadata editor's state: a key/value table or raw JSON text, checked on every change against the
 * contract (a JSON object of at most 16 KB, compact UTF-8). Holds the compact JSON to send.
 */
public final class MetadataModel {
    private final ObservableList<MetadataRow> rows = FXCollections.observableArrayList(MetadataRow::observables);
    private final BooleanProperty raw = new SimpleBooleanProperty(false);
    private final StringProperty rawText = new SimpleStringProperty("{}");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper bytes = new ReadOnlyIntegerWrapper(2);
    private String compact = "{}";

    public MetadataModel() {
        rows.addListener((ListChangeListener<MetadataRow>) c -> recompute());
        rawText.addListener((o, a, b) -> recompute());
        raw.addListener((o, a, b) -> recompute());
        rows.add(new MetadataRow());
        recompute();
    }

    private void recompute() {
        ContractRules.JsonCheck check = raw.get() ? Rules.jsonObject(rawText.get(), "metadata") : fromRows();
        problem.set(check.problem());
        compact = check.ok() ? check.compact() : null;
        if (check.ok() || check.bytes() > 0) {
            bytes.set(check.bytes());
        }
    }

    private ContractRules.JsonCheck fromRows() {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = 0;
        for (MetadataRow row : rows) {
            n++;
            if (row.isBlank()) {
                continue;
            }
            String key = row.keyProperty().get().strip();
            if (key.isEmpty()) {
                return new ContractRules.JsonCheck(null, 0, "Row " + n + ": enter a key");
            }
            if (map.containsKey(key)) {
                return new ContractRules.JsonCheck(null, 0, "Row " + n + ": the key \"" + key + "\" is already used");
            }
            String v = row.valueProperty().get();
            switch (row.typeProperty().get()) {
                case NUMBER -> {
                    try {
                        BigDecimal d = new BigDecimal(v.strip());
                        map.put(
                                key,
                                d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                                        ? (Object) d.longValueExact()
                                        : d);
                    } catch (NumberFormatException | ArithmeticException e) {
                        return new ContractRules.JsonCheck(null, 0, "Row " + n + ": \"" + v + "\" is not a number");
                    }
                }
                case BOOLEAN -> {
                    String b = v.strip().toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        return new ContractRules.JsonCheck(null, 0, "Row " + n + ": a yes/no value is true or false");
                    }
                    map.put(key, Boolean.parseBoolean(b));
                }
                default -> map.put(key, v);
            }
        }
        return Rules.sized(map, "metadata");
    }

    /**
     * Switches between the table and raw JSON. Table → JSON always works (when the table is valid); JSON → table
     * only when the JSON is an object of plain values. Returns false (and says why in {@link #noticeProperty()})
     * when it cannot switch.
     */
    public boolean setRaw(boolean wantRaw) {
        notice.set(null);
        if (wantRaw == raw.get()) {
            return true;
        }
        if (wantRaw) {
            if (compact == null) {
                notice.set("Fix the table first: " + problem.get());
                return false;
            }
            try {
                rawText.set(Rules.json()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(Rules.json().readTree(compact)));
            } catch (JsonProcessingException e) {
                rawText.set(compact);
            }
            raw.set(true);
            return true;
        }
        if (compact == null) {
            notice.set("Fix the JSON first: " + problem.get());
            return false;
        }
        List<MetadataRow> parsed = new ArrayList<>();
        try {
            JsonNode node = Rules.json().readTree(compact);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    parsed.add(new MetadataRow(e.getKey(), MetadataRow.ValueType.TEXT, v.asText()));
                } else if (v.isNumber()) {
                    parsed.add(new MetadataRow(e.getKey(), MetadataRow.ValueType.NUMBER, v.asText()));
                } else if (v.isBoolean()) {
                    parsed.add(new MetadataRow(e.getKey(), MetadataRow.ValueType.BOOLEAN, v.asText()));
                } else {
                    notice.set("\"" + e.getKey() + "\" holds "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ": only text, numbers and yes/no fit the table; keep editing it as JSON");
                    return false;
                }
            }
        } catch (JsonProcessingException e) {
            notice.set("Fix the JSON first");
            return false;
        }
        rows.setAll(parsed);
        raw.set(false);
        return true;
    }

    public void addRow() {
        rows.add(new MetadataRow());
    }

    public void removeRow(MetadataRow row) {
        rows.remove(row);
    }

    /** The compact JSON to send, or null while there is a problem. */
    public String compactJson() {
        return compact;
    }

    /** True when there is nothing to send beyond {@code {}}. */
    public boolean isEmpty() {
        return "{}".equals(compact);
    }

    public ObservableList<MetadataRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty rawProperty() {
        return raw;
    }

    public boolean isRaw() {
        return raw.get();
    }

    public StringProperty rawTextProperty() {
        return rawText;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }
}
