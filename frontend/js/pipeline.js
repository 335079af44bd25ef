// The investment pipeline (招商五库), a mode of the map page: the five pools as of a day with their projects and
// investment, the figures the zone reports (signings against the year's target, start, commissioning and
// target-output rates, funds received), the signed projects late to start, and a chart of the start rate per zone.
// While it is open the parcels are coloured by the pool of the project on them. The investment bureau moves a
// project on (or back, with a reason) from its row. Everything the server sends is set as text.

import { getJson } from './config.js';
import { t, getLang, onLangChange } from './i18n.js';
import { el, setPanelOpen } from './dom.js';
import { token } from './styles.js';
import { request } from './request.js';
import { canMoveProjects } from './auth.js';
import { drawBars } from './analyst/chart.js';

const $ = (id) => document.getElementById(id);
const STAGES = ['planning', 'negotiating', 'signed', 'under_construction', 'in_production'];

function stageColour(stage) {
  return token(`--pa-map-stage-${String(stage || 'none').replace(/_/g, '-')}`);
}

function percent(rate) {
  return rate == null ? '—' : `${(rate * 100).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 })}%`;
}

function amount(n) {
  return n == null ? '—' : Number(n).toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 });
}

/** A project's name in the reader's language, the Chinese one where there is no English one. */
function nameOf(project) {
  return getLang() === 'en' && project.name_en ? project.name_en : project.name;
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class PipelineView {
  /**
   * @param manager the map's layers (the parcels are recoloured while the view is open)
   * @param getUser () → the signed-in user, to offer moves to those who may make them
   * @param onOpen  called when the panel opens (the finder and analyst, on the same edge, step aside)
   */
  constructor(map, manager, { getUser, onOpen } = {}) {
    this.map = map;
    this.manager = manager;
    this.getUser = getUser || (() => null);
    this.onOpen = onOpen || (() => {});
    this.on = false;
    this.board = null;
    this.chart = null;
    this.pending = Promise.resolve();
    this.section = $('pa-pipeline');
    this.toggle = $('pipeline-toggle');
    this.date = $('pipeline-asof');
    this.date.value = todayIso();
    this.toggle.addEventListener('click', () => this.show(!this.on));
    $('pa-pipeline-close').addEventListener('click', () => this.show(false));
    this.date.addEventListener('change', () => { this.pending = this._load(); });
    this.relabel();
    onLangChange(() => { this.relabel(); if (this.board) this._render(); });
  }

  show(on) {
    if (on === undefined) return this.on;
    const next = Boolean(on);
    if (next === this.on) return this.on;
    this.on = next;
    setPanelOpen(this.section, this.toggle, 'pa-view-pipeline', next);
    if (next) {
      this.onOpen();
      this.manager.decorate('parcels', {
        style: (feature, base) => {
          const stage = feature.properties && feature.properties.pipeline_stage;
          return { ...base, fill: true, fillColor: stageColour(stage), fillOpacity: stage ? 0.8 : 0.25,
            color: stage ? stageColour(stage) : base.color };
        },
      });
      this.pending = this._load();
    } else {
      this.manager.decorate('parcels', null);
    }
    return this.on;
  }

  /** Resolves once the last request has been answered (for tests and scripts). */
  settled() {
    return this.pending.then(() => {}, () => {});
  }

  async _load() {
    const asOf = this.date.value || todayIso();
    $('pipeline-error').hidden = true;
    try {
      this.board = await getJson(`/api/pipeline?as_of=${encodeURIComponent(asOf)}`);
      this._render();
    } catch (err) {
      const box = $('pipeline-error');
      box.textContent = t('pipelineError', { detail: err && err.message ? err.message : String(err) });
      box.hidden = false;
    }
  }

  _render() {
    const board = this.board;
    const f = board.figures;
    const tiles = [
      [t('pipelineSignedYear'), String(f.signed_this_year), f.target_signings == null ? null : t('pipelineOfTarget', { target: f.target_signings })],
      [t('pipelineSignedAmount'), t('pipelineYi', { n: amount(f.signed_investment_this_year_yi) }), f.target_investment_yi == null ? null : t('pipelineOfTarget', { target: t('pipelineYi', { n: amount(f.target_investment_yi) }) })],
      [t('pipelineStartRate'), percent(f.start_rate), `${f.started} / ${f.signed}`],
      [t('pipelineCommissioningRate'), percent(f.commissioning_rate), `${f.producing} / ${f.started}`],
      [t('pipelineTargetOutputRate'), percent(f.target_output_rate), `${f.full_production} / ${f.producing}`],
      [t('pipelineFundsRate'), percent(f.funds_received_rate), null],
    ];
    $('pipeline-figures').replaceChildren(...tiles.map(([label, value, note]) => {
      const tile = el('div', 'pa-pipeline-figure');
      tile.append(el('span', 'pa-pipeline-figure-label', label), el('strong', 'pa-pipeline-figure-value', value));
      if (note) tile.append(el('span', 'pa-pipeline-figure-note', note));
      return tile;
    }));
    const mover = canMoveProjects(this.getUser());
    $('pipeline-pools').replaceChildren(...board.pools.map((pool, index) => {
      const box = el('section', 'pa-pipeline-pool');
      box.dataset.stage = pool.stage;
      const head = el('h3', 'pa-pipeline-pool-head');
      const swatch = el('span', 'pa-pipeline-swatch');
      swatch.style.background = stageColour(pool.stage);
      head.append(swatch, el('span', null, pool.title), el('span', 'pa-pipeline-pool-count',
        `${t('pipelineProjects', { n: pool.projects })} · ${t('pipelineYi', { n: amount(pool.total_investment_yi) })}`));
      const list = el('ul', 'pa-pipeline-members');
      for (const m of pool.members) {
        const row = el('li', 'pa-pipeline-member');
        row.dataset.id = m.id;
        row.append(el('span', 'pa-pipeline-code', m.code), el('span', 'pa-pipeline-name', nameOf(m)));
        const extra = [m.investor, m.total_investment_yi == null ? null : t('pipelineYi', { n: amount(m.total_investment_yi) }),
          (m.parcel_codes || []).join('、') || t('pipelineUnplaced')].filter(Boolean).join(' · ');
        row.append(el('span', 'pa-pipeline-extra', extra));
        if (mover) row.append(this._moves(m, index));
        list.append(row);
      }
      box.append(head, list);
      return box;
    }));
    const overdue = f.overdue || [];
    $('pipeline-overdue').replaceChildren(...(overdue.length ? overdue.map((o) => el('li', null, t('pipelineOverdueRow', {
      code: o.code, name: nameOf(o), date: o.planned_start_date, days: o.days_late }))) : [el('li', null, t('pipelineNone'))]));
    const zones = (board.by_zone || []).filter((z) => z.start_rate != null);
    drawBars($('pipeline-chart'), this.chart, zones.map((z) => ({ label: z.place || t('pipelineUnplaced'), value: Math.round(z.start_rate * 1000) / 10, series: null })),
      t('pipelineRate'), (v) => `${v}%`).then((chart) => { this.chart = chart; }, (err) => console.warn('ParkAtlas: pipeline chart', err));
    this._legend();
    // the parcels' pools are as of today on the map; a reload after a move shows the new colour
    this.manager.restyle('parcels');
  }

  _moves(member, index) {
    const actions = el('span', 'pa-pipeline-actions');
    if (index + 1 < STAGES.length) {
      const nextTitle = this.board.pools[index + 1].title;
      const next = el('button', 'pa-link-button', t('pipelineNext', { pool: nextTitle }));
      next.type = 'button';
      next.dataset.move = STAGES[index + 1];
      next.addEventListener('click', () => { this.pending = this._move(member, STAGES[index + 1], null, nextTitle); });
      actions.append(next);
    }
    if (index > 0) {
      const back = el('button', 'pa-link-button', t('pipelineBack'));
      back.type = 'button';
      back.dataset.move = STAGES[index - 1];
      back.addEventListener('click', () => {
        const reason = window.prompt(t('pipelineReason'));
        if (reason && reason.trim()) this.pending = this._move(member, STAGES[index - 1], reason.trim(), this.board.pools[index - 1].title);
      });
      actions.append(back);
    }
    return actions;
  }

  async _move(member, to, reason, poolTitle) {
    const status = $('pipeline-status');
    try {
      await request('POST', `/api/projects/${encodeURIComponent(member.id)}/transitions`, { body: { to, reason } });
      status.textContent = t('pipelineMoved', { name: nameOf(member), pool: poolTitle });
      await this.manager.reload('parcels').catch(() => {});
      await this._load();
    } catch (err) {
      status.textContent = err && err.message ? err.message : String(err); // a problem's detail, in the reader's language
    }
  }

  /** How many parcels of each pool the map shows, by the colour it gives them. */
  _legend() {
    const counts = new Map();
    const parcels = this.manager.layers.parcels;
    if (parcels) parcels.eachLayer((layer) => {
      const stage = (layer.feature && layer.feature.properties && layer.feature.properties.pipeline_stage) || null;
      counts.set(stage, (counts.get(stage) || 0) + 1);
    });
    const rows = [...STAGES, null].map((stage) => {
      const row = el('li', 'pa-pipeline-legend-row');
      const swatch = el('span', 'pa-pipeline-swatch');
      swatch.style.background = stageColour(stage);
      const pool = stage ? this.board.pools.find((p) => p.stage === stage) : null;
      row.append(swatch, el('span', null, pool ? pool.title : t('pipelineNoProject')), el('span', 'pa-pipeline-legend-count', String(counts.get(stage) || 0)));
      row.dataset.stage = stage || 'none';
      return row;
    });
    $('pipeline-legend').replaceChildren(...rows);
  }

  relabel() {
    $('pipeline-toggle-text').textContent = t('pipelineButton');
    $('pa-pipeline-heading').textContent = t('pipelineHeading');
    $('pa-pipeline-close').setAttribute('aria-label', t('close'));
    $('pipeline-asof-label').textContent = t('pipelineAsOf');
    $('pipeline-overdue-heading').textContent = t('pipelineOverdue');
    $('pipeline-chart-heading').textContent = t('pipelineByZone');
    $('pipeline-legend-heading').textContent = t('pipelineLegend');
  }
}
