package org.parkatlas.catalog;

import java.util.List;

/**
 * One attribute of a layer: its name (also its column and GeoJSON property name), type, unit, labels and, for
 * enumerated attributes, the allowed values. A {@code computed} attribute is derived by the server from the geometry
 * (e.g. {@code area_mu}) and is never taken from a client or a file. A number may carry the range a real value lies
 * in ({@code minimum}, {@code maximum}, null where open): a negative red-line width or one of 1e308 m is a mistake.
 * {@code audience} is the least audience that sees it ({@link Audience}): {@code PUBLIC} for most; {@code STAFF} for
 * the bureau's own records (who bought a parcel); {@code INVESTMENT} for what was said in a negotiation.
 */
public record Attribute(String name, AttributeType type, String unit, boolean required, boolean computed,
                        Label label, List<AllowedValue> values, Double minimum, Double maximum, Audience audience) {

    public Attribute {
        values = values == null ? List.of() : List.copyOf(values);
        audience = audience == null ? Audience.PUBLIC : audience;
    }

    public Attribute(String name, AttributeType type, String unit, boolean required, boolean computed, Label label,
                     List<AllowedValue> values) {
        this(name, type, unit, required, computed, label, values, null, null, Audience.PUBLIC);
    }

    /** The same attribute with the range its values must lie in. */
    public Attribute within(double min, double max) {
        return new Attribute(name, type, unit, required, computed, label, values, min, max, audience);
    }

    /** The same attribute, for {@code audience} and those who see more. */
    public Attribute seenBy(Audience audience) {
        return new Attribute(name, type, unit, required, computed, label, values, minimum, maximum, audience);
    }

    /** Whether the public may not see it. */
    public boolean internal() {
        return audience != Audience.PUBLIC;
    }

    /** Whether a number lies in the attribute's range (always, for an attribute without one). */
    public boolean inRange(double value) {
        return (minimum == null || value >= minimum) && (maximum == null || value <= maximum);
    }

    public boolean isEnumerated() {
        return !values.isEmpty();
    }

    public boolean allows(String value) {
        return values.isEmpty() || values.stream().anyMatch(v -> v.value().equals(value));
    }
}
