// The API of sremgr-core.js, the plugin's browser core built as one ES module from
// src/mkdocs_sremgr/assets/src/embed.js by scripts/build_assets.py (see docs/design.md).

/** A catalog entry: a text, or plural forms by category ("one", "other", …). */
export type Entry = string | Record<string, string>;

/** A bound checklist or dashboard: repainted on every change of the reader's progress. */
export interface View {
  paint: () => unknown;
  notices: () => void;
  ready?: Promise<unknown> | null;
}

/** What bindPage hands the dashboard: the host's options with the page's store and strings. */
export type Host = Options & Record<string, unknown>;

/** Binds one dashboard root to the page's store. */
export type BindDashboard = (root: Element, host: Host) => View;

/** What the host brings to bindPage. */
export interface Options {
  /** Added to every root's storage key (`data-sremgr-storage-key`). */
  suffix?: string;
  /** The site's manifest (`assets/sremgr/manifest.json`). */
  manifest: () => Promise<unknown>;
  /** The dashboard's bind function, once its code is there. */
  dashboard: () => Promise<BindDashboard | null>;
  /** The rare notices' English texts. */
  notices: () => Promise<Record<string, Entry>>;
  /** The site's root URL, for links the dashboard draws from the manifest. */
  base?: string;
}

/** How long a bind took; `readyMs` is set once every dashboard has its manifest. */
export interface Timing {
  page: string;
  ms: number;
  storageMs: number;
  readyMs?: number;
}

/**
 * Binds every checklist and dashboard in `root` not bound yet (each root is marked
 * `data-sremgr-bound`). Returns null when there was nothing to bind.
 */
export function bindPage(root: Document | ShadowRoot, options: Options): Timing | null;

export const bindDashboard: BindDashboard;

/** The rare notices' English texts (the site loads them from sremgr-notices.js). */
export const NOTICES: Record<string, Entry>;
