// ParkAtlas map: bootstrap.
//
// Order of events: apply the language, build the empty map, fetch the catalog, create one
// layer per collection, load the initially visible ones (resolving parkatlas.ready), then
// count the hidden ones (their features come when they are shown). Independently, ask
// who is signed in; for a planner or admin, load the edit mode (Leaflet-Geoman and editing/).

import { getLang, setLang, onLangChange, applyDocumentLang, t, pick, otherLang, LANGS } from './i18n.js';
import { loadCatalog } from './config.js';
import { LayerManager } from './layers.js';
import { LayerPanel } from './panel.js';
import { renderLegend } from './legend.js';
import { ReadinessView } from './readiness.js';
import { FinderView } from './finder/index.js';
import { AnalystView } from './analyst/index.js';
import { PipelineView } from './pipeline.js';
import { EfficiencyView } from './efficiency.js';
import { ScenarioView } from './scenarios.js';
import { keepLabelsApart } from './labels.js';
import { addContext } from './context.js';
import { Basemaps, initialBasemap } from './basemaps.js';
import { addMeasuring } from './measure.js';
import { UserBar } from './userbar.js';
import { canEdit } from './auth.js';
import { createReadinessHook, createEditingHook } from './hooks.js';
import { initStatus, showLoading, hideLoading, showError, clearError, describeError, relabelStatus } from './status.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

// Roughly the Ganting town seat; only shown for the instant before the catalog's bbox arrives.
const PROVISIONAL_VIEW = { center: [36.17, 111.62], zoom: 13 };
const NARROW = window.matchMedia('(max-width: 720px)');

let catalog = null;
let manager = null;
let panel = null;
let readiness = null;
let finder = null;
let analyst = null;
let pipeline = null;
let efficiency = null;
let scenarios = null;
let editorRef = null; // the edit mode, once attached (the legend lists the red lines while it is on)
const readinessHook = createReadinessHook();
const editingHook = createEditingHook();

