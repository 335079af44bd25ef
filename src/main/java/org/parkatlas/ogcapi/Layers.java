package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;

/** Looks up the layer behind a collection id, or answers 404 naming the collections there are. */
final class Layers {

    private Layers() {
    }

    static Layer require(Catalog catalog, String collectionId) {
        String all = String.join(", ", catalog.layers().stream().map(Layer::id).toList());
        return catalog.find(collectionId).orElseThrow(() -> ApiException.notFound(Label.of("没有图层“" + collectionId
                + "”；现有图层：" + all, "there is no collection \"" + collectionId + "\"; the collections are " + all)));
    }
}
