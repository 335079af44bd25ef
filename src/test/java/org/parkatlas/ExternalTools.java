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

    /** Runs a command to its end (at most two minutes) and answers what it printed; a non-zero exit fails. */
    public static String run(java.util.List<String> command) throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in two minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
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
