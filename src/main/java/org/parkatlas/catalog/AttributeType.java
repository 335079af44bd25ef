package org.parkatlas.catalog;

/** The value types an attribute can have; each maps to one SQL type per dialect and one JSON type. */
public enum AttributeType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    DATE("date"),
    /**
     * Several codes from the attribute's allowed values, e.g. the regional assessments done for a parcel: a JSON array
     * in GeoJSON, its JSON text in a column or a GeoPackage. Shown and exchanged, not compared in filters.
     */
    CODE_LIST("array");

    private final String jsonName;

    AttributeType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the catalog JSON and in JSON Schema ("date" is a string with format date there). */
    public String jsonName() {
        return jsonName;
    }
}
