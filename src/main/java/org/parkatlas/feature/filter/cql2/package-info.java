/**
 * CQL2, the OGC Common Query Language (OGC 21-065, version 1.0): the filter language of OGC API - Features - Part 3
 * (the {@code filter}, {@code filter-lang} and {@code filter-crs} query parameters). A CQL2 filter is a boolean
 * expression over the properties of a feature: comparisons ({@code =, <>, <, <=, >, >=}), {@code LIKE},
 * {@code BETWEEN}, {@code IN}, {@code IS NULL}, the spatial functions {@code S_INTERSECTS} … (DE-9IM, with WKT or
 * GeoJSON geometries and {@code BBOX}), the temporal functions {@code T_AFTER} … (with {@code DATE},
 * {@code TIMESTAMP} and {@code INTERVAL}), {@code CASEI}/{@code ACCENTI}, arithmetic and other functions, combined
 * with {@code AND}, {@code OR} and {@code NOT}.
 *
 * <p>CQL2 has two encodings, and each has its parser here; both give the same
 * {@link org.parkatlas.feature.filter.Filter} tree for the same filter:
 * <ul>
 *   <li>{@link org.parkatlas.feature.filter.cql2.Cql2Text#parse(String)} for CQL2 text
 *       ({@code filter-lang=cql2-text}), e.g. {@code floors > 5 AND S_WITHIN(geometry, BBOX(-118, 33.8, -117.9, 34))}.
 *       The grammar is {@code src/main/antlr4/org/parkatlas/feature/filter/cql2/Cql2.g4}, written from the BNF of
 *       the standard; ANTLR generates {@code Cql2Lexer} and {@code Cql2Parser} from it at build time.</li>
 *   <li>{@link org.parkatlas.feature.filter.cql2.Cql2Json#parse(String)} for CQL2 JSON ({@code filter-lang=cql2-json}),
 *       e.g. {@code {"op": ">", "args": [{"property": "floors"}, 5]}}.</li>
 * </ul>
 *
 * <p>Both stop at the first problem with a {@link org.parkatlas.feature.filter.cql2.Cql2SyntaxException}: a character
 * position (text) or a JSON Pointer (JSON), and what would have been valid there. Parsing only checks the form of the
 * filter; whether its properties exist and its types fit the layer is checked when the filter is bound to a layer
 * ({@link org.parkatlas.feature.filter.FilterBinder}). Geometries keep the coordinates as written (no CRS is applied
 * here). The array functions ({@code A_*}) are recognised and rejected as not supported.
 */
package org.parkatlas.feature.filter.cql2;
