// The readiness checklist in a parcel's popup, and the trace of one item's connection on the map.
//
// The checklist comes from GET /api/parcels/{id}/readiness?as_of=… for the slider's date. The
// popup's content is rebuilt by Leaflet on every popup.update() (language switch, new date,
// data arriving), so answers are cached per parcel and date and rendering is synchronous from
// the cache; only a miss shows "loading" and fetches.

import { getJson } from './config.js';
import { getLang, pick, t } from './i18n.js';
import { LONG_AGO } from './asof.js';
import { formatNumber } from './popup.js';
import { traceStyle } from './styles.js';
import { describeError } from './status.js';
import { el } from './dom.js';
import { readinessItemLabel } from './vocabulary.js';

/** The source's name in the page's language: the English name on the English page, where there is one. */
function sourceName(item) {
  return getLang() === 'en' && item.sourceNameEn ? item.sourceNameEn : item.sourceName;
}

const L = window.L;

// Above every data layer (facilities are the top one), below tooltips and popups.
const TRACE_PANE = { name: 'pa-pane-trace', zIndex: 470 };
const CACHE_LIMIT = 200;


export class Checklist {
  /**
   * @param getAsOf     () → the slider's ISO date
   * @param labels      () → the item labels from /api/readiness/parcels, a fallback for the popup
   * @param covered     () → {right, bottom} px of the map hidden by floating UI, for fitting the trace
   */
  constructor(map, { getAsOf, labels, covered }) {
    this.map = map;
    this.getAsOf = getAsOf;
    this.labels = labels || (() => ({}));
    this.covered = covered || (() => ({ right: 0, bottom: 0 }));
    this.cache = new Map(); // "<parcel>|<date>" → {data} | {error} | {pending: Promise}
    this.active = null; // {parcel, item} whose trace is drawn

    if (!map.getPane(TRACE_PANE.name)) {
      const pane = map.createPane(TRACE_PANE.name);
      pane.style.zIndex = String(TRACE_PANE.zIndex);
      pane.classList.add('pa-pane');
    }
    this.traceLayer = L.layerGroup().addTo(map);
    // Closing the popup ends the question the trace answered.
    map.on('popupclose', () => this.clearTrace());
  }

  /** Adds the checklist to a parcel popup's DOM (called by the layer decorator on every build). */
  decorate(root, feature, layer) {
    const parcel = feature && feature.id != null ? String(feature.id) : null;
    if (!parcel) return;
    const asOf = this.getAsOf();
    const box = el('section', 'pa-readiness');
    box.dataset.parcel = parcel;
    box.dataset.asOf = asOf;
    // Readiness is what this view is about: put it straight under the title, before the attributes.
    const header = root.querySelector('.pa-popup-header');
    root.insertBefore(box, header ? header.nextSibling : root.firstChild);

    const key = `${parcel}|${asOf}`;
    const hit = this.cache.get(key);
    if (hit && hit.data) {
      this._render(box, hit.data, layer);
    } else if (hit && hit.error) {
      this._renderError(box, hit.error, key, layer);
    } else {
      box.classList.add('pa-readiness-loading');
      box.setAttribute('aria-busy', 'true');
      box.appendChild(el('p', 'pa-readiness-status', t('checklistLoading')));
      this._fetch(parcel, asOf).finally(() => {
        // Only if the reader is still looking at this parcel on this date.
        const popup = layer.getPopup();
        if (popup && popup.isOpen() && this.getAsOf() === asOf) popup.update();
      });
    }
  }

  _fetch(parcel, asOf) {
    const key = `${parcel}|${asOf}`;
    const hit = this.cache.get(key);
    if (hit && hit.pending) return hit.pending;
    const url = `/api/parcels/${encodeURIComponent(parcel)}/readiness?as_of=${encodeURIComponent(asOf)}`;
    const pending = getJson(url).then(
      (data) => this._store(key, { data }),
      (error) => {
        console.error(`ParkAtlas: readiness of ${parcel} failed`, error);
        this._store(key, { error });
      },
    );
    this.cache.set(key, { pending });
    return pending;
  }

  _store(key, value) {
    this.cache.delete(key);
    this.cache.set(key, value);
    // Dragging through years on an open popup must not grow the cache without bound.
    while (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value);
  }

