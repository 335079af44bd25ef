package org.parkatlas.store;

import org.parkatlas.feature.LayerChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Several instances of the service on one PostGIS hear of each other's writes through PostgreSQL's own
 * {@code LISTEN/NOTIFY}: every committed write this instance announces ({@link LayerChanged}) is sent on the channel
 * {@code parkatlas_changes}, and every one another instance sends is announced here as if it had been written here —
 * so readiness, tiles, the data's ETags and the GeoPackage follow at once, with nothing in front of the instances.
 * Notifications are sent after the commit (as the announcement is); one instance ignores its own.
 */
@Component
@ConditionalOnProperty(name = "parkatlas.store", havingValue = "postgis")
class ChangeFeed {

    static final String CHANNEL = "parkatlas_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** Set while a change heard from another instance is announced here, so that it is not sent back out. */
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final String instance = UUID.randomUUID().toString();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    ChangeFeed(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
        this.listener = new Thread(this::listen, "parkatlas-change-feed");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @EventListener
    void sent(LayerChanged change) {
        if (REPLAYING.get()) {
            return;
        }
        try {
            jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, instance + "|" + change.layerId()
                    + "|" + (change.featureId() == null ? "" : change.featureId()));
        } catch (RuntimeException e) {
            // the write stands; the other instances catch up at their next change, or restart
            log.warn("Could not tell the other instances of {}: {}", change, e.toString());
        }
    }

    private void listen() {
        long wait = 500;
        while (running) {
            try (Connection held = dataSource.getConnection(); Statement statement = held.createStatement()) {
                connection = held;
                held.setAutoCommit(true);
                statement.execute("LISTEN " + CHANNEL);
                log.info("Listening for the other instances' writes on {}", CHANNEL);
                PGConnection pg = held.unwrap(PGConnection.class);
                wait = 500;
                while (running) {
                    PGNotification[] heard = pg.getNotifications(500);
                    if (heard == null) {
                        continue;
                    }
                    for (PGNotification notification : heard) {
                        replay(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The change feed lost its connection ({}); listening again in {} ms", e.toString(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = Math.min(wait * 2, 30_000);
            }
        }
    }

    private void replay(String payload) {
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3 || parts[0].equals(instance)) {
            return; // one's own, or not ParkAtlas's
        }
        log.debug("Heard from another instance: {}", payload);
        REPLAYING.set(true);
        try {
            events.publishEvent(parts[2].isEmpty() ? new LayerChanged(parts[1]) : new LayerChanged(parts[1], parts[2]));
        } catch (RuntimeException e) {
            log.error("A listener failed on a change heard from another instance: {}", payload, e);
        } finally {
            REPLAYING.set(false);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        running = false;
        listener.interrupt();
        Connection held = connection;
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                // stopping anyway
            }
        }
    }
}
