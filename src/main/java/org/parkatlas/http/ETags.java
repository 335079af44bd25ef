package org.parkatlas.http;

import org.parkatlas.feature.Feature;

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
            tag = tag.substring(2);
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
    public static final class UnusableIfMatchException extends RuntimeException {
        public UnusableIfMatchException(String ifMatch) {
            super(ifMatch.length() > 80 ? ifMatch.substring(0, 80) + "…" : ifMatch);
        }
    }
}
