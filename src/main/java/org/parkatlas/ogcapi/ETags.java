package org.parkatlas.ogcapi;

import org.parkatlas.feature.Feature;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Entity tags of features: the stored version, quoted. {@code If-Match} with the tag a client read makes its write
 * conditional on nobody having changed the feature since.
 */
final class ETags {

    private ETags() {
    }

    static String of(Feature feature) {
        return "\"" + feature.version() + "\"";
    }

    /** The version an {@code If-Match} asks for; null when absent or {@code *} (any version). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", "If-Match " + ifMatch
                    + " is not an ETag this server gave; read the feature again for its current ETag",
                    Map.of("header", "If-Match"));
        }
    }
}
