// The readiness view's "as of" date: the slider's monthly range, and ISO dates ↔ slider steps.
//
// Dates stay ISO strings (YYYY-MM-DD) throughout: that is what the API takes and sends, and
// ISO strings compare correctly as plain strings, so "met as of T" is simply `date <= T`.

import { getLang, t } from './i18n.js';

export const FIRST = { year: 2020, month: 1 };
export const LAST = { year: 2032, month: 12 };
export const MAX_STEP = (LAST.year - FIRST.year) * 12 + (LAST.month - FIRST.month);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');

/** Today in the user's own time zone (not UTC: a Beijing morning is still yesterday in UTC). */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The ISO date if `value` is a real calendar date, else null (rejects 2027-02-30). */
export function normaliseDate(value) {
  const m = ISO_DATE.exec(String(value ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function parts(iso) {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

function rawStep(iso) {
  const { year, month } = parts(iso);
  return (year - FIRST.year) * 12 + (month - FIRST.month);
}

/** Slider step (0 = 2020-01) of a date, clamped to the slider's range. */
export function stepOf(iso) {
  return Math.max(0, Math.min(MAX_STEP, rawStep(iso)));
}

/**
 * The date a slider step stands for: the last day of that month, so "June 2027" means the park
 * as it stands at the end of June. The current month means today instead: "now" is what
 * someone dragging back to the present expects to see, not the end of the month.
 */
export function dateOfStep(step) {
  const s = Math.max(0, Math.min(MAX_STEP, Math.round(step)));
  const now = today();
  if (rawStep(now) === s) return now;
  const year = FIRST.year + Math.floor((FIRST.month - 1 + s) / 12);
  const month = ((FIRST.month - 1 + s) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** "2027年6月" / "Jun 2027". */
export function monthLabel(iso) {
  const { year, month } = parts(iso);
  return getLang() === 'en' ? t('monthLabel', { y: year, mon: MONTHS_EN[month - 1] }) : t('monthLabel', { y: year, m: month });
}

/** The "since before records" sentinel the API uses for items that have always been met. */
export const LONG_AGO = '1970-01-01';
