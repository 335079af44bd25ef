/**
 * The one write path of the park (一个写入口): {@link org.parkatlas.editing.FeatureWriter} writes every change to
 * every layer — OGC API, map, split and merge, imports, seeding — as one transaction under the park's write lock,
 * running the common input rules and the rules and history that the module owning each layer contributes
 * ({@link org.parkatlas.editing.LayerRules}, {@link org.parkatlas.editing.LayerHistory}). A refusal is a
 * {@link org.parkatlas.editing.RuleViolationException} listing every {@link org.parkatlas.editing.RuleViolation}
 * with where it is broken. Start from {@code FeatureWriter}, then {@code WriteBatch}.
 */
package org.parkatlas.editing;
