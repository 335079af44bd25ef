package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.problem.ProblemType;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterBinder;
import org.parkatlas.feature.filter.cql2.Cql2Json;
import org.parkatlas.feature.filter.cql2.Cql2SyntaxException;
import org.parkatlas.feature.filter.cql2.Cql2Text;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Part 3 parameters {@code filter}, {@code filter-lang} ({@code cql2-text}, the default, or {@code cql2-json})
 * and {@code filter-crs} (the CRS of geometry literals, CRS84 by default) parsed and bound to the layer.
 */
public final class FilterParameters {

    static final String CQL2_TEXT = "cql2-text";
    static final String CQL2_JSON = "cql2-json";
    /** The pre-1.0 name of CQL2 text, which GDAL before 3.7 (Debian 12's) sends for its -where clauses. */
    static final String CQL_TEXT_DRAFT = "cql-text";

    private FilterParameters() {
    }

    public static Filter parse(Layer layer, String filter, String language, Crs filterCrs, Limits limits,
                        Audience audience) {
        if (filter == null) {
            if (language != null || filterCrs != null) {
                throw ApiException.badParameter(language != null ? "filter-lang" : "filter-crs",
                        Label.of("filter-lang 与 filter-crs 用于描述过滤条件，但没有 filter 参数",
                                "filter-lang and filter-crs describe a filter, but there is no filter parameter"));
            }
            return Filter.INCLUDE;
        }
        if (filter.length() > limits.maxFilterLength()) {
            throw ApiException.badParameter("filter", Label.of("过滤条件长 " + filter.length() + " 个字符，最多 "
                    + limits.maxFilterLength() + " 个（parkatlas.limits.max-filter-length）", "the filter is "
                    + filter.length() + " characters long; the most is " + limits.maxFilterLength()
                    + " (parkatlas.limits.max-filter-length)"));
        }
        String lang = language == null ? CQL2_TEXT : language;
        Filter parsed;
        try {
            parsed = switch (lang) {
                case CQL2_TEXT -> Cql2Text.parse(filter, limits.maxFilterDepth());
                case CQL_TEXT_DRAFT -> Cql2Text.parse(GdalCqlText.toCql2(filter), limits.maxFilterDepth());
                case CQL2_JSON -> Cql2Json.parse(filter, limits.maxFilterDepth());
                default -> throw ApiException.badParameter("filter-lang", Label.of("filter-lang=" + lang
                        + " 不是本 API 能读的过滤语言；请用 cql2-text 或 cql2-json", "filter-lang=" + lang
                        + " is not a filter language this API reads; use cql2-text or cql2-json"));
            };
        } catch (Cql2SyntaxException e) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("parameter", "filter");
            if (e.position() >= 0) {
                where.put("position", e.position());
            }
            if (e.pointer() != null) {
                where.put("pointer", e.pointer());
            }
            if (e.expected() != null) {
                where.put("expected", e.expected());
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FILTER,
                    Label.of("过滤条件无效", "Invalid filter"), Label.of("无法读取 " + lang + " 过滤条件："
                    + e.getMessage(), "the " + lang + " filter cannot be read: " + e.getMessage()), where);
        }
        checkListSizes(parsed, limits.maxInList());
        return new FilterBinder(layer, filterCrs == null ? Crs.CRS84 : filterCrs, audience,
                CQL_TEXT_DRAFT.equals(lang)).bind(parsed);
    }

    /** An IN list longer than {@code max} is a query no person writes; each item is a bound parameter. */
    private static void checkListSizes(Filter filter, int max) {
        if (filter instanceof Filter.In in && in.list().size() > max) {
            throw ApiException.badParameter("filter", Label.of("IN 列表有 " + in.list().size() + " 项，最多 " + max
                    + " 项（parkatlas.limits.max-in-list）", "an IN list has " + in.list().size()
                    + " items; the most is " + max + " (parkatlas.limits.max-in-list)"));
        }
        if (filter instanceof Filter.And and) {
            and.parts().forEach(part -> checkListSizes(part, max));
        } else if (filter instanceof Filter.Or or) {
            or.parts().forEach(part -> checkListSizes(part, max));
        } else if (filter instanceof Filter.Not not) {
            checkListSizes(not.part(), max);
        }
    }
}
