package org.parkatlas.scenario;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.WriteBatch;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.parkatlas.readiness.WhatIfs;
import org.parkatlas.readiness.WorksChange;
import org.parkatlas.store.DataVersion;
import org.parkatlas.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The scenarios module's door. Planners create, edit, share, delete and apply scenarios here, each write one
 * transaction of the {@link FeatureWriter} (the park's write lock, the scenario and its history together); the
 * park's staff read them; readiness asks for a scenario's change here ({@link WhatIfs}). An applied scenario is a
 * record: its change is in the live layers, so readiness inside it is the park's own.
 */
@Service
public class Scenarios implements WhatIfs {

    private static final Logger log = LoggerFactory.getLogger(Scenarios.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioStore store;
    private final FeatureWriter writer;
    private final Catalog catalog;
    private final ScenarioReader reader;
    private final Clock clock;
    /**
     * Every scenario as stored, with its change as readiness reads it: read once and again after each write commits
     * (readiness asks for the change once per feature of every page it derives).
     */
    private record Known(Map<String, Scenario> scenarios, Map<String, WhatIf> whatIfs) {
    }

    private volatile Known cache;

    private final DataVersion dataVersion;

    Scenarios(ScenarioStore store, FeatureWriter writer, Catalog catalog, Clock clock, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
        this.store = store;
        this.writer = writer;
        this.catalog = catalog;
        this.reader = new ScenarioReader(catalog);
        this.clock = clock;
    }

    public List<Scenario> all() {
        return List.copyOf(scenarios().values());
    }

    public Optional<Scenario> find(String id, Audience audience) {
        return audience == Audience.PUBLIC ? Optional.empty() : Optional.ofNullable(scenarios().get(id));
    }

    public Scenario require(String id, Audience audience) {
        return find(id, audience).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<WhatIf> find(String id) {
        return Optional.ofNullable(known().whatIfs().get(id));
    }

    /** A new scenario from its document; it starts as a draft unless the document says shared. */
    public Scenario create(JsonNode body, String actor) {
        ScenarioReader.Parts parts = reader.read(body);
        if (parts.name() == null) {
            throw ScenarioReader.nameNeeded();
        }
        ScenarioChange change = new ScenarioChange(orEmpty(parts.overrides()), orEmpty(parts.additions()),
                orEmpty(parts.removals()));
        ScenarioReader.checkTogether(change);
        Instant now = clock.instant();
        Scenario scenario = new Scenario(UUID.randomUUID().toString(), 1, parts.name(), parts.description(),
                parts.state() == null ? ScenarioState.DRAFT : parts.state(), change, actor, now, actor, now);
        return writer.write(actor, batch -> {
            checkWorks(batch, change);
            store.insert(row(scenario));
            store.record(scenario.id(), 1, "create", actor, now, scenario.state().id(), document(scenario));
            forgetAfterCommit();
            return scenario;
        });
    }

    /**
     * Edits a scenario by a JSON merge patch (RFC 7396) of its document: given members replace, arrays whole;
     * from {@code expectedVersion} when given. An applied scenario is not edited.
     */
    public Scenario edit(String id, JsonNode patch, Long expectedVersion, String actor) {
        ScenarioReader.Parts parts = reader.read(patch);
        if (patch.has("name") && parts.name() == null) {
            throw ScenarioReader.nameNeeded();
        }
        return writer.write(actor, batch -> {
            Scenario current = current(id, expectedVersion);
            notApplied(current);
            ScenarioChange change = new ScenarioChange(
                    parts.overrides() != null ? parts.overrides() : current.change().overrides(),
                    parts.additions() != null ? parts.additions() : current.change().additions(),
                    parts.removals() != null ? parts.removals() : current.change().removals());
            ScenarioReader.checkTogether(change);
            checkWorks(batch, change);
            Instant now = clock.instant();
            Scenario edited = new Scenario(id, current.version() + 1, parts.name() != null ? parts.name()
                    : current.name(), parts.descriptionGiven() ? parts.description() : current.description(),
                    parts.state() != null ? parts.state() : current.state(), change, current.createdBy(),
                    current.createdAt(), actor, now);
            store.update(row(edited));
            String operation = edited.state() != current.state() ? edited.state() == ScenarioState.SHARED ? "share"
                    : "unshare" : "edit";
            store.record(id, edited.version(), operation, actor, now, edited.state().id(), document(edited));
            forgetAfterCommit();
            return edited;
        });
    }

    /** Deletes a scenario (its history stays); an applied one is a record of what was done and is kept. */
    public void delete(String id, Long expectedVersion, String actor) {
        writer.write(actor, batch -> {
            Scenario current = current(id, expectedVersion);
            notApplied(current);
            store.delete(id);
            store.record(id, current.version() + 1, "delete", actor, clock.instant(), current.state().id(),
                    document(current));
            forgetAfterCommit();
            return null;
        });
    }

    /**
     * Turns the scenario into ordinary edits of the works, in one transaction with every layer's rules: each
     * override an edit, each removal a retirement, each addition a new feature. When a work it names has gone or an
     * added id has been taken since, nothing is written (409): the planner looks at the scenario again.
     */
    public Scenario apply(String id, Long expectedVersion, String actor) {
        return writer.write(actor, batch -> {
            Scenario current = current(id, expectedVersion);
            notApplied(current);
            ScenarioChange change = current.change();
            Label note = Label.of("实施方案“" + current.name() + "”", "scenario \"" + current.name() + "\" applied");
            for (int i = 0; i < change.overrides().size(); i++) {
                ScenarioChange.Override o = change.overrides().get(i);
                Layer layer = catalog.require(o.collection());
                Feature work = batch.get(layer, o.id()).orElseThrow(() -> gone(current, o.collection(), o.id()));
                Map<String, Object> properties = new LinkedHashMap<>(work.properties());
                o.properties().forEach((name, value) -> {
                    if (value == null) {
                        properties.remove(name);
                    } else {
                        properties.put(name, value);
                    }
                });
                batch.replace(layer, work.withProperties(properties), null, WriteOperation.EDIT, note);
            }
            for (ScenarioChange.Removal r : change.removals()) {
                Layer layer = catalog.require(r.collection());
                batch.retire(layer, r.id(), null, WriteOperation.RETIRE, note)
                        .orElseThrow(() -> gone(current, r.collection(), r.id()));
            }
            for (ScenarioChange.Addition a : change.additions()) {
                Layer layer = catalog.require(a.collection());
                if (batch.get(layer, a.feature().id()).isPresent()) {
                    throw conflict(Label.of("新增工程的编号“" + a.feature().id() + "”已被 " + a.collection()
                            + " 中的工程使用；请修改方案后再实施", "the added work's id \"" + a.feature().id()
                            + "\" is now taken in " + a.collection() + "; edit the scenario, then apply it"));
                }
                batch.create(layer, a.feature(), WriteOperation.CREATE, note);
            }
            Instant now = clock.instant();
            Scenario applied = new Scenario(id, current.version() + 1, current.name(), current.description(),
                    ScenarioState.APPLIED, change, current.createdBy(), current.createdAt(), actor, now);
            store.update(row(applied));
            store.record(id, applied.version(), "apply", actor, now, applied.state().id(), document(applied));
            forgetAfterCommit();
            return applied;
        });
    }

    /** Every version of a scenario, a deleted one's too (its history is kept); the staff's to read. */
    public List<Map<String, Object>> history(String id, Audience audience) {
        List<Map<String, Object>> history = audience == Audience.PUBLIC ? List.of() : store.history(id);
        if (history.isEmpty()) {
            throw notFound(id);
        }
        return history;
    }

    /** The scenario's document: name, description, state and its change. */
    public Map<String, Object> document(Scenario scenario, boolean withChange) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", scenario.name());
        document.put("description", scenario.description());
        document.put("state", scenario.state().id());
        if (withChange) {
            document.putAll(scenario.change().document());
        }
        return document;
    }

    private String document(Scenario scenario) {
        return JSON.writeValueAsString(document(scenario, true));
    }

    /** Overrides and removals name works that are there; additions take ids that are free. */
    private void checkWorks(WriteBatch batch, ScenarioChange change) {
        for (int i = 0; i < change.overrides().size(); i++) {
            ScenarioChange.Override o = change.overrides().get(i);
            missing(batch, o.collection(), o.id(), "/overrides/" + i + "/id");
        }
        for (int i = 0; i < change.removals().size(); i++) {
            ScenarioChange.Removal r = change.removals().get(i);
            missing(batch, r.collection(), r.id(), "/removals/" + i + "/id");
        }
        for (int i = 0; i < change.additions().size(); i++) {
            ScenarioChange.Addition a = change.additions().get(i);
            if (batch.get(catalog.require(a.collection()), a.feature().id()).isPresent()) {
                throw InvalidInputException.unprocessable("/additions/" + i + "/id", Label.of(a.collection()
                        + " 中已有编号为“" + a.feature().id() + "”的工程；新增工程须用新编号", a.collection()
                        + " already has a work \"" + a.feature().id() + "\"; an added work needs a new id"));
            }
        }
    }

    private void missing(WriteBatch batch, String collection, String id, String pointer) {
        if (batch.get(catalog.require(collection), id).isEmpty()) {
            throw InvalidInputException.unprocessable(pointer, Label.of(collection + " 中没有工程“" + id + "”",
                    collection + " has no work \"" + id + "\""));
        }
    }

    private Scenario current(String id, Long expectedVersion) {
        Scenario current = store.find(id, true).map(this::scenario).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException(id, expectedVersion, current.version());
        }
        return current;
    }

    private static void notApplied(Scenario scenario) {
        if (scenario.state() == ScenarioState.APPLIED) {
            throw conflict(Label.of("方案“" + scenario.name() + "”已实施，作为记录保留，不能再修改或删除",
                    "scenario \"" + scenario.name() + "\" has been applied: it is kept as a record and is not changed "
                            + "or deleted"));
        }
    }

    private static Problem gone(Scenario scenario, String collection, String id) {
        return conflict(Label.of("方案“" + scenario.name() + "”所改的工程“" + id + "”已不在 " + collection
                + " 中；请修改方案后再实施，未写入任何内容", "the work \"" + id + "\" that scenario \"" + scenario.name()
                + "\" changes is no longer in " + collection + "; edit the scenario, then apply it. Nothing was "
                + "written"));
    }

    private static Problem conflict(Label detail) {
        return new Problem(409, ProblemType.CONFLICT, Label.of("冲突", "Conflict"), detail, null);
    }

    private static FeatureNotFoundException notFound(String id) {
        return new FeatureNotFoundException(Label.of("没有方案“" + id + "”", "there is no scenario \"" + id + "\""));
    }

    private Map<String, Scenario> scenarios() {
        return known().scenarios();
    }

    private Known known() {
        Known current = cache;
        if (current == null) {
            Map<String, Scenario> read = new LinkedHashMap<>();
            Map<String, WhatIf> whatIfs = new java.util.HashMap<>();
            for (ScenarioStore.Row row : store.all()) {
                Scenario scenario = scenario(row);
                read.put(row.id(), scenario);
                // an applied scenario's change is in the live layers: readiness inside it is the park's own
                whatIfs.put(row.id(), new WhatIf(row.id(), scenario.version(), scenario.state()
                        == ScenarioState.APPLIED ? WorksChange.none() : scenario.change().works()));
            }
            current = new Known(java.util.Collections.unmodifiableMap(read), Map.copyOf(whatIfs));
            cache = current;
        }
        return current;
    }

    /** Once committed: read the scenarios again, and let answers kept for the data's state go (ETags, tiles). */
    private void forgetAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache = null;
                dataVersion.moveOn();
            }
        });
    }

    /** A stored scenario, its document read as a planner's would be; one the catalogue can no longer read is empty. */
    private Scenario scenario(ScenarioStore.Row row) {
        ScenarioChange change;
        String description = null;
        try {
            tools.jackson.databind.node.ObjectNode document = (tools.jackson.databind.node.ObjectNode)
                    JSON.readTree(row.document());
            document.remove("state"); // the row's, which may be "applied": a document sent may not say that
            ScenarioReader.Parts parts = reader.read(document);
            description = parts.description();
            change = new ScenarioChange(orEmpty(parts.overrides()), orEmpty(parts.additions()),
                    orEmpty(parts.removals()));
        } catch (RuntimeException e) {
            log.warn("Scenario {} cannot be read as stored ({}); it is shown without its changes", row.id(),
                    e.getMessage());
            change = ScenarioChange.none();
        }
        return new Scenario(row.id(), row.version(), row.name(), description, ScenarioState.of(row.state())
                .orElse(ScenarioState.DRAFT), change, row.createdBy(), row.createdAt(), row.updatedBy(),
                row.updatedAt());
    }

    private ScenarioStore.Row row(Scenario s) {
        return new ScenarioStore.Row(s.id(), s.version(), s.name(), s.state().id(), document(s), s.createdBy(),
                s.createdAt(), s.updatedBy(), s.updatedAt());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
