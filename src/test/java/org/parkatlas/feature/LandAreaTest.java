package org.parkatlas.feature;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LandAreaTest {

    @Test
    void oneMuIsTenThousandFifteenthsOfASquareMetre() {
        assertThat(LandArea.ofMu(1).squareMetres()).isCloseTo(666.67, within(0.005));
        assertThat(LandArea.ofMu(15).squareMetres()).isCloseTo(10_000, within(1e-9)); // 15 mu = 1 ha
        assertThat(new LandArea(1_000_000).mu()).isCloseTo(1_500, within(1e-9));     // 1 km² = 1 500 mu
    }

    @Test
    void measuresAProjectedPolygon() throws Exception {
        // a 200 m × 100 m block: 20 000 m² = 30 mu
        LandArea area = LandArea.of(new WKTReader().read(
                "POLYGON ((555000 4004000, 555200 4004000, 555200 4004100, 555000 4004100, 555000 4004000))"));
        assertThat(area.roundedSquareMetres()).isEqualTo(20_000.0);
        assertThat(area.roundedMu()).isEqualTo(30.0);
    }
}
