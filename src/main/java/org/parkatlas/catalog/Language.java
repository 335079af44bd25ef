package org.parkatlas.catalog;

import java.util.Locale;

/** The two languages the park works in; zh-CN is the default wherever a request does not say. */
public enum Language {
    ZH("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, for {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    /** The language a tag or code names: English for {@code en}, {@code en-GB} …; Chinese for anything else. */
    public static Language of(String tag) {
        return tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}
