package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every OGC API contract again, on a service that runs on PostGIS (seeded on first start like the embedded store).
 * The nested classes share one server and one database.
 */
@RequiresPostgis
class OgcApiPostgisTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }

    @Nested
    class Core extends OgcApiCoreContract {
    }

    @Nested
    class Errors extends OgcApiErrorsContract {
    }

    @Nested
    class Crs extends OgcApiCrsContract {
    }

    @Nested
    class Filter extends OgcApiFilterContract {
    }

    @Nested
    class Transactions extends TransactionsContract {
    }

    @Nested
    class InternalAttributes extends InternalAttributesContract {
    }

    @Nested
    class SavedQueries extends org.parkatlas.queries.SavedQueriesContract {
    }

    @Nested
    class Downloads extends org.parkatlas.exchange.DownloadsContract {
    }

    @Nested
    class Statistics extends org.parkatlas.statistics.StatisticsContract {
    }

    @Nested
    class RealClients extends RealClientsContract {
    }

    @Nested
    class RegionalAssessments extends RegionalAssessmentsContract {
    }

    @Nested
    class Enquiries extends org.parkatlas.enquiry.EnquiriesContract {
    }

    @Nested
    class Finder extends org.parkatlas.finder.FinderContract {
    }

    @Nested
    class BadInputCorpus extends org.parkatlas.reliability.BadInputCorpusContract {
    }

    @Nested
    class ConcurrentEditors extends org.parkatlas.reliability.ConcurrentEditorsContract {
    }
}
