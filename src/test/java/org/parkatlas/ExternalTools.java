package org.parkatlas;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests that drive real outside programs (GDAL's ogrinfo, Chromium) run when the program is installed. Where it is
 * not, they are skipped with one loud line saying how to enable them — unless the environment variable that CI sets
 * demands them, in which case a missing program fails the build.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** Skips (or fails, when {@code requiredBy} is set to 1) unless {@code program} is an executable file. */
    public static void require(Path program, String requiredBy, String installHint) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = "SKIPPED: " + program + " is not installed (" + installHint + "); set " + requiredBy
                + "=1 to make this a failure";
        if ("1".equals(System.getenv(requiredBy))) {
            throw new AssertionError(program + " is required (" + requiredBy + "=1) but not installed: " + installHint);
        }
        System.err.println("\n!!! " + message + "\n");
        Assumptions.abort(message);
    }
}
