package org.parkatlas.enquiry;

import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.problem.TooManyRequestsException;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The investment bureau's desk: takes an enquiry from anyone (after the throttle and the form's own checks, and only
 * about parcels that exist), lists them for the bureau, and records how far each has got.
 */
@Service
public class EnquiryDesk {

    private final Enquiries enquiries;
    private final FeatureSource parcels;
    private final EnquiryThrottle throttle;
    private final Clock clock;

    EnquiryDesk(Enquiries enquiries, FeatureSources sources, EnquiryThrottle.Settings settings, Clock clock) {
        this.enquiries = enquiries;
        this.parcels = sources.of(ParkLayer.PARCELS);
        this.throttle = new EnquiryThrottle(settings, clock);
        this.clock = clock;
    }

    /** Keeps an enquiry from {@code address}, which is counted but not stored. */
    public Enquiry receive(EnquiryForm form, String address, Language language) {
        form.check();
        for (int i = 0; i < form.parcels().size(); i++) {
            String id = form.parcels().get(i);
            if (id == null || parcels.get(id, ReadContext.today()).isEmpty()) {
                throw InvalidInputException.unprocessable("/parcels/" + i, Label.of("没有地块“" + id + "”",
                        "there is no parcel \"" + id + "\""));
            }
        }
        Optional<Duration> wait = throttle.admit(address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            throw new TooManyRequestsException(Label.of("此网络地址在一小时内发送的咨询过多；请 " + minutes
                    + " 分钟后再试，或直接致电招商局", "too many enquiries from this address within an hour; try again in "
                    + minutes + " min, or call the investment bureau"), wait.get().toSeconds());
        }
        Enquiry enquiry = new Enquiry(UUID.randomUUID().toString(), clock.instant(), form.name(),
                form.organisation(), form.contact(), form.industry(), form.landNeedMu(), form.message(),
                form.parcels().stream().distinct().toList(), language, EnquiryStatus.NEW, null, null);
        enquiries.add(enquiry);
        return enquiry;
    }

    public List<Enquiry> all() {
        return enquiries.all();
    }

    public Optional<Enquiry> find(String id) {
        return enquiries.find(id);
    }

    /** Moves an enquiry on; empty when there is none with this id. */
    public Optional<Enquiry> mark(String id, EnquiryStatus status, String by) {
        Optional<Enquiry> found = enquiries.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Enquiry changed = found.get().withStatus(status, by, Instant.now(clock));
        enquiries.update(changed);
        return Optional.of(changed);
    }
}
