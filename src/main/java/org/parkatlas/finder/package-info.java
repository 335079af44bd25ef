/**
 * The investor's land finder (找地 / Find land): what an investor asks for — which park or zone, how many mu, which
 * land use, ready by when, with which utilities, the investment and tax per mu they can commit to, the floor-area
 * ratio they plan, how near a gateway or a plant — written as one CQL2 filter ({@link
 * org.parkatlas.finder.FinderCriteria#toCql2()}) and run through the same parser, binder and feature source as any
 * CQL2 filter ({@link org.parkatlas.finder.Finder}). The HTTP door, {@code GET /api/finder}, lives in
 * {@code internal}.
 */
package org.parkatlas.finder;
