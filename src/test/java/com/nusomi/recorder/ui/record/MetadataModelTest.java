package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataModelTest {
    @Test
    void tableBecomesCompactJsonWithTypedValues() {
        MetadataModel m = new MetadataModel();
        m.rows().get(0).keyProperty().set("vendor");
        m.rows().get(0).valueProperty().set("Acmé");
        m.addRow();
        m.rows().get(1).keyProperty().set("paid");
        m.rows().get(1).typeProperty().set(MetadataRow.ValueType.BOOLEAN);
        m.rows().get(1).valueProperty().set("true");
        assertThat(m.problemProperty().get()).isNull();
        assertThat(m.compactJson()).isEqualTo("{\"vendor\":\"Acmé\",\"paid\":true}");
        assertThat(m.bytesProperty().get()).isEqualTo(30); // é is two bytes in UTF-8
    }

    @Test
    void duplicateKeysAndBadNumbersAreNamed() {
        MetadataModel m = new MetadataModel();
        m.rows().get(0).keyProperty().set("a");
        m.addRow();
        m.rows().get(1).keyProperty().set("a");
        assertThat(m.problemProperty().get()).contains("already used");
        m.rows().get(1).keyProperty().set("b");
        m.rows().get(1).typeProperty().set(MetadataRow.ValueType.NUMBER);
        m.rows().get(1).valueProperty().set("12,5");
        assertThat(m.problemProperty().get()).contains("not a number");
    }

    @Test
    void rawJsonWithNestedValuesStaysRaw() {
        MetadataModel m = new MetadataModel();
        assertThat(m.setRaw(true)).isTrue();
        m.rawTextProperty().set("{\"a\": {\"b\": 1}}");
        assertThat(m.problemProperty().get()).isNull();
        assertThat(m.setRaw(false)).isFalse();
        assertThat(m.noticeProperty().get()).contains("JSON");
        m.rawTextProperty().set("{\"a\": 1, \"b\": \"x\"}");
        assertThat(m.setRaw(false)).isTrue();
        assertThat(m.rows()).hasSize(2);
        assertThat(m.compactJson()).isEqualTo("{\"a\":1,\"b\":\"x\"}");
    }
}
