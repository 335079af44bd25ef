package org.parkatlas.readiness;

import org.parkatlas.network.Schedule;

import java.time.LocalDate;
import java.util.List;

/** A parcel's readiness: one assessment per item of the park's standard. Ready when every item is met. */
public record ParcelReadiness(String parcelId, String code, List<ItemAssessment> items) {

    public ParcelReadiness {
        items = List.copyOf(items);
    }

    /** The day from which every item is met; null when some item can never be met with what is planned. */
    public LocalDate readyDate() {
        LocalDate latest = Schedule.ALWAYS;
        for (ItemAssessment item : items) {
            latest = Schedule.latest(latest, item.readyDate());
        }
        return latest;
    }

    public int metOn(LocalDate day) {
        return (int) items.stream().filter(i -> i.metOn(day)).count();
    }

    public boolean readyOn(LocalDate day) {
        return metOn(day) == items.size();
    }

    /** This parcel with one item's assessment replaced. */
    public ParcelReadiness with(ItemAssessment assessment) {
        ItemAssessment[] replaced = items.toArray(new ItemAssessment[0]);
        for (int i = 0; i < replaced.length; i++) {
            if (replaced[i].item() == assessment.item()) {
                replaced[i] = assessment;
            }
        }
        return new ParcelReadiness(parcelId, code, List.of(replaced));
    }

    /**
     * Whether every item answers as in {@code other}: the same day, the same line and source serving it, at the same
     * distance, held back by the same work. A scenario keeps only the parcels it answers differently for.
     */
    boolean sameAs(ParcelReadiness other) {
        if (other == null || other.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            ItemAssessment a = items.get(i);
            ItemAssessment b = other.items.get(i);
            if (a == b) {
                continue; // an item a scenario did not touch is the very same answer
            }
            if (a.item() != b.item() || !java.util.Objects.equals(a.readyDate(), b.readyDate())
                    || !java.util.Objects.equals(a.distance(), b.distance())
                    || !java.util.Objects.equals(a.nearestDistance(), b.nearestDistance())
                    || !java.util.Objects.equals(a.bottleneck(), b.bottleneck())
                    || !java.util.Objects.equals(a.source(), b.source())
                    || !(a.servingLine() == null ? b.servingLine() == null : b.servingLine() != null
                    && a.servingLine().id().equals(b.servingLine().id()))) {
                return false;
            }
        }
        return true;
    }

    public ItemAssessment item(ReadinessItem item) {
        return items.stream().filter(i -> i.item() == item).findFirst().orElse(null);
    }
}
