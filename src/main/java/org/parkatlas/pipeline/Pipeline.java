package org.parkatlas.pipeline;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The investment pipeline (招商五库): the projects as their reader may see them, a project's move from one pool to
 * another, its history, and the board and figures the zone reports. The one door to the pipeline package; every
 * write goes through the {@link FeatureWriter}, so a move is one transaction with the project's rules checked and its
 * history kept.
 */
@Service
public class Pipeline {

    private final Catalog catalog;
    private final FeatureSources sources;
    private final FeatureWriter writer;
    private final ProjectHistory history;
    private final PipelineTargets targets;
    private final Clock clock;
    private final org.parkatlas.enquiry.EnquiryDesk enquiries;
    private final org.parkatlas.store.DataVersion version;
    /** Where the parcels lie, as of one state of the data (the version counted before it was read). */
    private volatile Places places;

    Pipeline(Catalog catalog, FeatureSources sources, FeatureWriter writer, ProjectHistory history,
             PipelineTargets targets, Clock clock, org.parkatlas.enquiry.EnquiryDesk enquiries,
             org.parkatlas.store.DataVersion version) {
        this.enquiries = enquiries;
        this.version = version;
        this.catalog = catalog;
        this.sources = sources;
        this.writer = writer;
        this.history = history;
        this.targets = targets;
        this.clock = clock;
    }

    /** The projects {@code context}'s audience may see (the public: signed ones) that {@code filter} matches. */
    public List<Project> projects(Filter filter, ReadContext context) {
        List<Project> projects = new ArrayList<>();
        sources.of(ParkLayer.PROJECTS).stream(FeatureQuery.filtered(filter), context,
                f -> projects.add(Project.of(f)));
        return projects;
    }

    /** Where each parcel lies, by its code: its zone and industrial park; read once per state of the data. */
    public Map<String, PipelineFigures.Place> places() {
        Places known = places;
        long now = version.current();
        if (known != null && known.version() == now) {
            return known.byCode();
        }
        Map<String, PipelineFigures.Place> byCode = new HashMap<>();
        sources.of(ParkLayer.PARCELS).stream(new FeatureQuery(Filter.INCLUDE, List.of("code", "zone",
                "industrial_park"), List.of(), 0, Integer.MAX_VALUE), new ReadContext(LocalDate.now(clock),
                Audience.PUBLIC), f -> byCode.put(String.valueOf(f.property("code")), new PipelineFigures.Place(
                (String) f.property("zone"), (String) f.property("industrial_park"))));
        Places fresh = new Places(now, Map.copyOf(byCode));
        places = fresh;
        return fresh.byCode();
    }

    private record Places(long version, Map<String, PipelineFigures.Place> byCode) {
    }

    /** The figures for the whole zone, against the year's targets, as of {@code day}. */
    public PipelineFigures.Figures figures(List<Project> projects, LocalDate day) {
        return PipelineFigures.figures(projects, day, targets.of(day.getYear()));
    }

    /**
     * Moves a project to another pool on {@code day}: to the next one (its date set to the day), or back to an earlier
     * one (退库, which needs a reason; the later dates are cleared, the history keeps them).
     *
     * @param expectedVersion the version the mover saw, or null
     * @return the project as stored
     */
    public Feature move(String id, Stage to, LocalDate day, String reason, Long expectedVersion, String actor) {
        Layer layer = catalog.require(ParkLayer.PROJECTS);
        LocalDate when = day == null ? LocalDate.now(clock) : day;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return writer.write(actor, batch -> {
            Feature project = batch.get(layer, id).orElseThrow(() -> new FeatureNotFoundException(Label.of(
                    "没有编号为“" + id + "”的项目", "there is no project \"" + id + "\"")));
            Stage from = Stage.of(project.property("stage")).orElse(Stage.PLANNING);
            if (to == from) {
                throw InvalidInputException.unprocessable("/to", Label.of("项目已在" + to.label().zh(),
                        "the project is in the " + to.label().en() + " pool already"));
            }
            if (to.ordinal() > from.ordinal() + 1) {
                Stage next = Stage.values()[from.ordinal() + 1];
                throw InvalidInputException.unprocessable("/to", Label.of("项目一次进一个库：" + from.label().zh()
                        + "之后是" + next.label().zh(), "a project moves one pool at a time: after " + from.label().en()
                        + " comes " + next.label().en()));
            }
            if (to.ordinal() < from.ordinal() && why == null) {
                throw InvalidInputException.unprocessable("/reason", Label.of("退库须说明原因",
                        "a return to an earlier pool needs its reason"));
            }
            Map<String, Object> values = new LinkedHashMap<>(project.properties());
            values.put("stage", to.id());
            if (to.ordinal() > from.ordinal()) {
                values.put(to.dateAttribute(), when);
            } else {
                for (Stage later : Stage.values()) {
                    if (later.compareTo(to) > 0 && later.dateAttribute() != null) {
                        values.remove(later.dateAttribute());
                    }
                }
                if (to.compareTo(Stage.IN_PRODUCTION) < 0) {
                    values.remove("full_production_date");
                }
            }
            if (why != null) {
                values.put("stage_reason", why);
            }
            Label note = Label.of(from.label().zh() + " → " + to.label().zh(), from.label().en() + " → "
                    + to.label().en());
            return batch.replace(layer, new Feature(project.id(), null, values, project.version()), expectedVersion,
                    WriteOperation.EDIT, note).orElseThrow();
        });
    }

