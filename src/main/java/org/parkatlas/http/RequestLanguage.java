package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Language;

import java.util.List;
import java.util.Locale;

/**
 * The language a request wants its messages in: the {@code lang} parameter if it names one ({@code zh-CN}, {@code en}),
 * else the first of zh or en in {@code Accept-Language} (by the client's order of preference), else zh-CN.
 */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    public static Language of(HttpServletRequest request) {
        String lang;
        try {
            lang = request.getParameter(Http.LANG);
        } catch (IllegalStateException e) {
            lang = null; // a query string that cannot be decoded: its own problem says so, in the header's language
        }
        if (lang != null && (lang.trim().toLowerCase(Locale.ROOT).startsWith("en")
                || lang.trim().toLowerCase(Locale.ROOT).startsWith("zh"))) {
            return Language.of(lang);
        }
        // a lang that names neither language (lang=%00, lang=fr) leaves the choice to the header
        return ofHeader(request.getHeader("Accept-Language"));
    }

    /** The language an {@code Accept-Language} header asks for first, of zh and en; zh-CN when none or unreadable. */
    public static Language ofHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.ZH; // the servlet container would answer its own default locale
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage); // sorted by q, best first
        } catch (IllegalArgumentException e) {
            return Language.ZH;
        }
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
            if (primary.equals("en")) {
                return Language.EN;
            }
            if (primary.equals("zh")) {
                return Language.ZH;
            }
        }
        return Language.ZH;
    }
}
