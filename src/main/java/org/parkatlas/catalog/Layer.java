package org.parkatlas.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A layer of the park model, served as one OGC API collection and stored as one table: its public id (a contract,
 * e.g. {@code parcels}), titles, geometry kind, attribute schema and storage CRS. The attribute order is the order in
 * which the map popup, the GeoPackage and the OpenAPI document list the attributes.
 *
 * @param temporalProperty the date attribute that the OGC {@code datetime} parameter filters on, or null
 */
public record Layer(String id, Label title, Label description, GeometryKind geometryKind, boolean allowMulti,
                    List<Attribute> attributes, int storageSrid, String temporalProperty) {

    public Layer {
        attributes = List.copyOf(attributes);
    }

    /** The table that stores the layer: the id with SQL-safe underscores. */
    public String tableName() {
        return id.replace('-', '_');
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean hasAttribute(String name) {
        return attribute(name).isPresent();
    }

    /** The attributes a client or a file may set, i.e. all but the computed ones. */
    public List<Attribute> writableAttributes() {
        return attributes.stream().filter(a -> !a.computed()).toList();
    }

    public String storageCrs() {
        return "EPSG:" + storageSrid;
    }
}
