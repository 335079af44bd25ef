package org.parkatlas.account;

import java.net.URI;

/**
 * The Content-Security-Policy every answer carries: scripts, styles and fonts only from the service itself (the map
 * has no inline script or style), images from itself, {@code data:} and the configured basemap's host, nothing
 * framed or framing. A stored {@code <img onerror>} in a name could not run even if it reached the page as HTML.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** The policy for a basemap URL template such as {@code https://{s}.tiles.example/{z}/{x}/{y}.png} (or none). */
    static String of(String basemapUrl) {
        return of(basemapUrl == null ? java.util.List.of() : java.util.List.of(basemapUrl));
    }

    /** The policy for every basemap URL template the map may load tiles from. */
    static String of(java.util.List<String> basemapUrls) {
        String tiles = basemapUrls.stream().map(ContentSecurityPolicy::tileSource).filter(s -> !s.isEmpty())
                .distinct().collect(java.util.stream.Collectors.joining(" "));
        return "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; "
                + "img-src 'self' data: blob:" + (tiles.isEmpty() ? "" : " " + tiles) + "; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The basemap's scheme and host as a CSP source, its {@code {s}} subdomain as a wildcard; empty when none. */
    static String tileSource(String basemapUrl) {
        if (basemapUrl == null || basemapUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(basemapUrl.trim().replace("{s}", "s-sub").replaceAll("\\{[a-z]+}", "0"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            // a subdomain in the first label (t{s}.tianditu.gov.cn, webrd0{s}.…) makes that whole label a wildcard
            String host = uri.getHost().contains("s-sub") ? "*" + uri.getHost().substring(uri.getHost().indexOf('.'))
                    : uri.getHost();
            return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return ""; // an unusable basemap URL draws nothing anyway
        }
    }
}
