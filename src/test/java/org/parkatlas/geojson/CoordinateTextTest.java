package org.parkatlas.geojson;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast coordinate text says exactly what BigDecimal's half-up rounding says, on every kind of value. */
class CoordinateTextTest {

    private static String expected(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Test
    void equalsBigDecimalOnAMillionCoordinates() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 1_000_000; i++) {
            double lon = 111.5 + random.nextDouble() * 0.2;
            double northing = 4_000_000 + random.nextDouble() * 10_000;
            double anywhere = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-9, 16));
            for (int decimals : new int[]{3, 7}) {
                assertThat(GeoJsonGeometry.round(lon, decimals)).isEqualTo(expected(lon, decimals));
                assertThat(GeoJsonGeometry.round(-lon, decimals)).isEqualTo(expected(-lon, decimals));
                assertThat(GeoJsonGeometry.round(northing, decimals)).isEqualTo(expected(northing, decimals));
                assertThat(GeoJsonGeometry.round(anywhere, decimals)).as("%s", anywhere)
                        .isEqualTo(expected(anywhere, decimals));
            }
        }
    }

    @Test
    void halvesZerosAndTheEdges() {
        double[] values = {0, -0.0, 0.5, -0.5, 0.00000005, -0.00000005, 0.00000015, 111.60073165, 111.6007317,
                1e-12, -1e-12, 123456789.0, 1e15, -1e15, 9.99999995, 36.1583458, 2.5e-8, 0.1 + 0.2};
        for (double value : values) {
            for (int decimals : new int[]{0, 1, 3, 7, 9}) {
                assertThat(GeoJsonGeometry.round(value, decimals)).as("%s to %d", value, decimals)
                        .isEqualTo(expected(value, decimals));
            }
        }
    }
}
