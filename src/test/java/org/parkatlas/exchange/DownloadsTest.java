package org.parkatlas.exchange;

/** Downloads on the embedded H2GIS store. */
class DownloadsTest extends DownloadsContract {
}
