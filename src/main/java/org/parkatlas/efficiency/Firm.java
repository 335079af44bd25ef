package org.parkatlas.efficiency;

import java.util.List;

/**
 * A firm as the evaluation sees it: its profile ({@code above} 规上 or {@code below} 规下), whether it is rated at all
 * (utilities, start-ups and firms still building are not), its industry chain, its land in mu, and its figures for
 * the year evaluated (null when none were reported).
 */
public record Firm(String code, String name, String scale, String status, String industryChain,
                   List<String> parcelCodes, double landMu, Year figures) {

    public Firm {
        parcelCodes = List.copyOf(parcelCodes);
    }

    /** One year's figures, in 万元, 吨标煤, 吨 and people; null where not reported. */
    public record Year(int year, Double taxWan, Double salesWan, Double valueAddedWan, Double energyTce, Double rdWan,
                       Long employees, Double emissionsT) {
    }

    /** Whether it is rated: a producing firm (utilities, start-ups and firms still building are treated as B). */
    public boolean rated() {
        return "producing".equals(status);
    }
}
