// The query builder of the analyst's panel: rows of "attribute · operator · value" over every queryable attribute
// of the chosen layer (stored and derived), each written as CQL2 text and joined with AND. The value control follows
// the attribute: a pick-list with the labels for a coded one (status, land use, the zone and industrial park by
// name), yes/no for a boolean, the browser's date picker for a date, a number box for a number; "is empty" needs no
// value. A list of codes (regional assessments) is asked whether it holds a code (CQL2 A_CONTAINS) or is empty.

import { t, pick, getLang } from '../i18n.js';
import { el } from '../dom.js';

const OPERATORS = {
  coded: ['=', '<>', 'null'],
  text: ['=', '<>', 'like', 'null'],
  number: ['=', '<>', '<', '<=', '>', '>=', 'null'],
  date: ['=', '<', '<=', '>', '>=', 'null'],
  boolean: ['=', 'null'],
  list: ['a_contains', 'a_lacks', 'null'],
};

function quote(text) {
  return `'${String(text).replace(/'/g, "''")}'`;
}

export class ConditionBuilder {
  /**
   * @param box the element the rows go in
   * @param onChange called after any edit that changes the filter
   * @param choices (attribute name) → Promise of [{value, label}] for attributes coded by another layer, or null
   */
  constructor(box, onChange, choices) {
    this.box = box;
    this.onChange = onChange;
    this.choices = choices || (() => null);
    this.attributes = [];
    this.rows = [];
  }

  /** The attributes a row may use: a layer's queryables (attributes and derived ones). */
  setAttributes(attributes) {
    this.attributes = attributes;
    this.rows = [];
    this.box.replaceChildren();
  }

  add(name) {
    if (!this.attributes.length) return null;
    const row = { attribute: this.attributes.find((a) => a.name === name) || this.attributes[0] };
    row.element = el('div', 'pa-analyst-condition');
    row.property = el('select', 'pa-analyst-condition-property');
    row.property.setAttribute('aria-label', t('analystConditionProperty'));
    row.property.replaceChildren(...this.attributes.map((a) => option(a.name, pick(a.label, a.name))));
    row.property.value = row.attribute.name;
    row.operator = el('select', 'pa-analyst-condition-operator');
    row.operator.setAttribute('aria-label', t('analystConditionOperator'));
    row.value = el('span', 'pa-analyst-condition-value');
    const remove = el('button', 'pa-icon-button pa-analyst-condition-remove', '×');
    remove.type = 'button';
    remove.title = t('analystConditionRemove');
    remove.setAttribute('aria-label', t('analystConditionRemove'));
    row.element.append(row.property, row.operator, row.value, remove);
    row.property.addEventListener('change', () => {
      row.attribute = this.attributes.find((a) => a.name === row.property.value);
      this._operators(row);
      this._value(row).then(() => this.onChange());
    });
    row.operator.addEventListener('change', () => {
      row.value.hidden = row.operator.value === 'null';
      this.onChange();
    });
    remove.addEventListener('click', () => {
      this.rows = this.rows.filter((r) => r !== row);
      row.element.remove();
      this.onChange();
    });
    this._operators(row);
    this.rows.push(row);
    this.box.append(row.element);
    row.ready = this._value(row);
    return row;
  }

  /** The rows as CQL2 text (AND), leaving out rows whose value is not filled in yet. */
  cql() {
    return this.rows.map((row) => this._cql(row)).filter(Boolean).join(' AND ');
  }

  relabel() {
    for (const row of this.rows) {
      const chosen = row.property.value;
      row.property.replaceChildren(...this.attributes.map((a) => option(a.name, pick(a.label, a.name))));
      row.property.value = chosen;
      const operator = row.operator.value;
      this._operators(row);
      row.operator.value = operator;
      const input = row.value.firstChild;
      const value = input ? input.value : '';
      this._value(row).then(() => {
        if (row.value.firstChild) row.value.firstChild.value = value;
      });
    }
  }

  _kind(attribute) {
    if (attribute.type === 'array') return 'list';
    if (attribute.type === 'boolean') return 'boolean';
    if (attribute.type === 'date') return 'date';
    if (attribute.type === 'number' || attribute.type === 'integer') return 'number';
    if ((attribute.values && attribute.values.length) || this.choices(attribute.name)) return 'coded';
    return 'text';
  }

  _operators(row) {
    const kind = this._kind(row.attribute);
    row.kind = kind;
    row.operator.replaceChildren(...OPERATORS[kind].map((o) => option(o, t(`analystOp_${o}`))));
    row.value.hidden = false;
  }

  async _value(row) {
    const { attribute, kind } = row;
    let control;
    if (kind === 'boolean') {
      control = el('select');
      control.append(option('true', t('yes')), option('false', t('no')));
    } else if (kind === 'coded' || kind === 'list') {
      control = el('select');
      const values = attribute.values && attribute.values.length ? attribute.values.map((v) => ({ value: v.value, label: pick(v.label, v.value) }))
        : await this.choices(attribute.name);
      const coded = (v) => (getLang() === 'en' ? `${v.label} (${v.value})` : `${v.label}（${v.value}）`);
      control.append(...(values || []).map((v) => option(v.value, v.label === v.value ? v.value : coded(v))));
    } else {
      control = el('input');
      control.type = kind === 'date' ? 'date' : kind === 'number' ? 'number' : 'text';
      if (kind === 'number') control.step = 'any';
      if (kind === 'text') control.maxLength = 200;
    }
    control.className = 'pa-analyst-condition-input';
    control.setAttribute('aria-label', t('analystConditionValue'));
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => this.onChange());
    row.value.replaceChildren(control);
  }

  _cql(row) {
    const name = row.attribute.name;
    const operator = row.operator.value;
    if (operator === 'null') return `${name} IS NULL`;
    const input = row.value.firstChild;
    if (!input) return '';
    const raw = input.value;
    if (raw === '' || raw == null) return '';
    let literal;
    switch (row.kind) {
      case 'boolean':
        literal = raw === 'true' ? 'TRUE' : 'FALSE';
        break;
      case 'number': {
        const n = Number(raw);
        if (!Number.isFinite(n)) return '';
        literal = String(n);
        break;
      }
      case 'date':
        literal = `DATE('${raw}')`;
        break;
      default:
        literal = quote(raw);
    }
    if (operator === 'like') return `${name} LIKE ${quote(`%${raw}%`)}`;
    if (operator === 'a_contains') return `A_CONTAINS(${name}, (${quote(raw)}))`;
    if (operator === 'a_lacks') return `NOT A_CONTAINS(${name}, (${quote(raw)}))`;
    return `${name} ${operator} ${literal}`;
  }
}

function option(value, text) {
  const o = el('option', null, text);
  o.value = value;
  return o;
}
