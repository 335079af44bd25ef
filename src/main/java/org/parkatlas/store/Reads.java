package org.parkatlas.store;

import org.parkatlas.feature.LayerChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * Where a read of the features goes: the primary, or a PostgreSQL streaming replica
 * ({@code parkatlas.datasource.replica.*}) once the replica has replayed every write this instance knows of.
 *
 * <p>Read-your-writes without asking the client anything: each announced write ({@link LayerChanged}, after its
 * commit — here, or heard from another instance) records the primary's WAL position, which is at or past that
 * commit; a read goes to the replica only when the replica's replay position has reached it, and otherwise to the
 * primary. Once the replica is seen caught up no further question is asked until the next write, so a steady read
 * load costs the primary nothing. Reads inside a transaction (the write path's own checks) stay on its connection;
 * a replica that does not answer is left alone for a few seconds and the primary serves.
 *
 * <p>This listener runs before every other one, so that nothing that learns of a write (the data's version, the
 * caches keyed on it) can read the replica from before it.
 */
final class Reads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reads.class);
    private static final long RESTING_MILLIS = 5_000;

    /** One database to read from, with the templates the store reads through. */
    record Target(String name, JdbcTemplate jdbc, JdbcTemplate cursor, TransactionTemplate readOnly) {

        static Target over(String name, DataSource dataSource, TransactionTemplate readOnly, int fetchSize) {
            JdbcTemplate cursor = new JdbcTemplate(dataSource);
            cursor.setFetchSize(fetchSize);
            return new Target(name, new JdbcTemplate(dataSource), cursor, readOnly);
        }
    }

    private final Target primary;
    private final Target replica;
    /** The primary's WAL position after the last write this instance knows of; -1 until first asked. */
    private volatile long required = -1;
    /** The furthest replay position the replica was seen at. */
    private volatile long replayed = -1;
    private volatile long restingUntil;

    /** @param replica null when there is none */
    Reads(Target primary, Target replica) {
        this.primary = primary;
        this.replica = replica;
    }

    Target primary() {
        return primary;
    }

    /** Closes the replica's pool (the primary's belongs to Spring). */
    @Override
    public void close() throws Exception {
        if (replica != null && replica.jdbc().getDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Runs a read where it should go; a replica that fails to connect hands the read to the primary. */
    <T> T read(Function<Target, T> query) {
        Target target = target();
        if (target == primary) {
            return query.apply(primary);
        }
        try {
            return query.apply(target);
        } catch (DataAccessResourceFailureException
                 | TransientDataAccessResourceException e) {
            rest(e);
            return query.apply(primary);
        }
    }

    /** The database this thread's next read goes to. */
    Target target() {
        if (replica == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return primary;
        }
        if (System.currentTimeMillis() < restingUntil) {
            return primary;
        }
        long needed = required;
        if (needed < 0) {
            needed = primaryPosition(); // what the primary had before this instance wrote anything
        }
        if (replayed >= needed) {
            return replica;
        }
        try {
            String position = replica.jdbc().queryForObject("SELECT pg_last_wal_replay_lsn()::text", String.class);
            if (position == null) {
                log.warn("parkatlas.datasource.replica is not a standby (it replays no WAL); reading the primary");
                restingUntil = System.currentTimeMillis() + RESTING_MILLIS;
                return primary;
            }
            long at = lsn(position);
            if (at > replayed) {
                replayed = at;
            }
            return at >= needed ? replica : primary;
        } catch (RuntimeException e) {
            rest(e);
            return primary;
        }
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void written(LayerChanged change) {
        if (replica == null) {
            return;
        }
        primaryPosition();
    }

    /** Asks the primary for its WAL position and requires the replica to have replayed it. */
    private long primaryPosition() {
        long at = lsn(primary.jdbc().queryForObject("SELECT pg_current_wal_lsn()::text", String.class));
        synchronized (this) {
            if (at > required) {
                required = at;
            }
            return required;
        }
    }

    private void rest(RuntimeException e) {
        restingUntil = System.currentTimeMillis() + RESTING_MILLIS;
        log.warn("The read replica does not answer ({}); reading the primary for {} s", e.toString(),
                RESTING_MILLIS / 1000);
    }

    /** A WAL position as PostgreSQL writes it ({@code 16/B374D848}) as one number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not a WAL position: " + text);
        }
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
