package org.parkatlas.account;

import java.util.Set;

/** Someone who signs in: a user name, the hash of their password (never the password) and their roles. */
record Account(String username, String passwordHash, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
