// Binds the plugin's checklists and dashboard found in one root — the page's `document`, or a
// `ShadowRoot` such as the one Backstage's TechDocs reader draws a page into — to the reader's
// progress. The host says how its scripts and data arrive (main.js: data scripts from the
// site's asset folder; the Backstage addon: TechDocs' own static-file route) and may keep its
// progress apart from other sites' with a storage key suffix (the Backstage addon: the
// documented entity's reference).
import { bindChecklist } from "./checklist.js";
import { noticeArea } from "./dom.js";
import { createStore } from "./store.js";
import { catalog, extend, has, t } from "./strings.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {{paint: () => unknown, notices: () => void, ready?: Promise<unknown> | null}} View */
/** What the dashboard is bound with: the host's options, and the page's store and strings. @typedef {Options & {store: Store, now: () => number, addView: (v: View) => void, strings: import("./strings.js").Strings}} Host */
/**
 * What the host brings. `suffix` is added to every root's storage key; `manifest` resolves to
 * the site's manifest; `dashboard` to the dashboard's bind function once its code is there;
 * `notices` to the rare notices' English texts; `base`, the site's root URL, for the dashboard.
 * @typedef {{suffix?: string, manifest: () => Promise<any>, dashboard: () => Promise<((root: Element, host: Host) => View) | null>, notices: () => Promise<Record<string, import("./strings.js").Entry>>, base?: string}} Options
 */

const now = () => Date.now();

/** @type {Map<string, Store>} */
const stores = new Map();
/** @type {View[]} */
let views = [];
let current = /** @type {Store | null} */ (null);

function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function storeFor(/** @type {string} */ key, /** @type {Options} */ o) {
  let s = stores.get(key);
  if (s) s.load();
  else {
    s = createStore({ key, storage: localStore(), now, locks: navigator.locks });
    s.subscribe(() => views.forEach((v) => v.paint()));
    s.subscribe(() => textsFor(/** @type {Store} */ (s), o));
    stores.set(key, s);
  }
  textsFor(s, o);
  return s;
}

/** A rare notice's English text loads only when one is to be shown; should it fail to load, a
 * short built-in text says so instead. */
function textsFor(/** @type {Store} */ s, /** @type {Options} */ o) {
  if (Object.values(s.notices).every((n) => has(n.key))) return;
  o.notices().then(extend, () => {
    /** @type {Record<string, string>} */
    const instead = {};
    for (const n of Object.values(s.notices)) if (!has(n.key)) instead[n.key] = t("notice.unavailable");
    extend(instead);
  }).then(() => s.notify());
}

function askPersistence() {
  const s = current;
  if (!s || s.data.meta.persistAsked || !navigator.storage || !navigator.storage.persist) return;
  s.apply({ kind: "meta", patch: { persistAsked: new Date(now()).toISOString() } });
  navigator.storage.persist().then(
    (granted) => s.apply({ kind: "meta", patch: { persisted: !!granted } }),
    () => {},
  );
}

/** Binds a dashboard once its code is here; the manifest loads at the same time. */
function dashboardView(/** @type {Element} */ root, /** @type {Store} */ store, /** @type {Options} */ o) {
  o.manifest().catch(() => {}); // reported by the dashboard itself
  return o.dashboard().then(
    (bind) => {
      if (!root.isConnected || !bind) return null; // the reader moved on
      // The page's own strings: one catalog, which the rare notices' texts join when they load.
      const view = bind(root, { ...o, store, now, addView: (v) => views.push(v), strings: catalog });
      views.push(view);
      view.paint();
      return view.ready;
    },
    () => {
      const area = noticeArea(root, store);
      views.push({ paint: area.render, notices: area.render });
      store.notice("dashboard", "notice.dashboardScript");
    },
  );
}

/**
 * Binds every checklist and dashboard in `doc` not bound yet (binding is idempotent: a root is
 * marked `data-sremgr-bound`). Returns the start-up's timing, or null when there was nothing to bind.
 * @param {Document | ShadowRoot} doc @param {Options} o
 */
export function bindPage(doc, o) {
  const t0 = performance.now();
  const roots = doc.querySelectorAll(".sremgr[data-sremgr-storage-key]:not([data-sremgr-bound])");
  if (!roots.length) return null;
  views = [];
  const store = (current = storeFor((roots[0].getAttribute("data-sremgr-storage-key") || "") + (o.suffix || ""), o));
  /** @type {Promise<unknown>[]} */
  const waits = [];
  for (const root of roots) {
    root.setAttribute("data-sremgr-bound", "");
    if (root.hasAttribute("data-sremgr-dashboard")) waits.push(dashboardView(root, store, o));
    else if (root.hasAttribute("data-sremgr-checklist")) {
      const view = bindChecklist(root, store, { askPersistence, now });
      views.push(view);
      view.paint();
    }
  }
  /** @type {{page: string, ms: number, storageMs: number, readyMs?: number}} */
  const timing = { page: location.pathname, ms: performance.now() - t0, storageMs: store.storageMs };
  Promise.all(waits).then(() => {
    for (const root of roots) root.setAttribute("data-sremgr-ready", "");
    timing.readyMs = performance.now() - t0;
  });
  return timing;
}

// Another tab changed our entry: take its data, keep ours, repaint.
window.addEventListener("storage", (e) => {
  if (current && (e.key === current.key || e.key === null)) current.external();
});
