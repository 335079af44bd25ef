package org.parkatlas.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the map page's bundler makes of the module forms the page uses, and what it refuses. */
class ModuleBundlerTest {

    private static ModuleBundler.Bundle bundle(Map<String, String> modules, String entry) {
        return new ModuleBundler(modules::get).bundle(entry);
    }

    @Test
    void eachModuleIsDefinedAfterWhatItImportsAndImportsBecomeReadsOfExports() {
        ModuleBundler.Bundle bundle = bundle(Map.of(
                "app.js", """
                        import { el, text as label } from './dom.js';
                        import {
                          LayerManager,
                        } from './map/layers.js';
                        import * as api from './editing/api.js';
                        export const started = el(label);
                        """,
                "dom.js", """
                        export function el(name) { return name; }
                        export async function later() { return 1; }
                        const text = 'x';
                        export { text };
                        """,
                "map/layers.js", """
                        import { el } from '../dom.js';
                        export class LayerManager {}
                        export { el as element } from '../dom.js';
                        """,
                "editing/api.js", "export const readParcel = () => 1;\n"), "app.js");
        String main = bundle.main();
        assertThat(main.indexOf("__pa.define('dom.js'")).isLessThan(main.indexOf("__pa.define('map/layers.js'"));
        assertThat(main.indexOf("__pa.define('map/layers.js'")).isLessThan(main.indexOf("__pa.define('app.js'"));
        assertThat(main).contains("const { el, text: label } = __pa.require('dom.js');")
                .contains("const { LayerManager } = __pa.require('map/layers.js');")
                .contains("const api = __pa.require('editing/api.js');")
                .contains("function el(name)").contains("async function later()").contains("class LayerManager {}")
                .contains("__exports.el = el;").contains("__exports.later = later;").contains("__exports.text = text;")
                .contains("__exports.element = __pa.require('dom.js').el;")
                .contains("__exports.started = started;")
                .endsWith("__pa.require('app.js');\n")
                .doesNotContain("import {").doesNotContain("export ");
        assertThat(bundle.chunks()).isEmpty();
    }

    @Test
    void aModuleImportedLaterIsAChunkOfWhatTheMainBundleLacks() {
        ModuleBundler.Bundle bundle = bundle(Map.of(
                "app.js", """
                        import { t } from './i18n.js';
                        const { loadEditor } = await import('./editing/index.js');
                        """,
                "i18n.js", "export const t = (k) => k;\n",
                "editing/index.js", """
                        import { t } from '../i18n.js';
                        import { Editor } from './editor.js';
                        export function loadEditor() { return new Editor(t); }
                        """,
                "editing/editor.js", "export class Editor {}\n"), "app.js");
        assertThat(bundle.main()).contains("__pa.load('editing/index.js')").doesNotContain("class Editor");
        assertThat(bundle.chunks()).containsOnlyKeys("editing/index.js");
        String chunk = bundle.chunks().get("editing/index.js");
        assertThat(chunk).contains("__pa.define('editing/editor.js'").contains("__pa.define('editing/index.js'")
                .as("i18n.js comes from the main bundle, one instance for both").doesNotContain("define('i18n.js'");
    }

    @Test
    void whatTheBundlerCannotTakeIsRefusedByName() {
        assertThatThrownBy(() -> bundle(Map.of("app.js", "import { b } from './b.js';\n", "b.js",
                "import { a } from './app.js';\nexport const b = 1;\n"), "app.js"))
                .hasMessageContaining("cycle").hasMessageContaining("app.js → b.js → app.js");
        assertThatThrownBy(() -> bundle(Map.of("app.js", "export default function main() {}\n"), "app.js"))
                .hasMessageContaining("app.js").hasMessageContaining("export default");
        assertThatThrownBy(() -> bundle(Map.of("app.js", "export let counter = 0;\n"), "app.js"))
                .hasMessageContaining("export let");
        assertThatThrownBy(() -> bundle(Map.of("app.js", "import { x } from './gone.js';\n"), "app.js"))
                .hasMessageContaining("gone.js").hasMessageContaining("not there");
        assertThatThrownBy(() -> bundle(Map.of("app.js", "import { x } from 'leaflet';\n"), "app.js"))
                .hasMessageContaining("relative paths");
    }

    @Test
    void commentLinesAreEmptiedButATemplateLiteralKeepsItsLines() {
        String source = """
                // an explanation
                /**
                 * a block
                 */
                const a = 1; // kept, code first
                const page = `
                // not a comment: part of the text
                it's a template`;
                /* one line */
                const b = '//';
                """;
        String stripped = ModuleBundler.withoutCommentLines(source);
        assertThat(stripped.split("\n", -1)).hasSameSizeAs(source.split("\n", -1));
        assertThat(stripped).doesNotContain("an explanation").doesNotContain("a block").doesNotContain("one line")
                .contains("const a = 1; // kept, code first").contains("// not a comment: part of the text")
                .contains("it's a template`;").contains("const b = '//';");
    }
}
