package com.nusomi.recorder.client.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's client-side rules, said for a person where a check fails. */
class ContractRulesTest {
    @Test
    void aSlugIsTwoToSixtyFourLowercaseLettersDigitsOrUnderscores() {
        assertThat(ContractRules.isSlug("process_invoice_2")).isTrue();
        assertThat(ContractRules.isSlug("a".repeat(64))).isTrue();
        assertThat(ContractRules.isSlug("a".repeat(65))).isFalse();
        assertThat(ContractRules.isSlug("a")).isFalse();
        assertThat(ContractRules.isSlug(null)).isFalse();
        assertThat(ContractRules.isSlug("ab\n")).isFalse();
    }

    @Test
    void theSlugProblemNamesWhatIsWrong() {
        assertThat(ContractRules.slugProblem("", "workflow")).isEqualTo("Enter a workflow name");
        assertThat(ContractRules.slugProblem("Invoice", "tag"))
                .isEqualTo("Only lowercase letters, digits and _ are allowed: found 'I' (use lowercase)");
        assertThat(ContractRules.slugProblem("a b", "tag"))
                .isEqualTo("Only lowercase letters, digits and _ are allowed: found a space");
        assertThat(ContractRules.slugProblem("a", "tag")).isEqualTo("At least 2 characters");
        assertThat(ContractRules.slugProblem("a".repeat(70), "tag"))
                .isEqualTo("At most 64 characters (this one has 70)");
        assertThat(ContractRules.slugProblem("ok_name", "tag")).isNull();
    }

    @Test
    void theSlugProblemAgreesWithThePattern() {
        String[] values = {"", "a", "ab", "a-b", "AB", "a_b", "é_é", "a".repeat(64), "a".repeat(65), "ab "};
        for (String s : values) {
            assertThat(ContractRules.slugProblem(s, "tag") == null).as(s).isEqualTo(ContractRules.isSlug(s));
        }
    }

    @Test
    void aBlankObjectIsEmptyAndAnythingButAnObjectIsRefused() {
        assertThat(ContractRules.jsonObject("  ", "metadata")).isEqualTo(new ContractRules.JsonCheck("{}", 2, null));
        assertThat(ContractRules.jsonObject("[1]", "metadata").problem())
                .isEqualTo("Metadata must be a JSON object { … }, not an array");
        assertThat(ContractRules.jsonObject("{\"a\":", "tag data").problem()).startsWith("Not valid JSON (line 1");
    }

    @Test
    void jsonTheServerRefusesIsRefused() {
        assertThat(ContractRules.jsonObject("{\"a\":1,\"a\":2}", "metadata").ok())
                .isFalse();
        assertThat(ContractRules.jsonObject("{} {}", "metadata").ok()).isFalse();
    }

    @Test
    void anObjectIsMeasuredInItsCompactFormWithDecimalsAsWritten() {
        ContractRules.JsonCheck c = ContractRules.jsonObject("{ \"amount\" : 1.10 }", "metadata");
        assertThat(c.compact()).isEqualTo("{\"amount\":1.10}");
        assertThat(c.bytes()).isEqualTo(15);
    }

    @Test
    void anObjectOverSixteenKilobytesIsRefusedWithItsSize() {
        String at = "{\"a\":\"" + "x".repeat(ContractRules.MAX_OBJECT_BYTES - 8) + "\"}";
        assertThat(ContractRules.jsonObject(at, "metadata").ok()).isTrue();
        String over = "{\"a\":\"" + "x".repeat(ContractRules.MAX_OBJECT_BYTES - 7) + "\"}";
        assertThat(ContractRules.jsonObject(over, "metadata").problem())
                .isEqualTo("Metadata is 16.0 KB; the limit is 16 KB (16,384 bytes)");
    }

    @Test
    void eventDataOverFourKilobytesIsRefused() {
        assertThat(ContractRules.eventData(Map.of("text", "x".repeat(4096 - 11)))
                        .ok())
                .isTrue();
        assertThat(ContractRules.eventData(Map.of("text", "x".repeat(4096 - 10)))
                        .problem())
                .isEqualTo("The event's data is 4.0 KB; the limit is 4 KB (4,096 bytes)");
    }
}
