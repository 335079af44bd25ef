package org.parkatlas.store;

import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link Filter} into a SQL condition with bound parameters (GeoTools' {@code FilterToSQL}). Property names
 * are checked against the layer's schema before they reach the SQL; values are always bound, never concatenated.
 */
final class FilterToSql implements FilterVisitor<String> {

    static final String GEOMETRY_COLUMN = "geom";

    private final Layer layer;
    private final SqlDialect dialect;
    private final List<Object> parameters = new ArrayList<>();

    FilterToSql(Layer layer, SqlDialect dialect) {
        this.layer = layer;
        this.dialect = dialect;
    }

    /** The condition for {@code filter}; its parameters are then in {@link #parameters()}. */
    String where(Filter filter) {
        return filter.accept(this);
    }

    List<Object> parameters() {
        return parameters;
    }

    @Override
    public String visit(Filter.Include filter) {
        return "1=1";
    }

    @Override
    public String visit(Filter.And filter) {
        return filter.parts().stream().map(p -> p.accept(this)).collect(Collectors.joining(" AND ", "(", ")"));
    }

    @Override
    public String visit(Filter.Or filter) {
        return filter.parts().stream().map(p -> p.accept(this)).collect(Collectors.joining(" OR ", "(", ")"));
    }

    @Override
    public String visit(Filter.Not filter) {
        return "NOT (" + filter.part().accept(this) + ")";
    }

    @Override
    public String visit(Filter.Compare filter) {
        parameters.add(filter.value());
        return column(filter.property()) + " " + filter.operator().sql() + " ?";
    }

    @Override
    public String visit(Filter.IsNull filter) {
        return column(filter.property()) + " IS NULL";
    }

    @Override
    public String visit(Filter.Intersects filter) {
        byte[] wkb = new WKBWriter().write(filter.geometry());
        for (int i = 0; i < dialect.intersectsParameterCount(); i++) {
            parameters.add(wkb);
        }
        return dialect.intersects(GEOMETRY_COLUMN, layer.storageSrid());
    }

    private String column(String property) {
        if (property.equals("id") || layer.hasAttribute(property)) {
            return property;
        }
        throw new IllegalArgumentException("layer " + layer.id() + " has no property " + property);
    }
}
