package org.parkatlas.catalog;

/** One value of an enumerated attribute (e.g. parcel status {@code available}) with its label. */
public record AllowedValue(String value, Label label) {
}
