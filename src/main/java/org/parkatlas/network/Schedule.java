package org.parkatlas.network;

import java.time.LocalDate;

/**
 * Dates on which works come into service. "In service at T" means the date is on or before T; null means never
 * (nothing is scheduled). The latest of several dates is when all of them are in service.
 */
public final class Schedule {

    /** In service since before any record: an existing work with no completion date. */
    public static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);

    private Schedule() {
    }

    /** When a work is in service, from its status and completion date. */
    public static LocalDate inService(String status, LocalDate completion) {
        if (completion != null) {
            return completion;
        }
        return "existing".equals(status) ? ALWAYS : null;
    }

    /** The later of two dates; null (never) if either is never. */
    public static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return null;
        }
        return a.isAfter(b) ? a : b;
    }

    /** Whether {@code a} comes strictly before {@code b}, never being after every date. */
    public static boolean earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return false;
        }
        return b == null || a.isBefore(b);
    }
}
