/**
 * What-if scenarios over the park's works: "the sewage plant opens six months late", "中央大道西延 first". A
 * scenario is a named change — schedules overridden, works removed, scenario-only works added — kept as a document,
 * never as copied layers; readiness answers for it with the same engine ({@link org.parkatlas.readiness.WhatIfs}),
 * and every reader takes {@code scenario=<id>}. {@link org.parkatlas.scenario.Scenarios} is the module's door:
 * planners write scenarios there in one transaction with their history, compare them with the park as planned, and
 * apply one, which turns it into ordinary edits through the one write path.
 */
package org.parkatlas.scenario;
