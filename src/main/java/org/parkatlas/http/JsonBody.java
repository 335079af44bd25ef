package org.parkatlas.http;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON request body, read the same way by every adapter: empty or malformed is a 400 that says so. */
public final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    /** The body as a JSON tree; {@code expected} says what should have been sent, e.g. "a GeoJSON Feature". */
    public static JsonNode parse(byte[] body, Label expected) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("", Label.of("请求体为空：请发送" + expected.zh(),
                        "the request body is empty: send " + expected.en()));
            }
            return node;
        } catch (JacksonException e) {
            String why = org.parkatlas.problem.JsonSyntax.describe(e);
            throw new InvalidInputException("", Label.of("请求体不是有效的 JSON：" + why,
                    "the body is not valid JSON: " + why));
        }
    }
}
