package org.parkatlas.store;

import org.parkatlas.feature.LayerChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of the park's data as one number: it moves on with every committed write anywhere — here or, on PostGIS,
 * in another instance ({@link LayerChanged} either way). What is kept per state of the data (tiles, the data's ETags,
 * counts) keys on it, so nothing has to be cleared by hand.
 */
@Component
public class DataVersion {

    private final AtomicLong version = new AtomicLong();

    @EventListener
    void on(LayerChanged change) {
        version.incrementAndGet();
    }

    /**
     * Something answers depend on changed outside the layers (a scenario was edited: what is read inside it is
     * different now).
     */
    public void moveOn() {
        version.incrementAndGet();
    }

    public long current() {
        return version.get();
    }
}
