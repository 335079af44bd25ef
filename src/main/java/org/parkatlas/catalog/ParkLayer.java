package org.parkatlas.catalog;

/**
 * The layers of the standard park model by their public ids, so code names a layer with a type rather than a string
 * literal that a typo would silently break. The ids are a contract: collection ids, table names, GeoPackage tables.
 */
public enum ParkLayer {
    PARK_BOUNDARY("park-boundary"),
    CORRIDORS("corridors"),
    AXES("axes"),
    ZONES("zones"),
    INDUSTRIAL_PARKS("industrial-parks"),
    PARCELS("parcels"),
    ROADS("roads"),
    UTILITY_LINES("utility-lines"),
    FACILITIES("facilities"),
    FACTORY_BUILDINGS("factory-buildings"),
    /** The investment pipeline (招商五库): a catalogue of projects, linked to parcels by their codes. */
    PROJECTS("projects"),
    /** Firms on the park's land (亩均 evaluation): a catalogue, linked to parcels by their codes. */
    ENTERPRISES("enterprises"),
    /** Each firm's figures for a year (tax, sales, energy …), imported from the tax and statistics bureaus. */
    ENTERPRISE_FIGURES("enterprise-figures");

    private final String id;

    ParkLayer(String id) {
        this.id = id;
    }

    /** The collection id, e.g. {@code parcels}. */
    public String id() {
        return id;
    }

    /** Whether {@code layer} is this one. */
    public boolean is(Layer layer) {
        return layer.id().equals(id);
    }

    /** Whether {@code layerId} names this layer. */
    public boolean is(String layerId) {
        return id.equals(layerId);
    }
}
