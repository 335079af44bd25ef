package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.http.Http;
import org.parkatlas.catalog.Label;
import java.util.Map;
import java.util.Set;

/** OGC API Features asks for a 400 on a query parameter the API does not define: a typo must not pass silently. */
final class StrictParameters {

    private StrictParameters() {
    }

    static void allowOnly(Map<String, String> query, String... allowed) {
        Set<String> known = new java.util.LinkedHashSet<>(java.util.List.of(allowed));
        known.add(Http.LANG); // every answer can be asked for in a language
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                String takes = String.join(", ", known);
                throw ApiException.badParameter(name, Label.of("未知的查询参数“" + name + "”；此资源接受 " + takes,
                        "unknown query parameter \"" + name + "\"; this resource takes " + takes));
            }
        }
        ItemsRequest.checkFormat(query.get("f"));
    }
}
