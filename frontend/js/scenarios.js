// What-if scenarios (方案比选), a mode of the map page for the park's staff: pick a scenario — "the sewage plant six
// months late" — and see, as of a day, which parcels are fully serviced later (or earlier) than the park as planned
// says, by how much and for which items; the totals per zone; the pipeline projects on parcels that slip; a CSV and
// a PDF of the list for the bureau's meeting. The parcels are coloured by their slip while it is open, and the day
// slider recolours them inside the scenario. Planners make a scenario from one work's new date, share it, and apply
// it. Everything the server sends is set as text.

import { getJson } from './config.js';
import { t, getLang, onLangChange } from './i18n.js';
import { el, setPanelOpen } from './dom.js';
import { token } from './styles.js';
import { request } from './request.js';
import { canEdit } from './auth.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['slip-long', 'slip-mid', 'slip-short', 'never', 'earlier', 'items', 'same'];
const WORKS = ['facilities', 'roads', 'utility-lines'];
/** The slider's span: five years back and ten ahead of today, by month. */
const SLIDER_MONTHS_BACK = 60;
const SLIDER_MONTHS = 180;

function todayIso() {
  const d = new Date();
  return iso(d);
}

function iso(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function monthFromSlider(value) {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - SLIDER_MONTHS_BACK + Number(value));
  return iso(d);
}

function sliderFromDay(day) {
  const now = new Date();
  const [y, m] = day.split('-').map(Number);
  const months = (y - now.getFullYear()) * 12 + (m - 1 - now.getMonth()) + SLIDER_MONTHS_BACK;
  return Math.max(0, Math.min(SLIDER_MONTHS, months));
}

