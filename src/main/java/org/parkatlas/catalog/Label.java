package org.parkatlas.catalog;

/** A text in the two languages the park works in: zh-CN first, English second. */
public record Label(String zh, String en) {

    public static Label of(String zh, String en) {
        return new Label(zh, en);
    }

    /** The text in one of the two languages. */
    public String in(Language language) {
        return language == Language.EN ? en : zh;
    }
}
