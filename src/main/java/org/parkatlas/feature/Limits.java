package org.parkatlas.feature;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large one piece of input may be, configurable under {@code parkatlas.limits.*}. Each default is far beyond
 * what real park data needs (a surveyed river corridor has some 20 000 vertices, a long name some hundred
 * characters) and small enough that a mistake or an attack is refused with a clear problem before it costs memory,
 * stack or a database round trip per item.
 *
 * @param maxBodySize     the largest request body: an import of a whole park (default 512 MB)
 * @param maxTextLength   characters in one text attribute (default 2 000)
 * @param maxVertices     vertices in one geometry (default 200 000)
 * @param maxFilterLength characters in one CQL2 filter (default 65 536: a polygon of some thousand vertices in WKT;
 *                        a filter in a URL is also held to {@code server.max-http-request-header-size}, 64 KB)
 * @param maxFilterDepth  levels of nesting in one filter (default 100; far deeper would exhaust the parser's stack)
 * @param maxInList       items in one {@code IN} list, each a bound parameter (default 1 000)
 */
@ConfigurationProperties("parkatlas.limits")
public record Limits(DataSize maxBodySize, Integer maxTextLength, Integer maxVertices, Integer maxFilterLength,
                     Integer maxFilterDepth, Integer maxInList) {

    /** Deeper than this a recursive parser may run out of stack on a default 512 KiB thread. */
    private static final int DEEPEST_PARSABLE = 250;

    public Limits {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(512) : maxBodySize;
        maxTextLength = positive("max-text-length", maxTextLength, 2_000);
        maxVertices = positive("max-vertices", maxVertices, 200_000);
        maxFilterLength = positive("max-filter-length", maxFilterLength, 64 * 1024);
        maxFilterDepth = positive("max-filter-depth", maxFilterDepth, 100);
        maxInList = positive("max-in-list", maxInList, 1_000);
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("parkatlas.limits.max-body-size must be positive, not " + maxBodySize);
        }
        if (maxFilterDepth > DEEPEST_PARSABLE) {
            throw new IllegalArgumentException("parkatlas.limits.max-filter-depth is at most " + DEEPEST_PARSABLE
                    + ", not " + maxFilterDepth);
        }
    }

    /** The defaults, for code that runs without a Spring context (the import command's tests, engines). */
    public static Limits defaults() {
        return new Limits(null, null, null, null, null, null);
    }

    private static int positive(String name, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("parkatlas.limits." + name + " must be positive, not " + value);
        }
        return value;
    }
}
