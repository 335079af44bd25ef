package org.parkatlas.readiness;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The park's readiness rules, all configurable under {@code parkatlas.readiness.*}.
 *
 * @param standard          {@code seven} (七通一平, the default) or {@code nine} (九通一平)
 * @param snapTolerance     metres within which line vertices count as connected (default 0.5)
 * @param serviceDistance   metres from the parcel within which a line of each utility serves it (default 50)
 * @param frontageExtra     metres beyond half a road's red-line width within which the road fronts the parcel
 *                          (default 10)
 */
@ConfigurationProperties("parkatlas.readiness")
record ReadinessProperties(String standard, Double snapTolerance, Map<String, Double> serviceDistance,
                                  Double frontageExtra) {

    private static final double DEFAULT_SERVICE_DISTANCE = 50.0;

    public ReadinessProperties {
        standard = standard == null || standard.isBlank() ? "seven" : standard.trim().toLowerCase();
        if (!standard.equals("seven") && !standard.equals("nine")) {
            throw new IllegalArgumentException("parkatlas.readiness.standard must be seven or nine, not " + standard);
        }
        snapTolerance = snapTolerance == null ? 0.5 : snapTolerance;
        serviceDistance = serviceDistance == null ? Map.of() : Map.copyOf(new HashMap<>(serviceDistance));
        frontageExtra = frontageExtra == null ? 10.0 : frontageExtra;
    }

    public static ReadinessProperties defaults() {
        return new ReadinessProperties(null, null, null, null);
    }

    public List<ReadinessItem> items() {
        return standard.equals("nine") ? ReadinessItem.NINE : ReadinessItem.SEVEN;
    }

    public double serviceDistance(String utility) {
        return serviceDistance.getOrDefault(utility, DEFAULT_SERVICE_DISTANCE);
    }
}
