// Collision-aware labels: the permanent names of zones, industrial parks, corridors and axes are shown only where
// they do not overlap a more important one. Run after every zoom or pan and whenever layers come or go; a label
// hidden at one zoom returns at another where there is room.

// Most important first: a zone's name wins over a park's, a park's over a corridor's or an axis's, and the park's
// own names over those of its surroundings.
const PRIORITY = ['pa-label-zones', 'pa-label-industrial-parks', 'pa-label-corridors', 'pa-label-axes', 'pa-label-context'];
const MARGIN = 2; // px kept free between two labels

function rank(element) {
  const i = PRIORITY.findIndex((c) => element.classList.contains(c));
  return i < 0 ? PRIORITY.length : i;
}

function overlaps(a, b) {
  return a.left < b.right + MARGIN && b.left < a.right + MARGIN && a.top < b.bottom + MARGIN && b.top < a.bottom + MARGIN;
}

/** Hides every label that overlaps a more important one already shown (in DOM order within a rank). */
export function declutter(container) {
  const labels = [...container.querySelectorAll('.pa-label')].sort((a, b) => rank(a) - rank(b));
  const placed = [];
  for (const label of labels) {
    label.classList.remove('pa-label-hidden');
    const box = label.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue; // its layer is off
    if (placed.some((p) => overlaps(p, box))) {
      label.classList.add('pa-label-hidden');
    } else {
      placed.push(box);
    }
  }
}

/** Keeps the map's labels decluttered as it moves, zooms and gains or loses layers. */
export function keepLabelsApart(map) {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      declutter(map.getContainer());
    });
  };
  map.on('zoomend moveend layeradd layerremove resize', queue);
  queue();
  return queue;
}
