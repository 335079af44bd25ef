package org.parkatlas.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map page's ES modules as one script, and each module it imports with {@code import()} (the editor, for
 * planners only) as one more — so that a visit on a slow link asks for one file where it asked for 34, each a round
 * trip (HTTP/1.1 opens six connections a host; on fast 3G every round trip is half a second).
 *
 * <p>Each module becomes a function of its own scope, run once when first required, in the order its imports need;
 * an import becomes a read of the imported module's exports, an export an entry of its own. This holds because the
 * page's modules keep to what the bundler checks: imports and exports at the start of a line, named only ({@code
 * import {…} from}, {@code import * as}, {@code export function|class|const}, {@code export {…}} and {@code export {…}
 * from}), no {@code export default}, no exported {@code let}, and no import cycles (a module's exports are read when
 * it has finished running). Anything else is refused with the module's name, so the service does not start with a
 * page that would break.
 */
final class ModuleBundler {

    /** The bundled page: the main script, and a script per module loaded later, by its module id. */
    record Bundle(String main, Map<String, String> chunks) {
    }

    private static final Pattern IMPORT_NAMED = Pattern.compile(
            "^import\\s*\\{([^}]*)}\\s*from\\s*['\"]([^'\"]+)['\"]\\s*;?", Pattern.MULTILINE);
    private static final Pattern IMPORT_ALL = Pattern.compile(
            "^import\\s*\\*\\s*as\\s+([\\w$]+)\\s+from\\s*['\"]([^'\"]+)['\"]\\s*;?", Pattern.MULTILINE);
    private static final Pattern REEXPORT = Pattern.compile(
            "^export\\s*\\{([^}]*)}\\s*from\\s*['\"]([^'\"]+)['\"]\\s*;?", Pattern.MULTILINE);
    private static final Pattern EXPORT_LIST = Pattern.compile("^export\\s*\\{([^}]*)}\\s*;?", Pattern.MULTILINE);
    private static final Pattern EXPORT_DECLARATION = Pattern.compile(
            "^export\\s+((?:async\\s+)?function\\s*\\*?|class|const)\\s+([\\w$]+)", Pattern.MULTILINE);
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Pattern ANY_IMPORT_OR_EXPORT = Pattern.compile("^(import|export)\\b.*$", Pattern.MULTILINE);

    private final Function<String, String> sources;
    private final Map<String, Module> modules = new LinkedHashMap<>();

    /** @param sources a module's text by its id (its path under {@code /js/}, e.g. {@code editing/index.js}), or null */
    ModuleBundler(Function<String, String> sources) {
        this.sources = sources;
    }

    /** One module, transformed: its static imports' ids, the modules it imports later, its function's body. */
    private record Module(String id, List<String> imports, List<String> later, String body) {
    }

    /** Bundles {@code entry} (e.g. {@code app.js}) with everything it imports, and a chunk per later import. */
    Bundle bundle(String entry) {
        List<String> main = order(entry, Set.of());
        StringBuilder script = new StringBuilder(RUNTIME);
        Map<String, String> chunks = new LinkedHashMap<>();
        for (String id : main) {
            define(script, modules.get(id));
        }
        script.append("__pa.require(").append(quote(entry)).append(");\n");
        Set<String> loaded = new LinkedHashSet<>(main);
        List<String> pending = new ArrayList<>();
        main.forEach(id -> pending.addAll(modules.get(id).later()));
        while (!pending.isEmpty()) {
            String lazy = pending.remove(0);
            if (chunks.containsKey(lazy) || loaded.contains(lazy)) {
                continue;
            }
            List<String> own = order(lazy, loaded);
            StringBuilder chunk = new StringBuilder("(() => {\nconst __pa = window.__parkatlasModules;\n");
            for (String id : own) {
                define(chunk, modules.get(id));
                pending.addAll(modules.get(id).later());
            }
            chunks.put(lazy, chunk.append("})();\n").toString());
            loaded.addAll(own);
        }
        return new Bundle(script.toString(), chunks);
    }

