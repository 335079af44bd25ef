package org.parkatlas.ogcapi;

import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC API error contract on PostGIS. */
@RequiresPostgis
class OgcApiErrorsPostgisTest extends OgcApiErrorsContract {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }
}
