package org.parkatlas.efficiency;

import java.util.List;

/** The indicators a firm can be measured by, worked out from its year's figures and its land. */
final class Indicators {

    static final List<String> KNOWN = List.of("tax_per_mu", "sales_per_mu", "value_added_per_mu",
            "value_added_per_energy", "value_added_per_emission", "rd_intensity", "labour_productivity");

    private Indicators() {
    }

    /** The indicator's value, or null where a figure it needs is missing (or it would divide by nothing). */
    static Double value(String id, Firm.Year figures, double landMu) {
        return switch (id) {
            case "tax_per_mu" -> per(figures.taxWan(), landMu);
            case "sales_per_mu" -> per(figures.salesWan(), landMu);
            case "value_added_per_mu" -> per(figures.valueAddedWan(), landMu);
            case "value_added_per_energy" -> per(figures.valueAddedWan(), figures.energyTce());
            case "value_added_per_emission" -> per(figures.valueAddedWan(), figures.emissionsT());
            case "rd_intensity" -> per(figures.rdWan(), figures.salesWan());
            case "labour_productivity" -> per(figures.valueAddedWan(), figures.employees() == null ? null
                    : figures.employees().doubleValue());
            default -> throw new IllegalArgumentException("no indicator " + id);
        };
    }

    private static Double per(Double amount, Double base) {
        return amount == null || base == null || base <= 0 ? null : amount / base;
    }
}