    /** {@code entry} and what it imports, not already {@code loaded}, each after its imports. */
    private List<String> order(String entry, Set<String> loaded) {
        List<String> ordered = new ArrayList<>();
        visit(entry, loaded, new LinkedHashSet<>(), ordered);
        return ordered;
    }

    private void visit(String id, Set<String> loaded, LinkedHashSet<String> path, List<String> ordered) {
        if (loaded.contains(id) || ordered.contains(id)) {
            return;
        }
        if (!path.add(id)) {
            throw new IllegalStateException("the page's modules import each other in a cycle (" + String.join(" → ",
                    path) + " → " + id + "); the bundle runs a module's imports before it, which a cycle makes "
                    + "impossible");
        }
        Module module = modules.computeIfAbsent(id, this::read);
        for (String dependency : module.imports()) {
            visit(dependency, loaded, path, ordered);
        }
        path.remove(id);
        ordered.add(id);
    }

    private Module read(String id) {
        String source = sources.apply(id);
        if (source == null) {
            throw new IllegalStateException("the page imports the module " + id + ", which is not there");
        }
        List<String> imports = new ArrayList<>();
        List<String> later = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        String body = source;

        body = replace(body, REEXPORT, m -> {
            String from = resolve(id, m.group(2));
            imports.add(from);
            for (String[] name : names(id, m.group(1))) {
                exports.add("__exports." + name[1] + " = __pa.require(" + quote(from) + ")." + name[0] + ";");
            }
            return blank(m.group());
        });
        body = replace(body, IMPORT_NAMED, m -> {
            String from = resolve(id, m.group(2));
            imports.add(from);
            StringBuilder binding = new StringBuilder();
            for (String[] name : names(id, m.group(1))) {
                binding.append(binding.isEmpty() ? "" : ", ").append(name[0].equals(name[1]) ? name[0]
                        : name[0] + ": " + name[1]);
            }
            head.append("const { ").append(binding).append(" } = __pa.require(").append(quote(from)).append(");\n");
            return blank(m.group());
        });
        body = replace(body, IMPORT_ALL, m -> {
            String from = resolve(id, m.group(2));
            imports.add(from);
            head.append("const ").append(m.group(1)).append(" = __pa.require(").append(quote(from)).append(");\n");
            return blank(m.group());
        });
        body = replace(body, EXPORT_LIST, m -> {
            for (String[] name : names(id, m.group(1))) {
                exports.add("__exports." + name[1] + " = " + name[0] + ";");
            }
            return blank(m.group());
        });
        body = replace(body, EXPORT_DECLARATION, m -> {
            exports.add("__exports." + m.group(2) + " = " + m.group(2) + ";");
            return m.group(1) + " " + m.group(2);
        });
        body = replace(body, DYNAMIC_IMPORT, m -> {
            String lazy = resolve(id, m.group(1));
            later.add(lazy);
            return "__pa.load(" + quote(lazy) + ")";
        });
        Matcher left = ANY_IMPORT_OR_EXPORT.matcher(body);
        if (left.find()) {
            throw new IllegalStateException("the module " + id + " has an import or export the bundler does not "
                    + "take (" + left.group().strip() + "): write it as a named import or export");
        }
        String text = "'use strict';\n" + head + withoutCommentLines(body) + "\n" + String.join("\n", exports) + "\n";
        return new Module(id, List.copyOf(imports), List.copyOf(later), text);
    }

    private static void define(StringBuilder script, Module module) {
        script.append("__pa.define(").append(quote(module.id())).append(", (__exports) => {\n").append(module.body())
                .append("});\n");
    }

    /** {@code a, b as c} → [a, a], [b, c]: the name in the module, the name outside it. */
    private static List<String[]> names(String id, String list) {
        List<String[]> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.replaceAll("//[^\\n]*", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            String[] sides = name.split("\\s+as\\s+");
            if (sides.length > 2 || sides[0].equals("default") || !sides[0].matches("[\\w$]+")
                    || !sides[sides.length - 1].matches("[\\w$]+")) {
                throw new IllegalStateException("the module " + id + " names \"" + name + "\" in an import or export,"
                        + " which the bundler does not take");
            }
            names.add(new String[]{sides[0], sides[sides.length - 1]});
        }
        return names;
    }