  _renderError(box, error, key, layer) {
    box.classList.add('pa-readiness-failed');
    box.appendChild(el('p', 'pa-readiness-status', t('checklistError', { detail: describeError(error) })));
    const retry = el('button', 'pa-link-button', t('retry'));
    retry.type = 'button';
    retry.addEventListener('click', () => {
      this.cache.delete(key);
      layer.getPopup().update();
    });
    box.appendChild(retry);
  }

  _render(box, data, layer) {
    const items = Array.isArray(data.items) ? data.items : [];
    const met = data.met ?? items.filter((i) => i.met).length;
    const total = data.total ?? items.length;

    const head = el('div', 'pa-readiness-head');
    const count = el('span', 'pa-readiness-count', t('metCount', { met, total }));
    count.dataset.met = String(met);
    count.dataset.total = String(total);
    head.appendChild(count);
    if (data.standard) head.appendChild(el('span', 'pa-readiness-standard', t(`standard_${data.standard}`)));
    box.appendChild(head);

    let ready;
    if (data.ready) ready = !data.readyDate || data.readyDate === LONG_AGO ? t('readyAlways') : t('readySince', { date: data.readyDate });
    else ready = data.readyDate ? t('readyOn', { date: data.readyDate }) : t('readyNever');
    const readyLine = el('p', `pa-readiness-date${data.ready ? ' pa-is-ready' : data.readyDate ? '' : ' pa-is-never'}`, ready);
    box.appendChild(readyLine);

    const parcel = box.dataset.parcel;
    const list = el('ul', 'pa-readiness-list');
    let traceable = false;
    for (const item of items) {
      const li = this._row(item, parcel, layer);
      if (li.classList.contains('pa-traceable')) traceable = true;
      list.appendChild(li);
    }
    box.appendChild(list);
    if (traceable) box.appendChild(el('p', 'pa-readiness-hint', t('traceHint')));

    // After a language switch or a new date the trace (if any) is still on the map: keep its row
    // marked, and draw the path the server now gives for that item (it may depend on the date).
    if (this.active && this.active.parcel === parcel) {
      const again = items.find((i) => i.item === this.active.item);
      if (again && (again.path || again.sourcePoint)) this._draw(again, layer, false);
      else this.clearTrace();
    }
  }

