package org.parkatlas.feature.filter;

/** Walks an {@link Expression}. */
public interface ExpressionVisitor<R> {
    R visit(Expression.Property expression);

    R visit(Expression.Literal expression);

    R visit(Expression.GeometryLiteral expression);

    R visit(Expression.Interval expression);

    R visit(Expression.Arithmetic expression);

    R visit(Expression.Function expression);
}
