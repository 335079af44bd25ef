/**
 * Accounts and roles (admin, planner, analyst): who may change the park's data. Passwords are kept only as hashes;
 * the first admin comes from {@code parkatlas.bootstrap.*}. Start from {@code SecurityConfiguration}.
 */
package org.parkatlas.account;
