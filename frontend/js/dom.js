// The one DOM helper: every piece of server data reaches the page through textContent, never as HTML.

/** A new element with an optional class and text (set as text, so markup in it stays text). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with the given attributes (null and undefined ones left out). */
export function svgEl(name, attrs = {}) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  return node;
}

/**
 * For the few Leaflet APIs that only take HTML strings (the attribution control): the text a server-supplied
 * string would show, escaped, so any markup in it stays text. An inert DOMParser document reads entities such as
 * &copy; without running anything.
 */
export function htmlText(value) {
  if (value === null || value === undefined || value === '') return '';
  const text = new DOMParser().parseFromString(String(value), 'text/html').body.textContent || '';
  const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

/**
 * Opens or closes a side panel: the panel shown or hidden, its toggle button pressed or not, and a class on the body
 * (`pa-view-…`) for what the rest of the page does while it is open.
 */
export function setPanelOpen(section, toggle, bodyClass, open) {
  section.hidden = !open;
  toggle.setAttribute('aria-pressed', String(open));
  document.body.classList.toggle(bodyClass, open);
}
