// The finder's form: the criteria an investor sets, most-asked first (park, area, standard land, ready by), the
// rest under "more criteria". Every option's words come from the catalog or i18n; values are the API's own.

import { el } from '../dom.js';
import { t, pick } from '../i18n.js';
import { attributeValues, readinessItemLabel } from '../vocabulary.js';
import { AREA_BANDS, SORTS, readyByChoices } from './criteria.js';

/** A labelled control in a row of the form. */
function field(labelKey, control, id) {
  const wrap = el('div', 'pa-finder-field');
  const label = el('label', 'pa-finder-label', t(labelKey));
  label.htmlFor = id;
  control.id = id;
  wrap.append(label, control);
  return wrap;
}

function select(name, options) {
  const s = el('select', 'pa-finder-input');
  s.name = name;
  for (const [value, text] of options) {
    const o = el('option', null, text);
    o.value = value;
    s.append(o);
  }
  return s;
}

function number(name, placeholderKey, step = 'any') {
  const input = el('input', 'pa-finder-input pa-finder-number');
  input.type = 'number';
  input.name = name;
  input.min = '0';
  input.step = step;
  input.inputMode = 'decimal';
  if (placeholderKey) input.placeholder = t(placeholderKey);
  return input;
}

export class FinderForm {
  /**
   * @param parcels  the parcels collection of the catalog
   * @param places   {industrialParks: [{code, name}], zones: [{code, name}]} with {zh, en} names
   * @param onChange called with the criteria whenever the investor changes one
   */
  constructor(root, parcels, places, readinessItems, onChange) {
    this.root = root;
    this.parcels = parcels;
    this.places = places;
    this.readinessItems = readinessItems.filter((id) => id !== 'leveling');
    this.onChange = onChange;
    this.render({});
  }

  /** Draws the form for the current language, showing `criteria`. */
  render(criteria) {
    this.root.replaceChildren();
    const c = this.controls = {};
    const placeOptions = (list) => [['', t('finderAny')], ...list.map((p) => [p.code, pick(p.name, p.code)])];
    c.industrial_park = select('industrial_park', placeOptions(this.places.industrialParks));
    c.zone = select('zone', placeOptions(this.places.zones));
    c.area = select('area', [...AREA_BANDS.map((b) => [b.id, b.id ? t('finderAreaBand', { band: b.id.replace(/-$/, '+') }) : t('finderAny')]), ['custom', t('finderCustom')]]);
    c.min_mu = number('min_mu', 'finderFrom');
    c.max_mu = number('max_mu', 'finderTo');
    c.standard_land = el('input', 'pa-finder-check');
    c.standard_land.type = 'checkbox';
    c.standard_land.name = 'standard_land';
    c.ready_by = select('ready_by_choice', [['', t('finderAny')], ...readyByChoices().map((d) => [d, t('finderBy', { date: d })]), ['custom', t('finderCustomDate')]]);
    c.ready_by_date = el('input', 'pa-finder-input');
    c.ready_by_date.type = 'date';
    const statuses = attributeValues(this.parcels, 'status') || [];
    c.status = select('status', [['', pick(statuses.find((s) => s.value === 'available')?.label, 'available')],
      ['any', t('finderAnyStatus')], ...statuses.filter((s) => s.value !== 'available').map((s) => [s.value, pick(s.label, s.value)])]);
    const uses = attributeValues(this.parcels, 'land_use') || [];
    c.land_use = select('land_use', [['', t('finderAny')], ...uses.map((u) => [u.value, `${u.value} ${pick(u.label, '')}`])]);
    c.needs = this.readinessItems.map((id) => {
      const box = el('input', 'pa-finder-check');
      box.type = 'checkbox';
      box.value = id;
      box.name = 'needs';
      const label = el('label', 'pa-finder-need');
      label.append(box, document.createTextNode(readinessItemLabel(id)));
      return { box, label };
    });
    c.max_investment = number('max_investment', null);
    c.max_tax = number('max_tax', null);
    c.min_far = number('min_far', 'finderFrom');
    c.max_far = number('max_far', 'finderTo');
    const distances = [...(this.parcels.derivedAttributes || [])].filter((a) => a.name.endsWith('_distance_m'));
    c.near = select('near', [['', t('finderAnywhere')], ...distances.map((a) => [a.name.replace(/_distance_m$/, ''), pick(a.label, a.name)])]);
    c.within_m = number('within_m', 'finderMetres', '50');
    c.sort = select('sort', SORTS.map((s) => [s, t(`finderSort_${s.replace(/^-/, 'desc_')}`)]));

    const area = el('div', 'pa-finder-range');
    area.append(c.min_mu, el('span', 'pa-finder-dash', '–'), c.max_mu);
    const far = el('div', 'pa-finder-range');
    far.append(c.min_far, el('span', 'pa-finder-dash', '–'), c.max_far);
    const near = el('div', 'pa-finder-range');
    near.append(c.near, c.within_m);
    const standard = el('label', 'pa-finder-inline');
    standard.append(c.standard_land, document.createTextNode(t('finderStandardOnly')));
    const needs = el('fieldset', 'pa-finder-needs');
    needs.append(el('legend', null, t('finderNeeds')), ...c.needs.map((n) => n.label));

    const more = el('details', 'pa-finder-more');
    more.append(el('summary', null, t('finderMore')),
      field('finderStatus', c.status, 'finder-status'),
      field('finderZone', c.zone, 'finder-zone'),
      field('finderLandUse', c.land_use, 'finder-land-use'),
      needs,
      field('finderInvestment', c.max_investment, 'finder-investment'),
      field('finderTax', c.max_tax, 'finder-tax'),
      field('finderFar', far, 'finder-far'),
      field('finderNear', near, 'finder-near'));
    this.more = more;

    this.root.append(
      field('finderPark', c.industrial_park, 'finder-park'),
      field('finderArea', c.area, 'finder-area'),
      area,
      standard,
      field('finderReadyBy', c.ready_by, 'finder-ready-by'),
      c.ready_by_date,
      more,
      field('finderSort', c.sort, 'finder-sort'));
    this.show(criteria);
    // 'change' too: some ways of choosing an option (keyboard, assistive tools, WebDriver) fire only that
    this._listener = this._listener || ((e) => this._changed(e));
    this.root.addEventListener('input', this._listener);
    this.root.addEventListener('change', this._listener);
  }

