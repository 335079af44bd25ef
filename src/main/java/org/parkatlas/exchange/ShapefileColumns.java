package org.parkatlas.exchange;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dBASE names of a layer's attributes. A dBASE field name holds 10 characters, so {@code industrial_park}
 * becomes {@code industrial} and {@code regional_assessments} {@code regional_a}; where two names would meet, the
 * later one ends in a number ({@code plot_rat_2}). Worked out over the whole schema in catalogue order, so a
 * download with fewer columns names each the same and the reader maps every one back. The Chinese label of each
 * field goes into the zip as well (a {@code .txt} legend), since a DBF has no room for it.
 */
final class ShapefileColumns {

    static final String ID = "id";

    private final Map<String, String> shortByName = new LinkedHashMap<>();
    private final Map<String, String> nameByShort = new HashMap<>();

    ShapefileColumns(Layer layer) {
        List<String> names = new ArrayList<>();
        names.add(ID);
        layer.attributes().forEach(a -> names.add(a.name()));
        layer.derivedAttributes().forEach(a -> names.add(a.name()));
        for (String name : names) {
            String candidate = name.length() <= 10 ? name : name.substring(0, 10);
            for (int n = 2; nameByShort.containsKey(candidate.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                candidate = name.substring(0, Math.min(name.length(), 10 - suffix.length())) + suffix;
            }
            shortByName.put(name, candidate);
            nameByShort.put(candidate.toLowerCase(Locale.ROOT), name);
        }
    }

    String shortName(String name) {
        return shortByName.get(name);
    }

    /** The attribute (or {@code id}) a field of a file names, by its short or full name, in any letter case. */
    Optional<String> nameOf(String field) {
        String key = field.toLowerCase(Locale.ROOT);
        if (nameByShort.containsKey(key)) {
            return Optional.of(nameByShort.get(key));
        }
        return shortByName.keySet().stream().filter(n -> n.equalsIgnoreCase(field)).findFirst();
    }

    /** The English label with its unit, unless the label already says it ("Area (m²)"). */
    static String withUnit(Attribute attribute) {
        String label = attribute.label().en();
        return attribute.unit() == null || label.contains(attribute.unit()) ? label : label + " (" + attribute.unit()
                + ")";
    }

    /** The legend: each field's dBASE name, full name and labels. */
    String legend(List<Attribute> attributes) {
        StringBuilder text = new StringBuilder("field\tname\t中文\tEnglish\r\n");
        text.append(ID).append('\t').append(ID).append("\t编号\tid\r\n");
        for (Attribute attribute : attributes) {
            text.append(shortName(attribute.name())).append('\t').append(attribute.name()).append('\t')
                    .append(attribute.label().zh()).append('\t').append(withUnit(attribute)).append("\r\n");
        }
        return text.toString();
    }
}
