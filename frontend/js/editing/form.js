// The attribute form of the parcel being drawn or edited: one field per attribute the catalog lets a planner set
// (computed ones, such as the area or the zone, are the server's), labelled, required and enumerated as the
// catalog says.

import { t, pick } from '../i18n.js';
import { el } from '../dom.js';

const $ = (id) => document.getElementById(id);

export class AttributeForm {
  constructor(collection) {
    this.collection = collection;
    this.fields = [];
    this._build();
  }

  _build() {
    const box = $('parcel-fields');
    box.replaceChildren();
    this.fields = [];
    for (const attr of this.collection.attributes || []) {
      if (attr.computed) continue;
      const required = Boolean(attr.required);
      const row = el('label', 'pa-field');
      row.dataset.attr = attr.name;
      const label = el('span', 'pa-field-label');
      let input;
      if (attr.type === 'array') {
        input = el('select'); // a list of codes: any number of them, none for "not done"
        input.multiple = true;
        input.size = Math.min(6, attr.values.length);
        for (const v of attr.values) input.appendChild(el('option')).value = String(v.value);
      } else if (Array.isArray(attr.values) && attr.values.length) {
        input = el('select');
        input.appendChild(el('option', null, '—')).value = '';
        for (const v of attr.values) input.appendChild(el('option')).value = String(v.value);
      } else if (attr.type === 'boolean') {
        input = el('select');
        for (const v of ['', 'true', 'false']) input.appendChild(el('option')).value = v;
      } else {
        input = el('input');
        input.type = attr.type === 'number' || attr.type === 'integer' ? 'number' : attr.type === 'date' ? 'date' : 'text';
        if (input.type === 'number') input.step = attr.type === 'integer' ? '1' : 'any';
      }
      input.name = attr.name;
      input.id = `parcel-field-${attr.name}`;
      if (required) {
        input.required = true;
        row.classList.add('pa-required');
      }
      const unit = el('span', 'pa-field-unit', typeof attr.unit === 'string' ? attr.unit : '');
      row.append(label, input, unit);
      box.appendChild(row);
      this.fields.push({ attr, input, label, unit, required, row });
    }
  }

  relabel() {
    for (const f of this.fields) {
      f.label.textContent = pick(f.attr.label, f.attr.name) + (f.required ? ' *' : '');
      if (f.input.tagName === 'SELECT') {
        for (const o of f.input.options) {
          if (!o.value) o.textContent = '—';
          else if (f.attr.type === 'boolean') o.textContent = o.value === 'true' ? t('yes') : t('no');
          else {
            const v = f.attr.values.find((x) => String(x.value) === o.value);
            o.textContent = v ? pick(v.label, o.value) : o.value;
          }
        }
      }
      f.unit.textContent = typeof f.attr.unit === 'string' ? f.attr.unit : '';
    }
  }

  /** Puts a parcel's properties (or defaults for a new one) into the fields. */
  fill(props) {
    for (const f of this.fields) {
      const v = props ? props[f.attr.name] : undefined;
      if (f.input.multiple) {
        const chosen = new Set(Array.isArray(v) ? v.map(String) : []);
        for (const o of f.input.options) o.selected = chosen.has(o.value);
        f.row.classList.remove('pa-invalid');
        continue;
      }
      f.input.value = v === null || v === undefined ? '' : String(v);
      f.row.classList.remove('pa-invalid');
    }
  }

  /** The fields as properties (empty ones null) and the labels of the required ones left empty. */
  read() {
    const props = {};
    const missing = [];
    for (const f of this.fields) {
      if (f.input.multiple) {
        const codes = [...f.input.selectedOptions].map((o) => o.value);
        props[f.attr.name] = codes.length ? codes : null;
        continue;
      }
      const raw = f.input.value.trim();
      f.row.classList.toggle('pa-invalid', f.required && !raw);
      if (f.required && !raw) missing.push(pick(f.attr.label, f.attr.name));
      if (!raw) {
        props[f.attr.name] = null;
        continue;
      }
      if (f.attr.type === 'number' || f.attr.type === 'integer') props[f.attr.name] = Number(raw);
      else if (f.attr.type === 'boolean') props[f.attr.name] = raw === 'true';
      else props[f.attr.name] = raw;
    }
    return { props, missing };
  }

  focusFirstInvalid() {
    const bad = this.fields.find((f) => f.row.classList.contains('pa-invalid'));
    if (bad) bad.input.focus();
  }

  focus(name) {
    const f = this.fields.find((x) => x.attr.name === name);
    if (f) f.input.focus({ preventScroll: true });
  }
}