    /** A module specifier ({@code ./x.js}, {@code ../y.js}) of module {@code from}, as a module id. */
    static String resolve(String from, String specifier) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
            throw new IllegalStateException("the module " + from + " imports \"" + specifier + "\"; the page's "
                    + "modules import one another by relative paths only");
        }
        List<String> parts = new ArrayList<>(List.of(from.split("/")));
        parts.remove(parts.size() - 1);
        for (String step : specifier.split("/")) {
            if (step.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalStateException("the module " + from + " imports \"" + specifier
                            + "\", which is outside /js/");
                }
                parts.remove(parts.size() - 1);
            } else if (!step.equals(".")) {
                parts.add(step);
            }
        }
        return String.join("/", parts);
    }

    /**
     * The text with every line that is only a comment left empty (the page's modules explain themselves at length;
     * a third of their bytes): a line whose first characters are {@code //}, or inside a block comment that starts a
     * line, is a comment in JavaScript — unless it is inside a template literal that spans lines, which is tracked
     * line by line ({@link #templateOpenAfter}). Empty lines keep the line numbers of errors.
     */
    static String withoutCommentLines(String source) {
        StringBuilder out = new StringBuilder(source.length());
        boolean inTemplate = false;
        boolean inBlock = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            boolean comment = !inTemplate && (inBlock || trimmed.startsWith("//") || trimmed.startsWith("/*"));
            if (comment) {
                if (!inBlock && trimmed.startsWith("/*")) {
                    inBlock = !trimmed.substring(2).contains("*/");
                } else if (inBlock && trimmed.contains("*/")) {
                    inBlock = false;
                    if (!trimmed.endsWith("*/")) {
                        comment = false; // code after the comment's end: keep the line
                    }
                }
            }
            if (!comment) {
                inTemplate = templateOpenAfter(line, inTemplate);
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * Whether a template literal is still open after {@code line}, given whether one was before it: backticks
     * outside '…' and "…" strings and a trailing // comment open one, and inside one the next unescaped backtick
     * closes it.
     */
    private static boolean templateOpenAfter(String line, boolean inTemplate) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inTemplate) {
                if (c == '\\') {
                    i++;
                } else if (c == '`') {
                    inTemplate = false;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '`') {
                inTemplate = true;
            }
        }
        return inTemplate;
    }

    /** The statement's text as as many empty lines, so the lines after it keep their numbers. */
    private static String blank(String statement) {
        return "\n".repeat((int) statement.chars().filter(c -> c == '\n').count());
    }

    private static String replace(String text, Pattern pattern, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String quote(String id) {
        return "'" + id.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * The little the bundle needs to run: modules by id, each run once when first required; a later import loads
     * its chunk (a script beside the bundle, {@code /js/bundle/<id>}) and then requires it.
     */
    private static final String RUNTIME = """
            // The map page's modules in one script, made by the ParkAtlas server from /js/ (web/ModuleBundler).
            const __pa = (() => {
              const factories = new Map();
              const done = new Map();
              const loading = new Map();
              const define = (id, factory) => { factories.set(id, factory); };
              const require = (id) => {
                if (done.has(id)) return done.get(id);
                const factory = factories.get(id);
                if (!factory) throw new Error(`ParkAtlas: no module ${id} in the bundle`);
                const exports = {};
                done.set(id, exports);
                factory(exports);
                return exports;
              };
              const load = (id) => {
                if (factories.has(id)) return Promise.resolve().then(() => require(id));
                if (!loading.has(id)) {
                  loading.set(id, new Promise((resolve, reject) => {
                    const script = document.createElement('script');
                    script.src = `/js/bundle/${id}`;
                    script.onload = () => { try { resolve(require(id)); } catch (e) { reject(e); } };
                    script.onerror = () => { loading.delete(id); reject(new Error(`could not load ${script.src}`)); };
                    document.head.appendChild(script);
                  }));
                }
                return loading.get(id);
              };
              return { define, require, load };
            })();
            window.__parkatlasModules = __pa;
            """;
}
