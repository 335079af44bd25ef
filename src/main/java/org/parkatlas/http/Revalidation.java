package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Audience;
import org.parkatlas.store.DataVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Conditional GETs for answers that follow the park's data as a whole (a layer's items, the map's configuration,
 * the readiness of every parcel): their ETag names the data's state ({@link DataVersion}) — the day (readiness is "as of today"), the reader's audience and the request itself, so a
 * browser revalidates on each visit ({@code Cache-Control: no-cache}) and gets a 304 of a few hundred bytes until
 * something is written. Known before the answer is worked out, so a 304 costs no query.
 */
@Component
public class Revalidation {

    private final DataVersion version;
    private final Clock clock;

    public Revalidation(DataVersion version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    /**
     * Sets the ETag and caching headers of the answer about to be written; answers 304 and true when the client's
     * copy is current (then nothing more is to be written).
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response) {
        Audience audience = RequestAudience.of(request);
        // weak: the same answer gzipped or not is the same to the reader, and Tomcat compresses none with a strong one
        String etag = "W/\"d" + version.current() + "-" + LocalDate.now(clock) + "-" + audience.name().toLowerCase() + "-"
                + digest(request) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, audience == Audience.PUBLIC ? "no-cache" : "private, no-cache");
        response.addHeader(HttpHeaders.VARY, "Accept, Accept-Language, Authorization, Cookie");
        String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (asked != null && asked.contains(etag.substring(2))) { // weak comparison (RFC 9110 §8.8.3.2)
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** What the answer depends on besides the data: the URL (host included, for its links) and what was asked. */
    private static String digest(HttpServletRequest request) {
        String key = request.getRequestURL() + "?" + request.getQueryString() + "|" + request.getHeader("Accept")
                + "|" + request.getHeader("Accept-Language");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
