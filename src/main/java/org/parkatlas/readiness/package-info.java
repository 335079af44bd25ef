/**
 * Parcel readiness, 七通一平 / 九通一平, computed from the infrastructure layers rather than typed in: for each item,
 * the date from which it is met, what meets it and why it is not met yet. Start from
 * {@link org.parkatlas.readiness.ReadinessEngine} (pure computation) and
 * {@link org.parkatlas.readiness.ReadinessService} (kept up to date from the store).
 */
package org.parkatlas.readiness;