  _row(item, parcel, layer) {
    const li = el('li', `pa-readiness-item ${item.met ? 'met' : 'unmet'}`);
    li.dataset.item = item.item;

    const mark = el('span', 'pa-readiness-mark', item.met ? '✓' : '✗');
    mark.setAttribute('aria-hidden', 'true');
    li.appendChild(mark);

    // The server's own label for this answer, else the one it gave with the dates, else its vocabulary's.
    const label = pick(item.label, pick(this.labels()[item.item], readinessItemLabel(item.item)));
    const name = el('span', 'pa-readiness-label', label);
    li.appendChild(name);

    let when;
    if (!item.readyDate) when = t('itemNever');
    else if (item.readyDate === LONG_AGO) when = t('itemAlways');
    else when = item.met ? t('itemSince', { date: item.readyDate }) : t('itemDue', { date: item.readyDate });
    li.appendChild(el('span', `pa-readiness-when${item.readyDate ? '' : ' pa-is-never'}`, when));

    // Met: where it comes from. Unmet: why not, in the reader's language.
    if (!item.met && item.reason) {
      li.appendChild(el('span', 'pa-readiness-reason', pick(item.reason, '')));
    } else if (item.met && item.sourceName) {
      const bits = [t('itemFrom', { name: sourceName(item) })];
      if (typeof item.distanceM === 'number') bits.push(t('itemDistance', { m: formatNumber(item.distanceM, { decimals: 0 }) }));
      li.appendChild(el('span', 'pa-readiness-reason pa-readiness-source', bits.join(getLang() === 'en' ? ', ' : '，')));
    }

    // Screen readers hear "通排水: 满足/不满足 …" rather than a bare tick.
    li.setAttribute('aria-label', [label, item.met ? '✓' : '✗', when, item.met ? '' : pick(item.reason, '')].filter(Boolean).join(' · '));

    if (item.path || item.sourcePoint) {
      li.classList.add('pa-traceable');
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      li.title = t('traceShow');
      const activeNow = this.active && this.active.item === item.item && this.active.parcel === parcel;
      li.classList.toggle('pa-active', Boolean(activeNow));
      li.setAttribute('aria-pressed', String(Boolean(activeNow)));
      const go = () => {
        this.active = { parcel, item: item.item };
        const list = li.parentElement;
        if (list) {
          list.querySelectorAll('.pa-readiness-item').forEach((row) => {
            const on = row === li;
            row.classList.toggle('pa-active', on);
            if (row.hasAttribute('aria-pressed')) row.setAttribute('aria-pressed', String(on));
          });
        }
        this._draw(item, layer, true);
      };
      li.addEventListener('click', go);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          go();
        }
      });
    }
    return li;
  }

  /** Draws one item's path and source; with `fit`, frames parcel, path and source together. */
  _draw(item, layer, fit) {
    this.traceLayer.clearLayers();
    const style = traceStyle(item.item, item.met);
    const pane = TRACE_PANE.name;
    let bounds = layer.getBounds ? L.latLngBounds(layer.getBounds().getSouthWest(), layer.getBounds().getNorthEast()) : null;
    const grow = (b) => {
      if (b && b.isValid()) bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    };

    if (item.path) {
      try {
        // Halo first, so the coloured line lies on a white band and reads over any parcel colour.
        const halo = L.geoJSON(item.path, { pane, interactive: false, style: { ...style.halo, className: 'pa-trace-halo' } });
        const core = L.geoJSON(item.path, { pane, interactive: false, style: { ...style.core, className: 'pa-trace' } });
        this.traceLayer.addLayer(halo).addLayer(core);
        grow(core.getBounds());
      } catch (e) {
        console.warn('ParkAtlas: unreadable trace path', item.item, e);
      }
    }
    const pt = item.sourcePoint && item.sourcePoint.type === 'Point' ? item.sourcePoint.coordinates : null;
    if (pt) {
      const latlng = L.latLng(pt[1], pt[0]);
      const marker = L.circleMarker(latlng, { ...style.source, pane, interactive: false, className: 'pa-trace-source' });
      if (item.sourceName) {
        // a DOM node, never a string: Leaflet reads a tooltip string as HTML
        marker.bindTooltip(el('span', null, sourceName(item)), { permanent: true, direction: 'top', offset: [0, -10], className: 'pa-trace-label' });
      }
      this.traceLayer.addLayer(marker);
      grow(L.latLngBounds(latlng, latlng));
    }
    // Tests and CSS can tell which item a trace belongs to.
    const mark = (l) => {
      if (l.eachLayer) l.eachLayer(mark);
      else if (l.getElement && l.getElement()) l.getElement().setAttribute('data-item', item.item);
    };
    mark(this.traceLayer);

    if (fit && bounds && bounds.isValid()) this._fit(bounds, layer);
  }

  /**
   * Frames the trace while keeping the open popup in view: the popup stands above the parcel and
   * spreads half its width either side of it, and the parcel may land anywhere in the bounds, so
   * that much room is kept free at the top and sides (within reason on a small screen).
   */
  _fit(bounds, layer) {
    const { right, bottom } = this.covered();
    const size = this.map.getSize();
    const popup = layer.getPopup();
    const popupEl = popup && popup.getElement();
    const box = popupEl ? popupEl.getBoundingClientRect() : { width: 0, height: 0 };
    const free = { x: size.x - right, y: size.y - bottom };
    let side = Math.max(40, Math.min(Math.round(box.width / 2) + 12, Math.round(free.x * 0.3)));
    if (popup && box.width + 2 * 40 > free.x * 0.6) {
      // A phone: the popup is nearly as wide as the map, so it only fits with its parcel in the
      // middle. Mirroring the bounds about the popup's anchor puts the parcel there.
      const a = popup.getLatLng();
      const b = L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast());
      b.extend([a.lat, 2 * a.lng - bounds.getWest()]).extend([a.lat, 2 * a.lng - bounds.getEast()]);
      bounds = b;
      side = 16;
    }
    const top = Math.max(40, Math.min(Math.round(box.height) + 30, Math.round(free.y * 0.5)));
    this.map.fitBounds(bounds, {
      paddingTopLeft: [side, top],
      paddingBottomRight: [right + side, bottom + 40],
      maxZoom: 17,
    });
  }

  clearTrace() {
    this.active = null;
    this.traceLayer.clearLayers();
  }

  /** Whether a trace is drawn (for the view to know what to clean up). */
  hasTrace() {
    return this.traceLayer.getLayers().length > 0;
  }
}
