package org.parkatlas.statistics;

/** Statistics on the embedded H2GIS store. */
class StatisticsTest extends StatisticsContract {
}