    /**
     * Turns an investor's enquiry (from the finder or a parcel's sheet) into a project in 对接库, in one step: the
     * sender's organisation as the investor, the parcels asked about, the land needed, the message and the contact
     * as the talks' first notes; the enquiry is marked contacted in the same transaction. An enquiry becomes one
     * project only.
     */
    public Feature fromEnquiry(String enquiryId, String actor) {
        Layer layer = catalog.require(ParkLayer.PROJECTS);
        Layer parcels = catalog.require(ParkLayer.PARCELS);
        LocalDate today = LocalDate.now(clock);
        return writer.write(actor, batch -> {
            org.parkatlas.enquiry.Enquiry enquiry = enquiries.find(enquiryId).orElseThrow(() ->
                    new FeatureNotFoundException(Label.of("没有编号为“" + enquiryId + "”的咨询", "there is no enquiry \""
                            + enquiryId + "\"")));
            List<Project> already = projects(Filter.compare("enquiry_id", Filter.Operator.EQ,
                    enquiryId), new ReadContext(today, Audience.INVESTMENT));
            if (!already.isEmpty()) {
                throw new org.parkatlas.problem.Problem(409, org.parkatlas.problem.ProblemType.CONFLICT,
                        Label.of("已转为项目", "Already a project"), Label.of("此咨询已转为项目 " + already.get(0).code(),
                        "this enquiry is project " + already.get(0).code() + " already"), null);
            }
            List<String> codes = enquiry.parcels().stream().map(id -> batch.get(parcels, id))
                    .flatMap(java.util.Optional::stream).map(p -> String.valueOf(p.property("code"))).toList();
            String who = enquiry.organisation() != null ? enquiry.organisation() : enquiry.name();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("code", "XM-" + today.getYear() + "-Q" + enquiry.id().replace("-", "")
                    .substring(0, Math.min(8, enquiry.id().replace("-", "").length())).toUpperCase(java.util.Locale.ROOT));
            values.put("name", who + "投资项目");
            values.put("investor", who);
            // the sender's industry where it is one of the chains the catalogue knows, else "other"
            boolean known = enquiry.industry() != null && layer.attribute("industry_chain")
                    .filter(a -> a.allows(enquiry.industry())).isPresent();
            values.put("industry_chain", known ? enquiry.industry() : "other");
            values.put("stage", Stage.NEGOTIATING.id());
            if (enquiry.landNeedMu() != null) {
                values.put("land_demand_mu", enquiry.landNeedMu());
            }
            if (!codes.isEmpty()) {
                values.put("parcel_codes", codes);
            }
            values.put("engaged_date", today);
            values.put("contact", (enquiry.name() + " " + enquiry.contact()).strip());
            if (enquiry.message() != null) {
                values.put("negotiation_notes", enquiry.message());
            }
            values.put("enquiry_id", enquiry.id());
            Feature created = batch.create(layer, new Feature(null, null, values, 0), WriteOperation.CREATE,
                    Label.of("由投资咨询转入对接库", "taken into negotiation from an enquiry"));
            enquiries.mark(enquiry.id(), org.parkatlas.enquiry.EnquiryStatus.CONTACTED, actor);
            return created;
        });
    }

    /** A project's history as {@code audience} may read it: the reasons are the investment bureau's. */
    public List<ProjectMove> history(String id, Audience audience) {
        List<ProjectMove> moves = history.of(id);
        return audience.includes(Audience.INVESTMENT) ? moves
                : moves.stream().map(ProjectMove::withoutReason).toList();
    }
}
