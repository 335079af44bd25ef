package org.parkatlas.finder;

import org.parkatlas.feature.SortKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an investor looks for, every part optional. Lists mean "any of"; numbers are the investor's own figures:
 * {@code maxInvestment} is the fixed-asset investment per mu they can commit to (a parcel asking more is out),
 * {@code minFar}–{@code maxFar} the floor-area ratio they plan (a parcel whose allowed range does not meet it is out),
 * {@code near} a gateway or facility kind within {@code withinMetres}.
 *
 * @param readyBy parcels with every item of the standard met by this day
 * @param needs   readiness items that must be met (as of {@code readyBy}, else as of the read's day)
 */
public record FinderCriteria(List<String> industrialParks, List<String> zones, Double minMu, Double maxMu,
                             List<String> statuses, boolean standardLandOnly, List<String> landUses,
                             LocalDate readyBy, List<String> needs, Double maxInvestment, Double maxTax,
                             Double minFar, Double maxFar, String near, Double withinMetres, List<SortKey> sort) {

    public FinderCriteria {
        industrialParks = List.copyOf(industrialParks);
        zones = List.copyOf(zones);
        statuses = List.copyOf(statuses);
        landUses = List.copyOf(landUses);
        needs = List.copyOf(needs);
        sort = List.copyOf(sort);
    }

    /**
     * The criteria as one CQL2 text filter over the parcels' queryables ({@code TRUE} when nothing is asked). Every
     * value has been checked by the caller against its attribute's codes or parsed as a number or date, and text is
     * quoted the CQL2 way, so nothing a user types can change the filter's shape.
     */
    public String toCql2() {
        List<String> parts = new ArrayList<>();
        anyOf(parts, "industrial_park", industrialParks);
        anyOf(parts, "zone", zones);
        if (minMu != null) {
            parts.add("area_mu >= " + number(minMu));
        }
        if (maxMu != null) {
            parts.add("area_mu <= " + number(maxMu));
        }
        anyOf(parts, "status", statuses);
        if (standardLandOnly) {
            parts.add("standard_land = TRUE");
        }
        anyOf(parts, "land_use", landUses);
        if (readyBy != null) {
            parts.add("ready_date <= DATE('" + readyBy + "')");
        }
        for (String item : needs) {
            parts.add("readiness_" + item + " = TRUE");
        }
        if (maxInvestment != null) {
            parts.add("(min_investment_wan_per_mu IS NULL OR min_investment_wan_per_mu <= " + number(maxInvestment) + ")");
        }
        if (maxTax != null) {
            parts.add("(min_tax_wan_per_mu IS NULL OR min_tax_wan_per_mu <= " + number(maxTax) + ")");
        }
        if (maxFar != null) {
            parts.add("(min_far IS NULL OR min_far <= " + number(maxFar) + ")");
        }
        if (minFar != null) {
            parts.add("(max_far IS NULL OR max_far >= " + number(minFar) + ")");
        }
        if (near != null && withinMetres != null) {
            parts.add(near + "_distance_m <= " + number(withinMetres));
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    private static void anyOf(List<String> parts, String property, List<String> values) {
        if (values.size() == 1) {
            parts.add(property + " = " + quoted(values.get(0)));
        } else if (!values.isEmpty()) {
            parts.add(property + " IN (" + String.join(", ", values.stream().map(FinderCriteria::quoted).toList())
                    + ")");
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
