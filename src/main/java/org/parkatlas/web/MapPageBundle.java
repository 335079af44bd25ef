package org.parkatlas.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map page as few files: {@code index.html} with its stylesheets as one ({@code /css/bundle/index.css}) and its
 * modules as one script ({@code /js/bundle/app.js}, {@link ModuleBundler}), the editor's modules as a second that only
 * planners load. Made from the page's own files on the class path, again whenever one of them changes (checked at
 * most every two seconds, and only where they are files on disk: a jar's cannot change), so the page's sources stay the files a developer edits. With
 * {@code parkatlas.web.bundle=false} the page is served as written, a file per module.
 */
@Component
class MapPageBundle {

    /** A file of the bundle: its text, type and ETag. */
    record Part(String text, String contentType, String etag) {
    }

    static final String CSS = "/css/bundle/index.css";
    static final String SCRIPT_PREFIX = "/js/bundle/";
    private static final String ENTRY = "app.js";
    private static final Pattern STYLESHEET = Pattern.compile(
            "[ \\t]*<link rel=\"stylesheet\" href=\"/css/([\\w-]+\\.css)\">\\r?\\n");
    private static final Pattern MODULE = Pattern.compile("<script type=\"module\" src=\"/js/" + ENTRY + "\"></script>");
    private static final long RECHECK_MILLIS = 2_000;

    private final ResourcePatternResolver resources;
    private final boolean enabled;
    /** Whether the page's files can change under the running service: files on disk, not entries of its jar. */
    private final boolean editable;
    private volatile Built built;
    private volatile long checkedAt;

    private record Built(long stamp, Map<String, Part> parts) {
    }

    MapPageBundle(ResourcePatternResolver resources, @Value("${parkatlas.web.bundle:true}") boolean enabled) {
        this.resources = resources;
        this.enabled = enabled;
        this.editable = editable(resources);
        current(); // a page the bundler cannot take stops the service here, not at the first visit
    }

    boolean enabled() {
        return enabled;
    }

    /** The page ({@code /index.html}) or one of its bundled files by path; null when there is no such part. */
    Part part(String path) {
        return current().parts().get(path);
    }

    private Built current() {
        Built known = built;
        long now = System.currentTimeMillis();
        if (known != null && (!editable || now - checkedAt < RECHECK_MILLIS)) {
            return known;
        }
        synchronized (this) {
            long stamp = stamp();
            checkedAt = now;
            if (built == null || built.stamp() != stamp) {
                built = new Built(stamp, build());
            }
            return built;
        }
    }

    private Map<String, Part> build() {
        String page = read("static/index.html");
        if (page == null) {
            throw new IllegalStateException("no static/index.html on the class path");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        if (!enabled) {
            parts.put("/index.html", part(page, "text/html;charset=UTF-8"));
            return parts;
        }
        StringBuilder css = new StringBuilder();
        List<String> sheets = new ArrayList<>();
        Matcher sheet = STYLESHEET.matcher(page);
        StringBuilder html = new StringBuilder();
        while (sheet.find()) {
            sheets.add(sheet.group(1));
            String text = read("static/css/" + sheet.group(1));
            if (text == null) {
                throw new IllegalStateException("index.html links /css/" + sheet.group(1) + ", which is not there");
            }
            css.append("/* /css/").append(sheet.group(1)).append(" */\n").append(text).append('\n');
            sheet.appendReplacement(html, sheets.size() == 1 ? Matcher.quoteReplacement(
                    "  <link rel=\"stylesheet\" href=\"" + CSS + "\">\n") : "");
        }
        sheet.appendTail(html);
        String rewritten = MODULE.matcher(html).replaceFirst(Matcher.quoteReplacement(
                "<script type=\"module\" src=\"" + SCRIPT_PREFIX + ENTRY + "\"></script>"));
        if (rewritten.equals(html.toString())) {
            throw new IllegalStateException("index.html has no <script type=\"module\" src=\"/js/" + ENTRY
                    + "\"></script> to bundle");
        }
        ModuleBundler.Bundle bundle = new ModuleBundler(id -> read("static/js/" + id)).bundle(ENTRY);
        parts.put("/index.html", part(rewritten, "text/html;charset=UTF-8"));
        parts.put(CSS, part(css.toString(), "text/css;charset=UTF-8"));
        parts.put(SCRIPT_PREFIX + ENTRY, part(bundle.main(), "text/javascript;charset=UTF-8"));
        bundle.chunks().forEach((id, text) -> parts.put(SCRIPT_PREFIX + id, part(text,
                "text/javascript;charset=UTF-8")));
        return parts;
    }

    private static boolean editable(ResourcePatternResolver resources) {
        try {
            return resources.getResource("classpath:static/index.html").isFile();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The newest change among the page's files, with their number (a file gone changes it too). */
    private long stamp() {
        try {
            long newest = 0;
            int count = 0;
            for (String pattern : List.of("classpath:static/index.html", "classpath:static/css/*.css",
                    "classpath:static/js/**/*.js")) {
                for (Resource resource : resources.getResources(pattern)) {
                    newest = Math.max(newest, resource.lastModified());
                    count++;
                }
            }
            return newest * 31 + count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the map page's files", e);
        }
    }

    private String read(String path) {
        Resource resource = resources.getResource("classpath:" + path);
        if (!resource.exists()) {
            return null;
        }
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Part part(String text, String type) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // weak, so that the text can go gzipped (Tomcat compresses nothing that has a strong ETag)
            return new Part(text, type, "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
