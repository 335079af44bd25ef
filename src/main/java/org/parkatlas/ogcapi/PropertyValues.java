package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/** Reads a property value given as text in a URL into the attribute's Java type. */
final class PropertyValues {

    private PropertyValues() {
    }

    static Object parse(Attribute attribute, String text, String parameter) {
        if (attribute.type() == AttributeType.CODE_LIST) {
            throw ApiException.badParameter(parameter, Label.of(attribute.name() + " 是代码列表，不能作为查询参数比较",
                    attribute.name() + " is a list of codes and cannot be matched by a query parameter"));
        }
        try {
            Object value = switch (attribute.type()) {
                case STRING -> text;
                case INTEGER -> Long.parseLong(text.trim());
                case NUMBER -> Double.parseDouble(text.trim());
                case BOOLEAN -> parseBoolean(text.trim());
                case DATE -> LocalDate.parse(text.trim());
                case CODE_LIST -> throw new IllegalStateException("refused above");
            };
            if (value instanceof String s && !attribute.allows(s)) {
                String values = attribute.values().stream().map(v -> v.value()).collect(Collectors.joining(", "));
                throw ApiException.badParameter(parameter, Label.of("“" + s + "”不是 " + attribute.name()
                        + " 的可选值；可用：" + values, "\"" + s + "\" is not a value of " + attribute.name()
                        + "; use one of " + values));
            }
            return value;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiException.badParameter(parameter, Label.of(attribute.name() + " 是 "
                    + attribute.type().jsonName() + " 类型的属性；“" + text + "”不是", attribute.name() + " is a "
                    + attribute.type().jsonName() + " property; \"" + text + "\" is not one"));
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new NumberFormatException(text);
    }
}
