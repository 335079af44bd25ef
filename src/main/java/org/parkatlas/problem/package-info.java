/**
 * The one problem hierarchy: every refusal the service makes is a {@link org.parkatlas.problem.Problem} carrying its
 * HTTP status, a {@link org.parkatlas.problem.ProblemType type URI} and its words in zh-CN and English. Modules throw
 * their own subclasses (a broken rule, a stale version, an unreadable file); the HTTP edge writes them all one way.
 */
package org.parkatlas.problem;