let resolveReady;
let rejectReady;
const ready = new Promise((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
// Avoid an "unhandled rejection" when nobody awaits ready; awaiting callers still see the error.
ready.catch(() => {});

// Who is signed in: asked for at once, independently of the map, and never rejecting (a failed
// /api/me means signed out). window.parkatlas.user is null until the answer is in.
const userBar = new UserBar();
const userReady = userBar.load().then((user) => {
  if (window.parkatlas) window.parkatlas.user = user;
  return user;
});

function relabelChrome() {
  const lang = getLang();
  const park = catalog && catalog.park ? catalog.park : null;
  const name = park ? pick(park.name, '') : '';
  const altName = park && park.name && typeof park.name === 'object' ? park.name[otherLang()] || '' : '';
  $('park-name').textContent = name || t('appName');
  const alt = $('park-name-alt');
  alt.textContent = altName && altName !== name ? altName : '';
  alt.lang = LANGS[otherLang()].tag;
  document.title = name ? `${name} · ${t('appName')}` : t('appName');

  const sw = $('lang-switch');
  // The button names the language it switches *to*, in that language, as readers of it look for.
  sw.textContent = LANGS[otherLang()].name;
  sw.lang = LANGS[otherLang()].tag;
  // Accessible name starts with the visible text, so voice control ("click English") still works.
  sw.setAttribute('aria-label', `${LANGS[otherLang()].name} – ${t('switchLabel')}`);
  sw.title = t('switchLabel');
  sw.dataset.lang = lang;

  $('pa-layers-heading').textContent = t('layers');
  $('pa-legend-heading').textContent = t('legend');
  $('map').setAttribute('aria-label', t('mapLabel'));
  $('pa-error-retry').textContent = t('retry');
  $('pa-error-dismiss').setAttribute('aria-label', t('dismiss'));
  $('pa-error-dismiss').title = t('dismiss');
  const toggle = $('panel-toggle');
  const expanded = !document.body.classList.contains('pa-panel-collapsed');
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.title = expanded ? t('panelHide') : t('panelShow');
  $('panel-toggle-text').textContent = t('panelButton');

  // Leaflet's own controls carry English titles; give them the current language.
  document.querySelectorAll('.leaflet-control-zoom-in').forEach((b) => {
    b.title = t('zoomIn');
    b.setAttribute('aria-label', t('zoomIn'));
  });
  document.querySelectorAll('.leaflet-control-zoom-out').forEach((b) => {
    b.title = t('zoomOut');
    b.setAttribute('aria-label', t('zoomOut'));
  });
}

function relabelAll() {
  relabelChrome();
  relabelStatus();
  if (panel) panel.relabel();
  if (readiness) readiness.relabel();
  if (finder) finder.relabel();
  if (analyst) analyst.relabel();
  if (manager) {
    manager.relabel();
    drawLegend();
  }
}

function drawLegend() {
  renderLegend($('pa-legend'), catalog, manager, readiness ? readiness.legendState() : null, { redLines: Boolean(editorRef && editorRef.on) });
}

// Layer-state changes arrive in bursts (one per page of features); redraw the legend once per frame.
let legendQueued = false;
function queueLegend() {
  if (legendQueued || !manager) return;
  legendQueued = true;
  requestAnimationFrame(() => {
    legendQueued = false;
    drawLegend();
  });
}

function setupPanelToggle() {
  const toggle = $('panel-toggle');
  // On a phone the map matters more than the panel: start collapsed there.
  if (NARROW.matches) document.body.classList.add('pa-panel-collapsed');
  toggle.addEventListener('click', () => {
    document.body.classList.toggle('pa-panel-collapsed');
    relabelChrome();
  });
}

/**
 * Once /api/me has answered: for a planner or admin, loads Leaflet-Geoman and the editor module and attaches the
 * editor to parkatlas.editing; for anyone else the hook's `ready` rejects and nothing more is loaded.
 */
async function attachEditor(map, parkatlas) {
  const user = await userReady;
  if (!canEdit(user)) {
    editingHook.fail(new Error('edit mode is for signed-in planners and admins'));
    return;
  }
  try {
    const { loadEditor } = await import('./editing/index.js');
    const editor = await loadEditor(map, manager, catalog, {
      getUser: () => parkatlas.user || userBar.user,
      onLegend: queueLegend,
    });
    editorRef = editor;
    // Edit mode takes the map's left edge the finder also uses: turning it on closes the finder.
    $('edit-toggle').addEventListener('click', () => {
      if (editor.on && finder && finder.on) finder.show(false);
      if (editor.on && analyst && analyst.on) analyst.show(false);
    });
    // Usable once the parcels are drawn (a failed parcel layer is reported by the panel, not here).
    editingHook.attach(editor, manager.load('parcels').catch(() => {}));
  } catch (err) {
    console.error('ParkAtlas: edit mode unavailable', err);
    document.body.classList.add('pa-no-editor');
    editingHook.fail(err);
  }
}

function parkBounds(park) {
  const b = park && Array.isArray(park.bbox) ? park.bbox.map(Number) : null;
  if (!b || b.length < 4 || b.some((v) => !Number.isFinite(v))) return null;
  return L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
}

/** How much of the map's right side the floating panel hides (0 when it is a bottom sheet or closed). */
function panelCover() {
  const panelEl = $('pa-panel');
  const panelOpen = !document.body.classList.contains('pa-panel-collapsed') &&
    !document.body.classList.contains('pa-no-catalog') && !NARROW.matches;
  return panelOpen && panelEl ? Math.round(panelEl.getBoundingClientRect().width + 12) : 0;
}

/**
 * How much of the map the readiness time bar hides, {top, bottom} px: it floats at the bottom on wide screens and at
 * the top on phones (nothing while it is hidden).
 */
function timebarCover() {
  const bar = $('pa-timebar');
  if (!bar || bar.hidden) return { top: 0, bottom: 0 };
  const mapBox = $('map').getBoundingClientRect();
  const box = bar.getBoundingClientRect();
  if (box.top < mapBox.top + mapBox.height / 2) return { top: Math.max(0, Math.round(box.bottom - mapBox.top)), bottom: 0 };
  return { top: 0, bottom: Math.max(0, Math.round(mapBox.bottom - box.top)) };
}

function fitPadding() {
  // Keep the park clear of the floating panel on wide screens and of the time bar over its edge parcels.
  const bar = timebarCover();
  return { paddingTopLeft: [16, bar.top + 12], paddingBottomRight: [panelCover() + 16, bar.bottom + 12] };
}


function layerTitle(id) {
  return () => {
    const c = catalog && catalog.collections.find((x) => x.id === id);
    return c ? pick(c.title, id) : id;
  };
}

async function main() {
  applyDocumentLang();
  initStatus();
  setupPanelToggle();
  relabelChrome();
  $('lang-switch').addEventListener('click', () => setLang(otherLang()));
  onLangChange(relabelAll);

  if (!L) {
    window.parkatlas = {
      map: null, layers: {}, ready, readiness: readinessHook.hook, editing: editingHook.hook, errors: ['leaflet'],
      user: userBar.user, userReady,
    };
    showError('leaflet', 'errorLeaflet');
    rejectReady(new Error('Leaflet not loaded'));
    readinessHook.fail(new Error('Leaflet not loaded'));
    editingHook.fail(new Error('Leaflet not loaded'));
    return;
  }

  const map = L.map('map', {
    zoomControl: false,
    center: PROVISIONAL_VIEW.center,
    zoom: PROVISIONAL_VIEW.zoom,
    maxZoom: 20,
    // Fractional zoom lets the park fill the window instead of snapping to half its size.
    zoomSnap: 0.25,
    // Labels and popups are positioned from layer centres; keep scroll-zoom smooth but not jumpy.
    wheelPxPerZoomLevel: 90,
  });
  L.control.zoom({ position: 'topleft' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 160 }).addTo(map);
  const measuring = addMeasuring(map);
  map.on('popupopen', (e) => {
    const btn = e.popup.getElement() && e.popup.getElement().querySelector('.leaflet-popup-close-button');
    if (btn) {
      btn.setAttribute('aria-label', t('closePopup'));
      btn.title = t('closePopup');
    }
  });

  const layers = {};
  const parkatlas = {
    map, layers, ready, readiness: readinessHook.hook, editing: editingHook.hook, catalog: null, errors: [], getLang, setLang,
    user: userBar.user, userReady,
  };
  parkatlas.measuring = measuring;
  window.parkatlas = parkatlas;
  relabelChrome();

  showLoading('loadingConfig');
  try {
    catalog = await loadCatalog();
  } catch (err) {
    console.error('ParkAtlas: map configuration failed', err);
    hideLoading();
    // An empty layer panel would only suggest the park has no data; hide it and let the banner speak.
    document.body.classList.add('pa-no-catalog');
    showError('config', 'errorConfig', { detail: () => describeError(err) });
    parkatlas.errors.push('config');
    rejectReady(err);
    readinessHook.fail(err);
    editingHook.fail(err);
    return;
  }
  parkatlas.catalog = catalog;

  parkatlas.basemaps = new Basemaps(map, catalog, initialBasemap(catalog));
  addContext(map).catch((err) => console.warn('ParkAtlas: no context around the park', err));
  const bounds = parkBounds(catalog.park);
  // No animation: the first view should simply be the park, and popups or pans started right
  // after (by a user or a test) must not race a zoom transition.
  if (bounds) map.fitBounds(bounds, { ...fitPadding(), animate: false });

  manager = new LayerManager(map, catalog, {
    coveredRight: panelCover,
    coveredBottom: () => (readiness ? readiness.coveredBottom() : 0),
    onChange: (id, entry) => {
      if (entry && entry.loaded) clearError(`layer:${id}`);
      if (panel) panel.update(id);
      queueLegend();
    },
  });
  // Same object identity as exposed earlier, so a test holding parkatlas.layers sees them.
  Object.assign(layers, manager.layers);

  // Before the layers load, so ?view=readiness colours the parcels as they arrive.
  readiness = new ReadinessView(map, manager, catalog, { onLegend: queueLegend, coveredRight: panelCover });
  readinessHook.attach(readiness, readiness.ready);
  // The time bar it shows covers the map's bottom: frame the park again above it.
  const bar = timebarCover();
  if (bounds && (bar.top > 0 || bar.bottom > 0)) map.fitBounds(bounds, { ...fitPadding(), animate: false });

  // The investor's finder; it takes the editor's place at the map's left edge when opened.
  finder = new FinderView(map, manager, catalog, {
    coveredRight: panelCover,
    onOpen: () => {
      if (editorRef && editorRef.on) editorRef.setEnabled(false);
      if (analyst) analyst.show(false);
      if (pipeline) pipeline.show(false);
      if (efficiency) efficiency.show(false);
      if (scenarios) scenarios.show(false);
    },
  });
  parkatlas.finder = finder;
  // The analyst's panel takes the same edge of the map: one of the two at a time.
  analyst = new AnalystView(map, catalog, {
    manager,
    signedIn: () => userReady.then((u) => Boolean(u && u.signedIn)),
    onOpen: () => {
      if (editorRef && editorRef.on) editorRef.setEnabled(false);
      finder.show(false);
      if (pipeline) pipeline.show(false);
      if (efficiency) efficiency.show(false);
      if (scenarios) scenarios.show(false);
    },
  });
  parkatlas.analyst = analyst;
  // The investment pipeline, on the same edge: one of the three at a time.
  pipeline = new PipelineView(map, manager, {
    getUser: () => parkatlas.user || userBar.user,
    onOpen: () => {
      if (editorRef && editorRef.on) editorRef.setEnabled(false);
      finder.show(false);
      analyst.show(false);
      // both colour the parcels: the readiness view steps aside while the pools are shown
      if (readiness && readiness.on) readiness.show(false);
      if (efficiency) efficiency.show(false);
      if (scenarios) scenarios.show(false);
    },
  });
  parkatlas.pipeline = pipeline;
  // 以亩产论英雄: the same edge, and the parcels' colours too
  efficiency = new EfficiencyView(map, manager, {
    onOpen: () => {
      if (editorRef && editorRef.on) editorRef.setEnabled(false);
      finder.show(false);
      analyst.show(false);
      pipeline.show(false);
      if (readiness && readiness.on) readiness.show(false);
      if (scenarios) scenarios.show(false);
    },
  });
  parkatlas.efficiency = efficiency;
  // What-if scenarios (the staff's): the same edge, and the parcels' colours too
  scenarios = new ScenarioView(map, manager, {
    getUser: () => parkatlas.user || userBar.user,
    onOpen: () => {
      if (editorRef && editorRef.on) editorRef.setEnabled(false);
      finder.show(false);
      analyst.show(false);
      pipeline.show(false);
      efficiency.show(false);
      if (readiness && readiness.on) readiness.show(false);
    },
  });
  parkatlas.scenarios = scenarios;

  // Edit mode only for those who may edit: Leaflet-Geoman and the editor are not even downloaded for anyone else.
  attachEditor(map, parkatlas);

  const onLayerError = (id, err) => {
    console.error(`ParkAtlas: layer ${id} failed`, err);
    showError(`layer:${id}`, 'errorLayer', { name: layerTitle(id), detail: () => describeError(err) });
    if (!parkatlas.errors.includes(id)) parkatlas.errors.push(id);
  };
  panel = new LayerPanel($('pa-layer-list'), manager, {
    onError: onLayerError,
  });
  relabelAll();

  const initial = manager.ordered.filter((c) => manager.entries.get(c.id).defaultVisible).map((c) => c.id);
  let done = 0;
  showLoading('loadingLayers', { done, total: initial.length });
  await Promise.allSettled(
    initial.map((id) =>
      manager.setVisible(id, true).catch((err) => onLayerError(id, err)).finally(() => {
        done += 1;
        showLoading('loadingLayers', { done, total: initial.length });
      }),
    ),
  );
  hideLoading();
  readiness.prefetch(); // every parcel's dates, after the layers of the first view

  // Without a usable bbox in the catalog, frame whatever the boundary layer drew.
  if (!bounds) {
    const b = layers['park-boundary'] && layers['park-boundary'].getBounds();
    if (b && b.isValid()) map.fitBounds(b, { ...fitPadding(), animate: false });
  }
  // Names of zones, parks, corridors and axes: only where they do not cover a more important one.
  const declutterLabels = keepLabelsApart(map);
  onLangChange(declutterLabels); // the names change length with the language
  document.body.classList.add('pa-ready');
  performance.mark('parkatlas-ready'); // the first view's layers are drawn (PageWeightBenchmark reads it)
  resolveReady(parkatlas);

  // Hidden layers are only counted (for their row in the panel); their features come when they are shown, so a
  // visit does not download the utility network nobody opened.
  for (const c of manager.ordered) {
    if (!manager.entries.get(c.id).defaultVisible) {
      manager.count(c.id).catch((err) => console.warn(`ParkAtlas: counting ${c.id} failed`, err));
    }
  }
}

main().catch((err) => {
  // Last resort: a bug here must still leave the user a message rather than a blank page.
  console.error('ParkAtlas: startup failed', err);
  hideLoading();
  showError('startup', 'errorConfig', { detail: () => describeError(err) });
  rejectReady(err);
  readinessHook.fail(err);
  editingHook.fail(err);
});
