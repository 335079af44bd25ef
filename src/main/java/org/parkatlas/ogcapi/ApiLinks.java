package org.parkatlas.ogcapi;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * Absolute URLs of the API's resources, built from the request so they are right behind a proxy
 * ({@code X-Forwarded-*} is honoured from the proxies {@code parkatlas.trusted-proxies} names, and from no one else).
 */
final class ApiLinks {

    private final String root;

    private ApiLinks(String root) {
        this.root = root;
    }

    static ApiLinks fromCurrentRequest() {
        return new ApiLinks(ServletUriComponentsBuilder.fromCurrentContextPath().path(OgcApi.ROOT).build()
                .toUriString());
    }

    String landing() {
        return root;
    }

    String api() {
        return root + "/api";
    }

    String conformance() {
        return root + "/conformance";
    }

    String collections() {
        return root + "/collections";
    }

    String collection(String id) {
        return collections() + "/" + id;
    }

    String items(String id) {
        return collection(id) + "/items";
    }

    String item(String collectionId, String featureId) {
        return items(collectionId) + "/" + UriComponentsBuilder.fromPath(featureId).encode().build().toUriString();
    }

    /** The items URL with the given query parameters, each encoded, in the order given. */
    String items(String id, Map<String, String> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(items(id));
        query.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(query).toUriString();
    }
}
