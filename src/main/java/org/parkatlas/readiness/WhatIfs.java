package org.parkatlas.readiness;

import java.util.Optional;

/**
 * The what-if scenarios readiness can be worked out for, kept by the module that owns them (the scenarios): readiness
 * asks for a scenario's change by id when a read names it ({@link org.parkatlas.feature.ReadContext#scenario()}).
 */
public interface WhatIfs {

    /** The scenario's change as it now stands; empty when there is no such scenario. */
    Optional<WhatIf> find(String id);

    /**
     * @param version moves on with every edit of the scenario, so an answer worked out for an older one is not used
     */
    record WhatIf(String id, long version, WorksChange change) {
    }
}