function number(n, digits = 2) {
  return n == null ? '—' : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

/** The kind of change a parcel's row shows, for its colour and key. */
export function slipKind(row) {
  if (!row) return 'same';
  if (row.change === 'never') return 'never';
  if (row.change === 'gains' || row.change === 'newly_dated') return 'earlier';
  if (row.change === 'items_only') return 'items';
  if (row.days > 180) return 'slip-long';
  if (row.days > 30) return 'slip-mid';
  return 'slip-short';
}

function kindColour(kind) {
  return token(`--pa-map-scenario-${kind}`);
}

export class ScenarioView {
  /**
   * @param manager the map's layers (the parcels are recoloured while the view is open)
   * @param getUser () → the signed-in user: planners make, share and apply scenarios
   * @param onOpen  called when the panel opens (the other panels on the same edge step aside)
   */
  constructor(map, manager, { getUser, onOpen } = {}) {
    this.map = map;
    this.manager = manager;
    this.getUser = getUser || (() => null);
    this.onOpen = onOpen || (() => {});
    this.on = false;
    this.scenarios = [];
    this.compare = null;
    this.rows = new Map();
    this.pending = Promise.resolve();
    this.section = $('pa-scenario');
    this.toggle = $('scenario-toggle');
    this.select = $('scenario-select');
    this.date = $('scenario-asof');
    this.slider = $('scenario-slider');
    this.onlyAvailable = $('scenario-available');
    this.date.value = todayIso();
    this.slider.max = String(SLIDER_MONTHS);
    this.slider.value = String(sliderFromDay(this.date.value));
    this.toggle.addEventListener('click', () => this.show(!this.on));
    $('pa-scenario-close').addEventListener('click', () => this.show(false));
    this.select.addEventListener('change', () => { this.pending = this._load(); });
    this.date.addEventListener('change', () => {
      if (!this.date.value) return;
      this.slider.value = String(sliderFromDay(this.date.value));
      this.pending = this._load();
    });
    // the slider moves by month; the list and colours follow once it is let go (and while keys move it)
    this.slider.addEventListener('input', () => { this.date.value = monthFromSlider(this.slider.value); });
    this.slider.addEventListener('change', () => { this.pending = this._load(); });
    this.onlyAvailable.addEventListener('change', () => { if (this.compare) this._render(); });
    $('scenario-work-collection').addEventListener('change', () => { this.pending = this._works(); });
    $('scenario-create').addEventListener('submit', (e) => { e.preventDefault(); this.pending = this._create(); });
    $('scenario-share').addEventListener('click', () => { this.pending = this._share(); });
    $('scenario-apply').addEventListener('click', () => { this.pending = this._apply(); });
    this.relabel();
    onLangChange(() => { this.relabel(); if (this.compare) this._render(); });
  }

  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    setPanelOpen(this.section, this.toggle, 'pa-view-scenario', next);
    if (next) {
      this.onOpen();
      this.manager.decorate('parcels', {
        style: (feature, base) => {
          const kind = slipKind(this.rows.get(String(feature.id)));
          return { ...base, fill: true, fillColor: kindColour(kind), fillOpacity: kind === 'same' ? 0.2 : 0.8,
            color: kind === 'same' ? base.color : kindColour(kind) };
        },
        tooltip: (feature, text) => {
          const row = this.rows.get(String(feature.id));
          return row ? `${text} · ${this._rowSummary(row)}` : text;
        },
      });
      this.pending = this._list();
    } else {
      this.manager.decorate('parcels', null);
    }
    return this.on;
  }

  /** Resolves once the last request has been answered (for tests and scripts). */
  settled() {
    return this.pending.then(() => {}, () => {});
  }

  _planner() {
    return canEdit(this.getUser());
  }

  async _list(select) {
    this._error(null);
    try {
      this.scenarios = await getJson('/api/scenarios');
    } catch (err) {
      this._error(err);
      return;
    }
    const wanted = select || this.select.value || new URLSearchParams(window.location.search).get('scenario');
    this.select.replaceChildren(...this.scenarios.map((s) => {
      const option = el('option', null, `${s.name}（${s.state_label}）`);
      option.value = s.id;
      return option;
    }));
    if (wanted && this.scenarios.some((s) => s.id === wanted)) this.select.value = wanted;
    $('scenario-none').hidden = this.scenarios.length > 0;
    $('scenario-create').hidden = !this._planner();
    if (this._planner() && !$('scenario-work').options.length) await this._works();
    await this._load();
  }

  _current() {
    return this.scenarios.find((s) => s.id === this.select.value) || null;
  }

  async _load() {
    const scenario = this._current();
    this._error(null);
    if (!scenario) {
      this.compare = null;
      this.rows = new Map();
      this._render();
      return;
    }
    const asOf = this.date.value || todayIso();
    try {
      this.compare = await getJson(`/api/scenarios/${encodeURIComponent(scenario.id)}/compare?as_of=${encodeURIComponent(asOf)}`);
      this.rows = new Map(this.compare.parcels.map((row) => [String(row.id), row]));
      this._render();
    } catch (err) {
      this._error(err);
    }
  }

  _render() {
    const scenario = this._current();
    const c = this.compare;
    $('scenario-body').hidden = !c;
    this.manager.restyle('parcels');
    if (!c || !scenario) return;
    $('scenario-state').textContent = t('scenarioState', { state: scenario.state_label, by: scenario.updated_by,
      version: scenario.version });
    const planner = this._planner();
    $('scenario-share').hidden = !planner || scenario.state !== 'draft';
    $('scenario-apply').hidden = !planner || scenario.state === 'applied';
    const park = c.totals.park;
    const tiles = [
      [t('scenarioReadyPlanned'), t('scenarioParcelsMu', { n: park.baseline_ready, mu: number(park.baseline_ready_mu) })],
      [t('scenarioReadyInside'), t('scenarioParcelsMu', { n: park.scenario_ready, mu: number(park.scenario_ready_mu) })],
      [t('scenarioSlipping'), t('scenarioParcelsMu', { n: park.slipping, mu: number(park.slipping_mu) })],
      [t('scenarioGaining'), String(park.gaining)],
    ];
    $('scenario-figures').replaceChildren(...tiles.map(([label, value]) => {
      const tile = el('div', 'pa-pipeline-figure');
      tile.append(el('span', 'pa-pipeline-figure-label', label), el('strong', 'pa-pipeline-figure-value', value));
      return tile;
    }));
    this._zones(c.totals.by_zone);
    const rows = c.parcels.filter((row) => !this.onlyAvailable.checked || row.status === 'available');
    $('scenario-count').textContent = t('scenarioListed', { n: rows.length });
    $('scenario-parcels').replaceChildren(...rows.slice(0, 300).map((row) => {
      const item = el('li', 'pa-pipeline-member pa-scenario-row');
      item.dataset.id = row.id;
      item.dataset.kind = slipKind(row);
      const swatch = el('span', 'pa-pipeline-swatch');
      swatch.style.background = kindColour(slipKind(row));
      const head = el('span', 'pa-pipeline-code');
      head.append(swatch, document.createTextNode(row.code || row.id));
      item.append(head, el('span', 'pa-pipeline-name', this._rowSummary(row)));
      item.append(el('span', 'pa-pipeline-extra', row.items.map((i) => `${i.label} ${i.baseline_ready_date || '—'} → ${i.scenario_ready_date || '—'}`).join('；')));
      const show = el('button', 'pa-link-button', t('scenarioShow'));
      show.type = 'button';
      show.addEventListener('click', () => this._zoomTo(row.id));
      item.append(show);
      return item;
    }));
    const risks = (c.projects_at_risk || []);
    $('scenario-projects').replaceChildren(...(risks.length ? risks.map((p) => el('li', p.start_at_risk ? 'pa-scenario-risk' : null,
      t('scenarioProjectRow', { code: p.code, name: p.name, stage: p.stage_label || '', parcel: p.parcel_code,
        start: p.planned_start_date || '—', ready: p.scenario_ready_date || t('scenarioNever') })
      + (p.start_at_risk ? ` · ${t('scenarioStartAtRisk')}` : ''))) : [el('li', null, t('scenarioNoProjects'))]));
    const query = `as_of=${encodeURIComponent(c.as_of)}${this.onlyAvailable.checked ? '&status=available' : ''}`;
    const base = `/api/scenarios/${encodeURIComponent(scenario.id)}/compare?${query}&lang=${getLang() === 'en' ? 'en' : 'zh-CN'}`;
    $('scenario-csv').href = `${base}&f=csv`;
    $('scenario-pdf').href = `${base}&f=pdf`;
    this._legend();
  }

  _rowSummary(row) {
    const days = row.days == null ? '' : row.days > 0 ? t('scenarioLater', { n: row.days }) : row.days < 0
      ? t('scenarioEarlier', { n: -row.days }) : '';
    return `${row.baseline_ready_date || t('scenarioNever')} → ${row.scenario_ready_date || t('scenarioNever')}`
      + (days ? ` (${days})` : ` (${row.change_label})`);
  }

  _zones(zones) {
    const table = $('scenario-zones');
    const head = el('tr');
    for (const h of [t('scenarioZone'), t('scenarioReadyPlannedShort'), t('scenarioReadyInsideShort'), t('scenarioSlippingShort')]) {
      head.append(el('th', null, h));
    }
    const rows = zones.map((z) => {
      const tr = el('tr');
      tr.append(el('td', null, z.name || z.code || t('scenarioOutside')),
        el('td', null, t('scenarioParcelsMu', { n: z.baseline_ready, mu: number(z.baseline_ready_mu, 0) })),
        el('td', null, t('scenarioParcelsMu', { n: z.scenario_ready, mu: number(z.scenario_ready_mu, 0) })),
        el('td', null, String(z.slipping)));
      return tr;
    });
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
  }

  /** How many parcels the map shows in each colour. */
  _legend() {
    const counts = new Map();
    const parcels = this.manager.layers.parcels;
    if (parcels && parcels.eachLayer) parcels.eachLayer((layer) => {
      const kind = slipKind(layer.feature && this.rows.get(String(layer.feature.id)));
      counts.set(kind, (counts.get(kind) || 0) + 1);
    });
    $('scenario-legend').replaceChildren(...KINDS.map((kind) => {
      const row = el('li', 'pa-pipeline-legend-row');
      row.dataset.kind = kind;
      const swatch = el('span', 'pa-pipeline-swatch');
      swatch.style.background = kindColour(kind);
      row.append(swatch, el('span', null, t(`scenarioKind_${kind.replace('-', '_')}`)),
        el('span', 'pa-pipeline-legend-count', String(counts.get(kind) || 0)));
      return row;
    }));
  }

  _zoomTo(id) {
    const parcels = this.manager.layers.parcels;
    let found = null;
    if (parcels && parcels.eachLayer) parcels.eachLayer((layer) => {
      if (!found && layer.feature && String(layer.feature.id) === String(id)) found = layer;
    });
    if (found && found.getBounds) this.map.fitBounds(found.getBounds(), { maxZoom: 17 });
  }

  /** The works of the chosen collection, for a new scenario's one change. */
  async _works() {
    const collection = $('scenario-work-collection').value || WORKS[0];
    const select = $('scenario-work');
    try {
      const page = await getJson(`/ogcapi/collections/${collection}/items?limit=2000&skipGeometry=true&properties=name,status,completion_date`);
      select.replaceChildren(...page.features.map((f) => {
        const p = f.properties || {};
        const option = el('option', null, `${p.name || f.id} · ${p.completion_date || '—'}`);
        option.value = f.id;
        return option;
      }));
    } catch (err) {
      this._error(err);
    }
  }

  async _create() {
    const status = $('scenario-status');
    const name = $('scenario-name').value.trim();
    const properties = {};
    const date = $('scenario-work-date').value;
    if (date) properties.completion_date = date;
    const workStatus = $('scenario-work-status').value;
    if (workStatus) properties.status = workStatus;
    try {
      const created = await request('POST', '/api/scenarios', { body: { name, overrides: [{
        collection: $('scenario-work-collection').value, id: $('scenario-work').value, properties }] } });
      const body = created && created.body;
      status.textContent = t('scenarioCreated', { name });
      $('scenario-name').value = '';
      await this._list(body && body.id);
    } catch (err) {
      status.textContent = err && err.message ? err.message : String(err); // the problem's detail, in the page's language
    }
  }

  async _share() {
    const scenario = this._current();
    if (!scenario) return;
    try {
      await request('PATCH', `/api/scenarios/${encodeURIComponent(scenario.id)}`, { body: { state: 'shared' },
        ifMatch: `"${scenario.version}"` });
      $('scenario-status').textContent = t('scenarioShared', { name: scenario.name });
      await this._list(scenario.id);
    } catch (err) {
      $('scenario-status').textContent = err && err.message ? err.message : String(err);
    }
  }

  async _apply() {
    const scenario = this._current();
    if (!scenario || !window.confirm(t('scenarioConfirmApply', { name: scenario.name }))) return;
    try {
      await request('POST', `/api/scenarios/${encodeURIComponent(scenario.id)}/apply`, {
        ifMatch: `"${scenario.version}"` });
      $('scenario-status').textContent = t('scenarioApplied', { name: scenario.name });
      await this.manager.reload('parcels').catch(() => {});
      await this._list(scenario.id);
    } catch (err) {
      $('scenario-status').textContent = err && err.message ? err.message : String(err);
    }
  }

  _error(err) {
    const box = $('scenario-error');
    box.hidden = !err;
    box.textContent = err ? t('scenarioError', { detail: err.message ? err.message : String(err) }) : '';
  }

  relabel() {
    $('scenario-toggle-text').textContent = t('scenarioButton');
    $('pa-scenario-heading').textContent = t('scenarioHeading');
    $('pa-scenario-close').setAttribute('aria-label', t('close'));
    $('scenario-select-label').textContent = t('scenarioChoose');
    $('scenario-asof-label').textContent = t('scenarioAsOf');
    this.slider.setAttribute('aria-label', t('scenarioAsOf'));
    $('scenario-available-label').textContent = t('scenarioOnlyAvailable');
    $('scenario-none').textContent = t('scenarioNone');
    $('scenario-zones-heading').textContent = t('scenarioByZone');
    $('scenario-parcels-heading').textContent = t('scenarioParcels');
    $('scenario-projects-heading').textContent = t('scenarioProjects');
    $('scenario-legend-heading').textContent = t('scenarioLegend');
    $('scenario-csv').textContent = t('scenarioCsv');
    $('scenario-pdf').textContent = t('scenarioPdf');
    $('scenario-share').textContent = t('scenarioShare');
    $('scenario-apply').textContent = t('scenarioApply');
    $('scenario-create-heading').textContent = t('scenarioNew');
    $('scenario-name-label').textContent = t('scenarioName');
    $('scenario-work-collection-label').textContent = t('scenarioWorkLayer');
    $('scenario-work-label').textContent = t('scenarioWork');
    $('scenario-work-date-label').textContent = t('scenarioWorkDate');
    $('scenario-work-status-label').textContent = t('scenarioWorkStatus');
    $('scenario-create-button').textContent = t('scenarioCreate');
    const collections = $('scenario-work-collection');
    const chosen = collections.value;
    collections.replaceChildren(...WORKS.map((id) => {
      const option = el('option', null, t(`scenarioWorks_${id.replace('-', '_')}`));
      option.value = id;
      return option;
    }));
    collections.value = chosen || WORKS[0];
    const statuses = $('scenario-work-status');
    const keep = statuses.value;
    statuses.replaceChildren(...['', 'existing', 'under_construction', 'planned'].map((s) => {
      const option = el('option', null, s ? t(`scenarioStatus_${s}`) : t('scenarioStatusKeep'));
      option.value = s;
      return option;
    }));
    statuses.value = keep;
    if (this.compare) this._legend();
  }
}
