package org.parkatlas.reliability;

/** The concurrent editors on the embedded H2GIS store. */
class ConcurrentEditorsTest extends ConcurrentEditorsContract {
}
