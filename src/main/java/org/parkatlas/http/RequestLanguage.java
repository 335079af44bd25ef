package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Language;

import java.util.Locale;

/**
 * The language a request wants its messages in: the {@code lang} parameter if given ({@code zh-CN}, {@code en}),
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
        if (lang != null && !lang.isBlank()) {
            return Language.of(lang);
        }
        if (request.getHeader("Accept-Language") == null) {
            return Language.ZH; // the servlet container would answer its own default locale
        }
        for (Locale locale : java.util.Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("en")) {
                return Language.EN;
            }
            if (locale.getLanguage().equals("zh")) {
                return Language.ZH;
            }
        }
        return Language.ZH;
    }
}
