package org.parkatlas.parcel;

import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.Edit;
import org.parkatlas.editing.LayerHistory;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.Feature;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns every write to the parcel layer into a version of the parcel's history: what changed, before and after. */
@Component
class ParcelHistoryRecorder implements LayerHistory {

    private final ParcelHistory history;

    ParcelHistoryRecorder(ParcelHistory history) {
        this.history = history;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }

    @Override
    public void record(Layer layer, Edit edit) {
        Feature before = edit.before();
        Feature after = edit.after();
        if (before != null && !history.has(before.id())) {
            // a parcel stored before history was kept: its first change keeps how it was too, so it can be restored
            history.record(new ParcelVersion(before.id(), before.version(), WriteOperation.CREATE, "(before history)",
                    edit.at(), Label.of("首次记录变更前的状态", "as it was before its first recorded change"),
                    before.properties(), List.of(), null, before.geometry()));
        }
        Feature current = after != null ? after : before;
        long version = after != null ? after.version() : before.version() + 1;
        history.record(new ParcelVersion(current.id(), version, edit.operation(), edit.actor(), edit.at(),
                edit.note(), current.properties(), changes(before, after), before == null ? null
                : before.geometry(), after == null ? null : after.geometry()));
    }

    @Override
    public Map<String, Long> lastVersions(Layer layer, Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : history.lastVersions(ids);
    }

    private static List<ParcelVersion.Change> changes(Feature before, Feature after) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.properties().keySet());
        }
        if (after != null) {
            names.addAll(after.properties().keySet());
        }
        List<ParcelVersion.Change> changes = new ArrayList<>();
        for (String name : names) {
            Object was = before == null ? null : before.property(name);
            Object now = after == null ? null : after.property(name);
            if (!Objects.equals(was, now)) {
                changes.add(new ParcelVersion.Change(name, was, now));
            }
        }
        return changes;
    }
}
