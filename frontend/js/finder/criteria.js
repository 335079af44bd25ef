// The finder's criteria: read from and written to the page's address (so a link restores the search), and turned
// into the query of GET /api/finder. The address uses the API's own parameter names, with view=find and sel=<id>.

export const VIEW_VALUE = 'find';
export const SELECTION_PARAM = 'sel';

/** Every criterion the finder keeps; the same names GET /api/finder takes. */
export const PARAMS = ['industrial_park', 'zone', 'min_mu', 'max_mu', 'status', 'standard_land', 'land_use',
  'ready_by', 'needs', 'max_investment', 'max_tax', 'min_far', 'max_far', 'near', 'within_m', 'sort', 'as_of'];

/** Area bands an investor picks with one choice (mu); "custom" leaves the two boxes to them. */
export const AREA_BANDS = [
  { id: '', min: '', max: '' },
  { id: '0-30', min: '', max: '30' },
  { id: '30-50', min: '30', max: '50' },
  { id: '50-100', min: '50', max: '100' },
  { id: '100-200', min: '100', max: '200' },
  { id: '200-', min: '200', max: '' },
];

/** "Ready by" as one choice: the ends of the next half-years, or a date of their own. */
export function readyByChoices(today = new Date()) {
  const year = today.getFullYear();
  const choices = [];
  for (let y = year; y <= year + 2; y += 1) {
    for (const md of ['-06-30', '-12-31']) {
      const iso = `${y}${md}`;
      if (iso >= today.toISOString().slice(0, 10)) choices.push(iso);
    }
  }
  return choices.slice(0, 5);
}

export const SORTS = ['-area_mu', 'area_mu', 'ready_date', 'reference_price_wan_per_mu', 'min_investment_wan_per_mu',
  'gateway_distance_m'];

/** The criteria in the address: {name: value} for every finder parameter present. */
export function criteriaFromUrl(search = window.location.search) {
  const q = new URLSearchParams(search);
  const criteria = {};
  for (const name of PARAMS) {
    const v = q.get(name);
    if (v !== null && v !== '') criteria[name] = v;
  }
  return { criteria, selected: q.get(SELECTION_PARAM) || null, open: q.get('view') === VIEW_VALUE };
}

/** Writes the finder's state to the address bar without a new history entry (or removes it when closed). */
export function writeUrl(open, criteria, selected) {
  const url = new URL(window.location.href);
  for (const name of [...PARAMS, SELECTION_PARAM]) url.searchParams.delete(name);
  if (open) {
    url.searchParams.set('view', VIEW_VALUE);
    for (const [k, v] of Object.entries(criteria)) {
      if (v !== '' && v != null) url.searchParams.set(k, v);
    }
    if (selected) url.searchParams.set(SELECTION_PARAM, selected);
  } else if (url.searchParams.get('view') === VIEW_VALUE) {
    url.searchParams.delete('view');
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/** The API's query string for the criteria, one page of up to `limit` parcels. */
export function apiQuery(criteria, limit = 500) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(criteria)) {
    if (v !== '' && v != null) q.set(k, v);
  }
  q.set('limit', String(limit));
  return q.toString();
}
