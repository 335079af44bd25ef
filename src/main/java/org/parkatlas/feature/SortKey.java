package org.parkatlas.feature;

/** One sort key of a query: an attribute name and a direction. */
public record SortKey(String property, boolean ascending) {
}
