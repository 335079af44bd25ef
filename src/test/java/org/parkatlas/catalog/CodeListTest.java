package org.parkatlas.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A list of codes reads back from the text it is stored as, and from what people type in a spreadsheet. */
class CodeListTest {

    @Test
    void theStoredFormReadsBack() {
        for (List<String> codes : List.of(List.of("planning_eia"), List.of("planning_eia", "energy", "water"))) {
            assertThat(CodeList.parse(CodeList.toText(codes))).isEqualTo(codes);
        }
    }

    @Test
    void whatPeopleTypeIsReadLeniently() {
        assertThat(CodeList.parse("planning_eia, energy")).containsExactly("planning_eia", "energy");
        assertThat(CodeList.parse("planning_eia；energy、water")).containsExactly("planning_eia", "energy", "water");
        assertThat(CodeList.parse("[\"a\", \"b\"]")).containsExactly("a", "b");
        assertThat(CodeList.parse("[\"a\",\"a\",\"b\"]")).as("each once").containsExactly("a", "b");
        assertThat(CodeList.parse("[\"a\",\"\"]")).containsExactly("a");
        assertThat(CodeList.parse("[]")).isEmpty();
    }
}
