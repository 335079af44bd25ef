package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.editing.RuleViolationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The import command: {@code java -jar parkatlas.jar import <collection> <file> [--mode=append] [--table=name]},
 * and for a DXF {@code [--dxf-layers=a,b] [--dxf-layer-attribute=x] [--dxf-label-attribute=y] [--dxf-set=z:v …]}.
 * Prints its progress; the process then exits with 0 on success, 1 with the reason when the file is refused (nothing
 * is imported then) and 2 for a wrong command line.
 */
@Component
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    /** The first argument that turns a start of the service into an import. */
    static final String VERB = "import";

    private final Catalog catalog;
    private final FeatureImporter importer;
    private int exitCode;

    ImportCommand(Catalog catalog, FeatureImporter importer) {
        this.catalog = catalog;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !VERB.equals(words.get(0))) {
            return;
        }
        exitCode = run(words, args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int run(List<String> words, ApplicationArguments args) {
        if (words.size() != 3) {
            System.err.println("usage: import <collection> <file> [--mode=replace|append] [--table=name] "
                    + "[--dxf-layers=a,b] [--dxf-layer-attribute=name] [--dxf-label-attribute=name] "
                    + "[--dxf-set=attribute:value …]");
            return 2;
        }
        Layer layer = catalog.find(words.get(1)).orElse(null);
        Path file = Path.of(words.get(2));
        if (layer == null) {
            System.err.println("no collection \"" + words.get(1) + "\"; the collections are "
                    + String.join(", ", catalog.layers().stream().map(Layer::id).toList()));
            return 2;
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file.toAbsolutePath());
            return 2;
        }
        String mode = args.containsOption("mode") ? args.getOptionValues("mode").get(0) : "replace";
        String table = args.containsOption("table") ? args.getOptionValues("table").get(0) : null;
        java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>();
        for (String pair : option(args, "dxf-set")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                System.err.println("--dxf-set is attribute:value, not " + pair);
                return 2;
            }
            fixed.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        DxfFeatureReader.Mapping dxf = new DxfFeatureReader.Mapping(new java.util.LinkedHashSet<>(option(args,
                "dxf-layers").stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList()), option(args, "dxf-layer-attribute").stream().findFirst()
                .orElse(null), option(args, "dxf-label-attribute").stream().findFirst().orElse(null), fixed);
        try {
            FeatureImporter.Result result = importer.importFile(layer, file,
                    FeatureImporter.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), new FeatureImporter.Options(table,
                            dxf, null, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")),
                    "import command",
                    new FeatureImporter.Progress() {
                        @Override
                        public void update(long read, String what) {
                            System.out.println("  read " + read + " features from the " + what + " file");
                        }

                        @Override
                        public void writing(long features) {
                            System.out.println("  writing " + features + " features in one transaction");
                        }
                    });
            System.out.println("Imported " + result.imported() + " features into " + result.collection() + " ("
                    + result.mode().name().toLowerCase(Locale.ROOT) + "); it now holds "
                    + result.featuresInCollection() + ".");
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("Nothing was imported: " + e.getMessage() + (e.pointer().isEmpty() ? ""
                    : " (at " + e.pointer() + ")"));
            return 1;
        } catch (RuleViolationException e) {
            System.err.println("Nothing was imported: " + e.violations().size() + " rule(s) broken");
            e.violations().forEach(v -> System.err.println("  " + (v.pointer().isEmpty() ? "" : v.pointer() + ": ")
                    + v.rule() + ": " + v.message().en()));
            return 1;
        } catch (Exception e) {
            System.err.println("Nothing was imported: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> option(ApplicationArguments args, String name) {
        return args.containsOption(name) ? args.getOptionValues(name) : List.of();
    }
}
