// The server's words, as GET /api/map/config names them: the history operations (create, edit, split, merge,
// retire, import), the rules a write can break, the readiness items, and every collection's attribute and value
// labels. The page keeps no copy of these; i18n.js holds only the page's own strings.
//
// Each lookup answers in the current language and falls back to the id itself, so a term the server adds later
// still shows (as its id) rather than nothing.

import { pick } from './i18n.js';

const empty = () => ({ operations: new Map(), rules: new Map(), readinessItems: new Map(), standard: null });
let terms = empty();

function index(list) {
  const map = new Map();
  for (const term of Array.isArray(list) ? list : []) {
    if (term && term.id != null) map.set(String(term.id), term.label);
  }
  return map;
}

/** Takes the vocabulary from the catalog (loadCatalog does this once it has arrived). */
export function setVocabulary(catalog) {
  const v = (catalog && catalog.vocabulary) || {};
  terms = {
    operations: index(v.operations),
    rules: index(v.rules),
    readinessItems: index(v.readinessItems),
    standard: v.readinessStandard || null,
  };
}

function label(map, id) {
  if (id === null || id === undefined || id === '') return '';
  const key = String(id);
  return map.has(key) ? pick(map.get(key), key) : key;
}

/** "edited" / "修改" for the history operation `edit`. */
export const operationLabel = (id) => label(terms.operations, id);

/** "Overlaps another parcel" / "与其他地块重叠" for the rule `no-overlap`. */
export const ruleLabel = (id) => label(terms.rules, id);

/** "Water" / "通给水" for the readiness item `water`. */
export const readinessItemLabel = (id) => label(terms.readinessItems, id);

/** The configured readiness standard's id ("seven" | "nine"), or null before the catalog is in. */
export const readinessStandard = () => terms.standard;

/** A collection's attribute definition (from `attributes`, else `derivedAttributes`), or null. */
export function attributeOf(collection, name) {
  if (!collection) return null;
  const all = [...(collection.attributes || []), ...(collection.derivedAttributes || [])];
  return all.find((a) => a.name === name) || null;
}

/** The attribute's label in the current language, else its name. */
export function attributeLabel(collection, name) {
  const attr = attributeOf(collection, name);
  return attr ? pick(attr.label, name) : name;
}

/** The catalog's enumerated values of one attribute ([{value, label}]), or null when it is not enumerated. */
export function attributeValues(collection, name) {
  const attr = attributeOf(collection, name);
  return attr && Array.isArray(attr.values) && attr.values.length ? attr.values : null;
}

/** The label of an enumerated value of an attribute definition, else the value as sent. */
export function enumLabel(attr, value) {
  const values = attr && Array.isArray(attr.values) ? attr.values : null;
  const hit = values && values.find((v) => String(v.value) === String(value));
  return hit && hit.label ? pick(hit.label, String(value)) : String(value);
}

/** Label of an enumerated value of a collection attribute (legend, popups, history). */
export function valueLabel(collection, name, value) {
  return enumLabel(attributeOf(collection, name) || { name }, value);
}
