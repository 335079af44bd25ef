package org.parkatlas.crs;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReprojectorTest {

    @Test
    void gantingCheckValueInGaussKrugerZone111() {
        // domain check value: 36.17°N 111.62°E → EPSG:4546 N 4 004 584, E 555 782
        Coordinate projected = Reprojector.transform(new Coordinate(111.62, 36.17), Crs.CRS84,
                Crs.CGCS2000_GK_CM_111E);
        assertThat(projected.x).isCloseTo(555_782, within(1.0));
        assertThat(projected.y).isCloseTo(4_004_584, within(1.0));
    }

    @Test
    void roundTripKeepsCoordinatesToTheMillimetre() {
        Coordinate start = new Coordinate(111.6234567, 36.1765432);
        Coordinate back = Reprojector.transform(Reprojector.transform(start, Crs.CRS84, Crs.CGCS2000_GK_CM_111E),
                Crs.CGCS2000_GK_CM_111E, Crs.CRS84);
        assertThat(back.x).isCloseTo(start.x, within(1e-8));
        assertThat(back.y).isCloseTo(start.y, within(1e-8));
    }

    @Test
    void envelopeTransformCoversTheWholeBox() {
        Envelope lonLat = new Envelope(111.60, 111.64, 36.16, 36.18);
        Envelope metres = Reprojector.transform(lonLat, Crs.CRS84, Crs.CGCS2000_GK_CM_111E);
        for (double x = 111.60; x <= 111.64; x += 0.005) {
            for (double y = 36.16; y <= 36.18; y += 0.005) {
                Coordinate c = Reprojector.transform(new Coordinate(x, y), Crs.CRS84, Crs.CGCS2000_GK_CM_111E);
                assertThat(metres.covers(c)).as("%s,%s", x, y).isTrue();
            }
        }
    }

    @Test
    void registryFindsCrsByUriCodeAndCurie() {
        assertThat(CrsRegistry.find("http://www.opengis.net/def/crs/EPSG/0/4546")).contains(Crs.CGCS2000_GK_CM_111E);
        assertThat(CrsRegistry.find("EPSG:4490")).contains(Crs.CGCS2000);
        assertThat(CrsRegistry.find("[EPSG:3857]")).contains(Crs.WEB_MERCATOR);
        assertThat(CrsRegistry.find("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).contains(Crs.CRS84);
        assertThat(CrsRegistry.find("EPSG:2382")).isEmpty();
        assertThat(Crs.CGCS2000.swapsAxes()).isTrue();
        assertThat(Crs.CGCS2000_GK_CM_111E.swapsAxes()).isTrue();
        assertThat(Crs.CRS84.swapsAxes()).isFalse();
    }
}
