/**
 * Editing the park one feature at a time: {@link org.parkatlas.editing.FeatureEditor} applies the park's rules
 * (a parcel stays inside the park …) and the optimistic version check before it writes; refusals are
 * {@link org.parkatlas.editing.RuleViolationException}s that list every broken rule with where it is broken.
 */
package org.parkatlas.editing;
