package org.parkatlas.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonSyntaxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void sayWhereAndWhyWithoutJacksonsOwnNames() {
        JacksonException tooLong = catchThrowableOfType(JacksonException.class,
                () -> JSON.readTree("{\"a\": " + "9".repeat(2000) + "}"));
        String said = JsonSyntax.describe(tooLong);
        assertThat(said).contains("exceeds the maximum allowed").doesNotContain("StreamReadConstraints", "`");
        JacksonException cut = catchThrowableOfType(JacksonException.class, () -> JSON.readTree("{\"a\": [1, 2"));
        assertThat(JsonSyntax.describe(cut)).contains("end-of-input").contains("(line 1, column")
                .doesNotContain("Source", "REDACTED", "#UNKNOWN");
    }
}
