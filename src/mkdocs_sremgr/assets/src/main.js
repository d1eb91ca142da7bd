// mkdocs-sremgr: a reader's progress, kept in this browser only (docs/design.md).
// This bundle is on every page: the storage engine, scores and checklists. The dashboard's
// code (sremgr-dashboard.js) and the site's manifest (manifest.js) are added with <script>
// elements from this file's own folder, only on a page with a dashboard, so both load from
// file:// too. No dependencies, no eval, no innerHTML, no other origin.
import "./catalog.js";
import { bindChecklist } from "./checklist.js";
import { noticeArea } from "./dom.js";
import { periodOf } from "./periods.js";
import { storageVersion } from "./rules.generated.js";
import { createStore } from "./store.js";
import { catalog, extend, given, has, t } from "./strings.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {{paint: () => unknown, notices: () => void, ready?: Promise<unknown> | null}} View */
/** @typedef {{store: Store, now: () => number, manifest: () => Promise<any>, addView: (v: View) => void, strings: import("./strings.js").Strings}} Host */

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const assetBase = script ? script.src : location.href; // <root>/assets/sremgr/sremgr.js
const now = () => Date.now();

/** What a page may read (the benchmark reads `timings`; a test reads `periodOf`). */
const api = {
  version: storageVersion,
  /** @type {{page: string, ms: number, storageMs: number, readyMs?: number}[]} */
  timings: [],
  periodOf,
  /** Set by sremgr-dashboard.js when it has loaded. @type {((root: Element, host: Host) => View) | null} */
  bindDashboard: null,
};
/** @type {any} */ (window).sremgr = api;

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

function storeFor(/** @type {string} */ key) {
  let s = stores.get(key);
  if (s) s.load();
  else {
    s = createStore({ key, storage: localStore(), now, locks: navigator.locks || null });
    s.subscribe(() => views.forEach((v) => v.paint()));
    s.subscribe(() => textsFor(/** @type {Store} */ (s)));
    stores.set(key, s);
  }
  textsFor(s);
  return s;
}

/** A rare notice's English text loads only when one is to be shown (sremgr-notices.js, a data
 * script: from file:// too); should it fail to load, a short built-in text says so instead. */
function textsFor(/** @type {Store} */ s) {
  if (Object.values(s.notices).every((n) => has(n.key))) return;
  addScript("sremgr-notices.js").then(
    () => extend(/** @type {any} */ (window).sremgrNotices || {}),
    () => {
      /** @type {Record<string, string>} */
      const instead = {};
      for (const n of Object.values(s.notices)) if (!has(n.key)) instead[n.key] = t("notice.unavailable");
      extend(instead);
    },
  ).then(() => s.notify());
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

/** Adds a script from this file's folder once per page life; resolves when it has run. */
const loaded = new Map();
function addScript(/** @type {string} */ name) {
  let p = loaded.get(name);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(name, assetBase).href;
      tag.onload = resolve;
      tag.onerror = reject; // nobody reads why: a later page tries again
      document.head.appendChild(tag);
    });
    p.catch(() => loaded.delete(name)); // a later page may try again
    loaded.set(name, p);
  }
  return p;
}

/** The site's manifest, from manifest.js (a data script: it loads from file:// as well). */
function manifest() {
  return addScript("manifest.js").then(() => {
    const m = /** @type {any} */ (window).sremgrManifest;
    if (!m || !Array.isArray(m.checklists)) throw new Error("manifest shape");
    return m;
  });
}

/** Binds a dashboard once its code is here; the manifest loads at the same time. */
function dashboardView(/** @type {Element} */ root, /** @type {Store} */ store) {
  manifest().catch(() => {}); // reported by the dashboard itself
  // A translated site's dashboard strings (named by its strings.<lang>.js) load beside the
  // code; should they fail, the dashboard speaks English rather than not at all.
  const strings = typeof given.dashboard === "string" ? addScript(given.dashboard).catch(() => {}) : null;
  return Promise.all([addScript("sremgr-dashboard.js"), strings]).then(
    () => {
      if (!document.documentElement.contains(root) || !api.bindDashboard) return null; // the reader moved on
      // The page's own strings: one catalog, which the rare notices' texts join when they load.
      const view = api.bindDashboard(root, { store, now, manifest, addView: (v) => views.push(v), strings: catalog });
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

function init() {
  const t0 = performance.now();
  const roots = Array.from(document.querySelectorAll(".sremgr[data-sremgr-storage-key]:not([data-sremgr-bound])"));
  if (!roots.length) return;
  views = [];
  const store = (current = storeFor(roots[0].getAttribute("data-sremgr-storage-key") || ""));
  /** @type {Promise<unknown>[]} */
  const waits = [];
  for (const root of roots) {
    root.setAttribute("data-sremgr-bound", "");
    if (root.hasAttribute("data-sremgr-dashboard")) {
      waits.push(dashboardView(root, store));
      continue;
    }
    if (!root.hasAttribute("data-sremgr-checklist")) continue;
    const view = bindChecklist(root, store, { askPersistence, now });
    views.push(view);
    view.paint();
  }
  const timing = { page: location.pathname, ms: performance.now() - t0, storageMs: store.storageMs, readyMs: 0 };
  api.timings.push(timing);
  Promise.all(waits).then(() => {
    for (const root of roots) root.setAttribute("data-sremgr-ready", "");
    timing.readyMs = performance.now() - t0;
  });
}

// Another tab changed our entry: take its data, keep ours, repaint.
window.addEventListener("storage", (e) => {
  if (current && (e.key === current.key || e.key === null)) current.external();
});

// Bind on DOMContentLoaded and on every page Material's instant navigation swaps in; both may
// fire for one page (binding is idempotent), and from file:// document$ may never emit.
/** @type {any} */
const doc$ = /** @type {any} */ (window).document$;
if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(() => init());
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
