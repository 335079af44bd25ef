package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;

/** Looks up the layer behind a collection id, or answers 404 naming the collections there are. */
final class Layers {

    private Layers() {
    }

    static Layer require(Catalog catalog, String collectionId) {
        return catalog.find(collectionId).orElseThrow(() -> ApiException.notFound("there is no collection \""
                + collectionId + "\"; the collections are " + String.join(", ",
                catalog.layers().stream().map(Layer::id).toList())));
    }
}
