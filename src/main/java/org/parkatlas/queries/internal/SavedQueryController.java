package org.parkatlas.queries.internal;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Limits;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.JsonBody;
import org.parkatlas.ogcapi.FilterParameters;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.queries.SavedQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/queries}: a signed-in reader's saved queries (analysts above all; anonymous readers have none).
 * {@code GET} lists one's own, {@code POST {"name", "collection", "filter"}} keeps one — its filter checked as a
 * filter of that layer, so a saved query always runs — and {@code DELETE /api/queries/{id}} removes one's own.
 */
@RestController
class SavedQueryController {

    private static final int MAX_NAME = 80;
    private static final int MAX_PER_ACCOUNT = 200;
    private static final Set<String> MEMBERS = Set.of("name", "collection", "filter");

    private final JdbcSavedQueries queries;
    private final Catalog catalog;
    private final Limits limits;
    private final Clock clock;

    SavedQueryController(JdbcSavedQueries queries, Catalog catalog, Limits limits, Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/api/queries")
    List<SavedQuery> mine(Principal user) {
        return queries.of(user.getName());
    }

    @PostMapping(value = "/api/queries", consumes = "application/json")
    ResponseEntity<SavedQuery> save(@RequestBody byte[] raw, Principal user,
                                    jakarta.servlet.http.HttpServletRequest request) {
        JsonNode body = JsonBody.parse(raw, Label.of("{\"name\": …, \"collection\": \"parcels\", \"filter\": …}",
                "{\"name\": …, \"collection\": \"parcels\", \"filter\": …}"));
        body.propertyNames().forEach(name -> {
            if (!MEMBERS.contains(name)) {
                throw InvalidInputException.unprocessable("/" + name, Label.of("未知的成员“" + name
                        + "”；可用 name、collection、filter", "unknown member \"" + name + "\"; use name, collection, filter"));
            }
        });
        String name = text(body, "name");
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw InvalidInputException.unprocessable("/name", Label.of("name 须为 1 至 " + MAX_NAME + " 个字符的名称",
                    "name is a name of 1 to " + MAX_NAME + " characters"));
        }
        String collection = text(body, "collection");
        Layer layer = collection == null ? null : catalog.find(collection).orElse(null);
        if (layer == null) {
            throw InvalidInputException.unprocessable("/collection", Label.of("collection 须为一个图层，如 parcels",
                    "collection is one of the layers, such as parcels"));
        }
        String filter = text(body, "filter");
        if (filter != null && !filter.isBlank()) {
            // a 400 that says where; a filter on what the account may not see is refused as the items would
            FilterParameters.parse(layer, filter, null, null, limits, org.parkatlas.http.RequestAudience.of(request));
        }
        if (queries.count(user.getName()) >= MAX_PER_ACCOUNT) {
            throw new ApiException(HttpStatus.CONFLICT, org.parkatlas.problem.ProblemType.CONFLICT,
                    Label.of("已达上限", "Too many"), Label.of("每个账户最多保存 " + MAX_PER_ACCOUNT + " 个查询；请先删除一些",
                    "an account keeps at most " + MAX_PER_ACCOUNT + " queries; remove some first"), null);
        }
        SavedQuery saved = new SavedQuery(UUID.randomUUID().toString(), user.getName(), name.strip(), layer.id(),
                filter == null || filter.isBlank() ? null : filter.strip(), clock.instant());
        queries.add(saved);
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @DeleteMapping("/api/queries/{id}")
    ResponseEntity<Void> remove(@PathVariable String id, Principal user) {
        if (!queries.remove(user.getName(), id)) {
            throw ApiException.notFound(Label.of("没有编号为“" + id + "”的已存查询", "there is no saved query \"" + id
                    + "\""));
        }
        return ResponseEntity.noContent().build();
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidInputException.unprocessable("/" + name, Label.of(name + " 须为字符串", name + " must be a string"));
        }
        return value.asString();
    }
}
