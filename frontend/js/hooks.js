// The test and scripting hooks on window.parkatlas (readiness, editing). Each exists from the first moment, before
// what it drives is built (a test may reach for it while the catalog is still loading): its methods work once a
// target is attached, and its `ready` promise resolves, with the hook, when the target is usable, or rejects when
// it never will be (the catalog failed, the user may not edit, a vendor file did not load).

/**
 * One hook. `methods({need, current, failure})` builds the hook's methods: `need()` is the target or throws (with
 * `notReady`, or the reason it failed), `current()` the target or null, `failure()` the reason or null.
 * Returns {hook, attach(target, until), fail(err)}; `until` (a promise) delays `ready` until the target is usable.
 */
export function createHook(notReady, methods) {
  let target = null;
  let failed = null;
  let settle = null;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be awaiting it; awaiting callers still see the error.
  ready.catch(() => {});
  const need = () => {
    if (target) return target;
    throw new Error(failed ? `${notReady} (${failed.message || failed})` : notReady);
  };
  const hook = { ...methods({ need, current: () => target, failure: () => failed }), ready };
  return {
    hook,
    attach(t, until) {
      target = t;
      Promise.resolve(until).then(() => settle.resolve(hook), (err) => {
        failed = err;
        settle.reject(err);
      });
    },
    fail(err) {
      if (target) return;
      failed = err || new Error('unavailable');
      settle.reject(failed);
    },
  };
}

/**
 * window.parkatlas.readiness: {setAsOf, asOf, show, shown, met, ready}. `ready` resolves once the per-item dates
 * are loaded and the parcels drawn (attach with the view's own `ready`).
 */
export function createReadinessHook() {
  return createHook('ParkAtlas: the map is still loading; await parkatlas.readiness.ready first', ({ need, current }) => ({
    setAsOf: (iso) => need().setAsOf(iso),
    asOf: () => (current() ? current().asOf : null),
    show: (on) => need().show(on),
    shown: () => Boolean(current() && current().on),
    met: (parcelId) => need().metOf(parcelId),
  }));
}

/**
 * window.parkatlas.editing: {enabled, enable, selected, select, editLayer, draft, etag, mode, redLines, finishLine,
 * area, ready}. The editor is only loaded for planners and admins; for anyone else `ready` rejects, the getters
 * answer as for a switched-off editor and `enable()` does nothing.
 */
export function createEditingHook() {
  return createHook('ParkAtlas: the editor is not ready; await parkatlas.editing.ready first', ({ need, current, failure }) => {
    const e = () => current();
    return {
      enabled: () => Boolean(e() && e().on),
      enable: (on = true) => (!e() && failure() ? false : need().setEnabled(on)),
      selected: () => (e() ? e().selectedIds() : []),
      select: (id, add = false) => need().selectById(id, add),
      editLayer: () => (e() ? e().editLayer() : null),
      draft: () => (e() ? e().state.draft : null),
      etag: () => (e() ? e().etag() : null),
      mode: () => (e() ? e().state.mode : null),
      redLines: () => (e() ? e().redLines.group : null),
      finishLine: () => need().finishLine(),
      area: () => {
        const a = document.getElementById('draw-area');
        return a && !a.hidden && a.dataset.m2 !== undefined ? { m2: Number(a.dataset.m2), mu: Number(a.dataset.mu) } : null;
      },
    };
  });
}