  _changed(e) {
    const c = this.controls;
    if (e.target === c.area) {
      const band = AREA_BANDS.find((b) => b.id === c.area.value);
      if (band) {
        c.min_mu.value = band.min;
        c.max_mu.value = band.max;
      }
    } else if (e.target === c.min_mu || e.target === c.max_mu) {
      c.area.value = bandOf(c.min_mu.value, c.max_mu.value);
    }
    if (e.target === c.ready_by) c.ready_by_date.value = c.ready_by.value === 'custom' ? c.ready_by_date.value : c.ready_by.value;
    if (e.target === c.ready_by_date) c.ready_by.value = readyByChoices().includes(c.ready_by_date.value) ? c.ready_by_date.value : (c.ready_by_date.value ? 'custom' : '');
    c.ready_by_date.hidden = c.ready_by.value !== 'custom';
    this.onChange(this.criteria());
  }

  /** The criteria as the form shows them, with the API's names; empty ones left out. */
  criteria() {
    const c = this.controls;
    const out = {};
    const put = (k, v) => {
      if (v !== '' && v != null && v !== false) out[k] = String(v);
    };
    put('industrial_park', c.industrial_park.value);
    put('zone', c.zone.value);
    put('min_mu', c.min_mu.value);
    put('max_mu', c.max_mu.value);
    put('status', c.status.value);
    if (c.standard_land.checked) put('standard_land', 'true');
    put('land_use', c.land_use.value);
    put('ready_by', c.ready_by_date.value);
    put('needs', c.needs.filter((n) => n.box.checked).map((n) => n.box.value).join(','));
    put('max_investment', c.max_investment.value);
    put('max_tax', c.max_tax.value);
    put('min_far', c.min_far.value);
    put('max_far', c.max_far.value);
    if (c.near.value && c.within_m.value) {
      put('near', c.near.value);
      put('within_m', c.within_m.value);
    }
    if (c.sort.value !== SORTS[0]) put('sort', c.sort.value);
    return out;
  }

  /** Sets the controls to `criteria` (from the address), opening "more" when any of its criteria is set. */
  show(criteria) {
    const c = this.controls;
    const set = (control, v) => {
      control.value = v == null ? '' : v;
    };
    set(c.industrial_park, criteria.industrial_park);
    set(c.zone, criteria.zone);
    set(c.min_mu, criteria.min_mu);
    set(c.max_mu, criteria.max_mu);
    c.area.value = bandOf(c.min_mu.value, c.max_mu.value);
    set(c.status, criteria.status);
    c.standard_land.checked = criteria.standard_land === 'true';
    set(c.land_use, criteria.land_use);
    set(c.ready_by_date, criteria.ready_by);
    c.ready_by.value = !criteria.ready_by ? '' : readyByChoices().includes(criteria.ready_by) ? criteria.ready_by : 'custom';
    c.ready_by_date.hidden = c.ready_by.value !== 'custom';
    const needs = (criteria.needs || '').split(',');
    c.needs.forEach((n) => { n.box.checked = needs.includes(n.box.value); });
    set(c.max_investment, criteria.max_investment);
    set(c.max_tax, criteria.max_tax);
    set(c.min_far, criteria.min_far);
    set(c.max_far, criteria.max_far);
    set(c.near, criteria.near);
    set(c.within_m, criteria.within_m);
    set(c.sort, criteria.sort || SORTS[0]);
    if (['status', 'zone', 'land_use', 'needs', 'max_investment', 'max_tax', 'min_far', 'max_far', 'near'].some((k) => criteria[k])) {
      this.more.open = true;
    }
  }
}

function bandOf(min, max) {
  const band = AREA_BANDS.find((b) => b.min === min && b.max === max);
  return band ? band.id : 'custom';
}

