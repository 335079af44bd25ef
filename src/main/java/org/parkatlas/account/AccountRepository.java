package org.parkatlas.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Accounts kept in the feature store's database, in the {@code accounts} table. */
@Repository
class AccountRepository {

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT username, password_hash, roles FROM accounts WHERE username = ?",
                (rs, n) -> new Account(rs.getString(1), rs.getString(2), Arrays.stream(rs.getString(3).split(","))
                        .filter(r -> !r.isBlank()).map(Role::fromId).collect(Collectors.toSet())), username)
                .stream().findFirst();
    }

    List<Account> all() {
        return jdbc.query("SELECT username FROM accounts ORDER BY username", (rs, n) -> rs.getString(1)).stream()
                .map(name -> find(name).orElseThrow()).toList();
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Long.class);
        return count == null ? 0 : count;
    }

    void create(Account account) {
        jdbc.update("INSERT INTO accounts (username, password_hash, roles, created_at) VALUES (?, ?, ?, ?)",
                account.username(), account.passwordHash(),
                account.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")),
                Timestamp.from(Instant.now()));
    }
}
