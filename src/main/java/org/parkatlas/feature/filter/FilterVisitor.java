package org.parkatlas.feature.filter;

/** Walks a {@link Filter} tree, as GeoTools' {@code FilterToSQL} does. */
public interface FilterVisitor<R> {
    R visit(Filter.Include filter);

    R visit(Filter.Exclude filter);

    R visit(Filter.And filter);

    R visit(Filter.Or filter);

    R visit(Filter.Not filter);

    R visit(Filter.Compare filter);

    R visit(Filter.Like filter);

    R visit(Filter.Between filter);

    R visit(Filter.In filter);

    R visit(Filter.IsNull filter);

    R visit(Filter.Spatial filter);

    R visit(Filter.Temporal filter);

    R visit(Filter.ArrayPredicate filter);
}
