package org.parkatlas.parcel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tolerances of the parcel layer's topology rules, under {@code parkatlas.parcels.*}.
 *
 * @param overlapTolerance   m² two parcels may overlap by (digitising noise); touching is always fine (0.1)
 * @param redLineTolerance   m² a parcel may reach into a road's red-line corridor (0.1)
 * @param minAreaMu          the smallest parcel, in mu (1)
 * @param minCompactness     the smallest Polsby–Popper ratio 4πA/P² before a parcel is a sliver (0.1; a square is
 *                           0.785, a 1:20 strip 0.14)
 * @param corridorTolerance  m² a parcel may reach into an ecological corridor (0.1)
 */
@ConfigurationProperties("parkatlas.parcels")
record ParcelRules(Double overlapTolerance, Double redLineTolerance, Double minAreaMu,
                          Double minCompactness, Double corridorTolerance) {

    public ParcelRules {
        overlapTolerance = overlapTolerance == null ? 0.1 : overlapTolerance;
        redLineTolerance = redLineTolerance == null ? 0.1 : redLineTolerance;
        minAreaMu = minAreaMu == null ? 1.0 : minAreaMu;
        minCompactness = minCompactness == null ? 0.1 : minCompactness;
        corridorTolerance = corridorTolerance == null ? 0.1 : corridorTolerance;
    }

    public static ParcelRules defaults() {
        return new ParcelRules(null, null, null, null, null);
    }
}
