package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import java.util.Map;
import java.util.Set;

/** OGC API Features asks for a 400 on a query parameter the API does not define: a typo must not pass silently. */
final class StrictParameters {

    private StrictParameters() {
    }

    static void allowOnly(Map<String, String> query, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badParameter(name, "unknown query parameter \"" + name + "\"; this resource takes "
                        + String.join(", ", allowed));
            }
        }
        ItemsRequest.checkFormat(query.get("f"));
    }
}
