package org.parkatlas.http;

import org.parkatlas.catalog.Label;
import org.parkatlas.feature.Feature;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.util.Map;

/**
 * Entity tags of features: the stored version, quoted. {@code If-Match} with the tag a client read makes its write
 * conditional on nobody having changed the feature since. One parser for every adapter: an {@code If-Match} this
 * server cannot have given is a 412 (RFC 9110 §13.1.1), as OGC API Features Part 4 says, never a 400.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(Feature feature) {
        return of(feature.version());
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} asks for; null when absent or {@code *} (any version). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag can match nothing
            throw new UnusableIfMatchException(ifMatch);
        }
        try {
            long version = Long.parseLong(tag.replace("\"", ""));
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new UnusableIfMatchException(ifMatch);
        }
    }

    /** An {@code If-Match} that names no version this server gives: the precondition cannot hold (412). */
    public static final class UnusableIfMatchException extends Problem {
        public UnusableIfMatchException(String ifMatch) {
            super(412, ProblemType.CHANGED_BY_SOMEONE_ELSE, Label.of("已被他人修改", "Changed by someone else"),
                    Label.of("If-Match " + shown(ifMatch) + " 不是本服务给出的 ETag；请重新读取要素以取得当前 ETag",
                            "If-Match " + shown(ifMatch) + " is not an ETag this server gave; read the feature "
                                    + "again for its current ETag"), Map.of("header", Http.IF_MATCH));
        }

        private static String shown(String ifMatch) {
            return ifMatch.length() > 80 ? ifMatch.substring(0, 80) + "…" : ifMatch;
        }
    }
}
