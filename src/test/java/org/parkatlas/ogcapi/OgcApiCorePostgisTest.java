package org.parkatlas.ogcapi;

import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC API core contract on PostGIS, seeded on first start like the embedded store. */
@RequiresPostgis
class OgcApiCorePostgisTest extends OgcApiCoreContract {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }
}
