// mkdocs-sremgr: a reader's progress, kept in this browser only (docs/design.md).
// This bundle is on every page: the storage engine, scores and checklists. The dashboard's
// code (sremgr-dashboard.js) and the site's manifest (manifest.js) are added with <script>
// elements from this file's own folder, only on a page with a dashboard, so both load from
// file:// too. No dependencies, no eval, no innerHTML, no other origin.
import "./catalog.js";
import { bindPage } from "./page.js";
import { periodOf } from "./periods.js";
import { storageVersion } from "./rules.generated.js";
import { given } from "./strings.js";

/** @typedef {import("./page.js").View} View */
/** @typedef {import("./page.js").Host} Host */

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const assetBase = script ? script.src : location.href; // <root>/assets/sremgr/sremgr.js

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
      document.head.append(tag);
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
    if (!m || !Array.isArray(m.checklists)) throw new Error("manifest");
    return m;
  });
}

/** This page's scripts and data: data scripts from this file's folder, so all load from file://
 * too. A translated site's dashboard strings (named by its strings.<lang>.js) load beside the
 * dashboard's code; should they fail, the dashboard speaks English rather than not at all. */
const options = {
  manifest,
  dashboard: () => Promise.all([addScript("sremgr-dashboard.js"), given.dashboard && addScript(given.dashboard).catch(() => {})]).then(() => api.bindDashboard),
  notices: () => addScript("sremgr-notices.js").then(() => /** @type {any} */ (window).sremgrNotices || {}),
};

function init() {
  const timing = bindPage(document, options);
  if (timing) api.timings.push(timing);
}

// Bind on DOMContentLoaded and on every page Material's instant navigation swaps in; both may
// fire for one page (binding is idempotent), and from file:// document$ may never emit.
/** @type {any} */
const doc$ = /** @type {any} */ (window).document$;
if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(init);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
