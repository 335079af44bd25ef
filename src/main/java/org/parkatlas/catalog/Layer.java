package org.parkatlas.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A layer of the park model, served as one OGC API collection and stored as one table: its public id (a contract,
 * e.g. {@code parcels}), titles, geometry kind, attribute schema and storage CRS. The attribute order is the order in
 * which the map popup, the GeoPackage and the OpenAPI document list the attributes.
 *
 * @param temporalProperty  the date attribute that the OGC {@code datetime} parameter filters on, or null
 * @param derivedAttributes attributes worked out when the layer is read (never stored, never written)
 * @param publicRows        the features the public may see at all, or null for every one (a project still in
 *                          talks is nobody's business outside the bureau)
 */
public record Layer(String id, Label title, Label description, GeometryKind geometryKind, boolean allowMulti,
                    List<Attribute> attributes, int storageSrid, String temporalProperty,
                    List<Attribute> derivedAttributes, PublicRows publicRows) {

    public Layer {
        attributes = List.copyOf(attributes);
        derivedAttributes = derivedAttributes == null ? List.of() : List.copyOf(derivedAttributes);
    }

    /** The features an anonymous reader sees: those whose {@code attribute} holds one of {@code values}. */
    public record PublicRows(String attribute, java.util.Set<String> values) {
        public PublicRows {
            values = java.util.Set.copyOf(values);
        }
    }

    /** Whether the layer's features have a geometry (a catalogue layer's have none and are not drawn on maps). */
    public boolean spatial() {
        return geometryKind != GeometryKind.NONE;
    }

    /** The table that stores the layer: the id with SQL-safe underscores. */
    public String tableName() {
        return id.replace('-', '_');
    }

    /** A stored or a derived attribute by name. */
    public Optional<Attribute> attribute(String name) {
        return Stream.concat(attributes.stream(), derivedAttributes.stream()).filter(a -> a.name().equals(name))
                .findFirst();
    }

    /** Whether the layer stores an attribute of this name (derived ones are not stored). */
    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }

    /**
     * Whether {@code name} is worked out when the layer is read, from other layers and a date (e.g. a parcel's
     * readiness), rather than stored.
     */
    public boolean isDerived(String name) {
        return derivedAttributes.stream().anyMatch(a -> a.name().equals(name));
    }

    /** The attributes a client or a file may set, i.e. all but the computed ones. */
    public List<Attribute> writableAttributes() {
        return attributes.stream().filter(a -> !a.computed()).toList();
    }

    /** The stored and derived attributes {@code audience} may see, in the layer's order. */
    public List<Attribute> attributesFor(Audience audience) {
        return Stream.concat(attributes.stream(), derivedAttributes.stream()).filter(audience::sees).toList();
    }

    /** A stored or derived attribute by name, if {@code audience} may see it; empty otherwise, as if there were none. */
    public Optional<Attribute> attribute(String name, Audience audience) {
        return attribute(name).filter(audience::sees);
    }

    public String storageCrs() {
        return "EPSG:" + storageSrid;
    }
}
