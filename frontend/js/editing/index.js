// The edit mode's entry point, imported (with import()) only once /api/me says the user is a planner or an admin:
// loads Leaflet-Geoman, gives the existing map and layers their Geoman handlers, and builds the editor.

import { getLang, onLangChange } from '../i18n.js';
import { loadGeoman, adoptExisting } from './geoman.js';
import { Editor } from './editor.js';

const pmLang = (lang) => (lang === 'en' ? 'en' : 'zh');

/**
 * Resolves with the Editor once Geoman is loaded and the editor built; rejects if Geoman cannot be loaded.
 * @param getUser  () → the /api/me answer (the editor checks canEdit before switching on)
 * @param onLegend called when the legend must be redrawn (the red lines come and go with edit mode)
 */
export async function loadEditor(map, manager, catalog, { getUser, onLegend }) {
  await loadGeoman();
  adoptExisting(map, manager);
  map.pm.setLang(pmLang(getLang()));
  onLangChange((lang) => map.pm.setLang(pmLang(lang)));
  return new Editor(map, manager, catalog, { getUser, onLegend });
}

export { Editor };
