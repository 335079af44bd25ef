package org.parkatlas.editing;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.store.FeatureStore;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way anything is written to the park's layers — the OGC API, the map, split and merge, restore, imports
 * and the seeding all come through here. A write is one transaction that first takes the park's write lock, so
 * writers take turns and each one's rules see the park as the writer before left it (eight parcels drawn on the same
 * spot at once: one is stored, seven are refused). Inside it the layers' rules and history run, contributed by the
 * modules that own the layers ({@link LayerRules}, {@link LayerHistory}); after it commits, the change is announced
 * ({@link org.parkatlas.feature.LayerChanged}) for what is derived from the layers to follow.
 */
@Service
public class FeatureWriter {

    private static final Logger log = LoggerFactory.getLogger(FeatureWriter.class);

    private final Catalog catalog;
    private final FeatureStore store;
    private final List<LayerRules> rules;
    private final List<LayerHistory> histories;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Limits limits;

    public FeatureWriter(Catalog catalog, FeatureStore store, List<LayerRules> rules, List<LayerHistory> histories,
                         ApplicationEventPublisher events, PlatformTransactionManager transactions, Limits limits) {
        this.catalog = catalog;
        this.limits = limits;
        this.store = store;
        this.rules = List.copyOf(rules);
        this.histories = List.copyOf(histories);
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} as one write by {@code actor}: all of it is kept, or — when it throws, or a rule is broken
     * anywhere in it ({@link RuleViolationException}) — none of it.
     */
    public <T> T write(String actor, Function<WriteBatch, T> work) {
        return transaction.execute(status -> {
            store.lockForWrite();
            WriteBatch batch = new WriteBatch(store, catalog, rules, histories, limits, actor);
            T answer = work.apply(batch);
            batch.finish();
            // announced once the outermost transaction has committed: never for a write that is rolled back
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(batch.changes());
                }
            });
            return answer;
        });
    }

    /** A listener that fails must not turn a committed write into an error, nor keep the others from hearing of it. */
    private void announce(List<LayerChanged> changes) {
        for (LayerChanged change : changes) {
            try {
                events.publishEvent(change);
            } catch (RuntimeException e) {
                log.error("A listener failed on {} after the write had committed", change, e);
            }
        }
    }

    /** The short name of every rule a write can break, by rule id: the common ones and every layer's. */
    public Map<String, Label> ruleNames() {
        Map<String, Label> names = new TreeMap<>(InputRules.NAMES);
        rules.forEach(r -> names.putAll(r.ruleNames()));
        return names;
    }

    /** Adds one feature (a missing id is generated), as drawn by {@code actor}. */
    public Feature create(Layer layer, Feature feature, String actor) {
        return write(actor, batch -> batch.create(layer, feature, WriteOperation.CREATE, null));
    }

    /** Replaces one feature, from {@code expectedVersion} when given; empty when there is no such feature. */
    public Optional<Feature> replace(Layer layer, Feature feature, Long expectedVersion, String actor) {
        return write(actor, batch -> batch.replace(layer, feature, expectedVersion, WriteOperation.EDIT, null));
    }

    /** Retires one feature, from {@code expectedVersion} when given; false when there is no such feature. */
    public boolean delete(Layer layer, String id, Long expectedVersion, String actor) {
        return write(actor, batch -> batch.retire(layer, id, expectedVersion, WriteOperation.RETIRE, null))
                .isPresent();
    }
}
