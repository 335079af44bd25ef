package org.parkatlas.exchange;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;

import java.util.List;

/**
 * What a file download holds: one layer's features (as read, geometries in the storage CRS), the attributes the
 * request chose, in the order shown, and the CRS the file is written in.
 */
public record FileExport(Layer layer, List<Attribute> attributes, Crs crs, List<Feature> features) {

    public FileExport {
        attributes = List.copyOf(attributes);
        features = List.copyOf(features);
    }

    /** A feature's geometry in the file's CRS, x = easting/longitude as every file format here writes it. */
    Geometry geometryOf(Feature feature) {
        Crs storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        return Reprojector.transform(feature.geometry(), storage, crs);
    }
}
