// Every string a reader sees comes from the plugin's catalogs (mkdocs_sremgr/locales/*.json).
// English is built into the scripts (strings.generated.js, written from en.json by
// scripts/build_assets.py); another language, or a site's overrides from mkdocs.yml, arrive in
// a data script the plugin writes (assets/sremgr/strings.<lang>.js) that runs before this
// bundle and sets `window.sremgrStrings = {lang, strings, dashboard?}`. `t(key, params)` fills
// `{name}` placeholders and picks a plural form by `params.n`; dates and numbers go through
// Intl in the page's language.
// One catalog at run time: the per-page bundle fills it (catalog.js) and hands it to the
// dashboard through the bind call; the dashboard's copy of this module adopts it, so the rare
// notice texts the page loads show on the dashboard too, and that bundle ships no copy.

/** @typedef {string | Record<string, string>} Entry */
/** @typedef {{lang?: string, strings?: Record<string, Entry>, dashboard?: string, pulse?: string}} Given */
/** The catalog, in a box the page script hands to the dashboard. @typedef {{c: Record<string, Entry>}} Strings */

/** This copy's catalog: the page's own, or the one the page handed over (adopt). @type {Strings} */
export let catalog = { c: {} };
const own = (/** @type {object} */ o, /** @type {string} */ k) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The site's strings from its data script, read once: it runs before this bundle. The
 * dashboard's data script adds its keys to the same `strings` object later.
 * @type {Given}
 */
export const given = (typeof window !== "undefined" && /** @type {any} */ (window).sremgrStrings) || {};
const extra = given.strings || {};
/** The language our strings are in. */
const ours = given.lang || "en";

/** The page's language, for Intl: <html lang> when it agrees with our strings' language. */
export function lang() {
  const l = typeof document !== "undefined" ? document.documentElement.lang : "";
  return !given.lang || l.split("-")[0] === ours.split("-")[0] ? l || undefined : ours;
}

/** @type {Intl.PluralRules | undefined} */
let rules;

/** The plural category ("one", "other", …) of `n` in the strings' language. Only plural
 * entries need it, and the per-page script shows none: its Intl object is the dashboard's. */
export function plural(/** @type {number} */ n) {
  try {
    return (rules = rules || new Intl.PluralRules(ours)).select(n);
  } catch {
    return "other"; // an unknown language
  }
}

/**
 * The reader-visible text for `key`, with `{name}` placeholders filled from `params`; a plural
 * table picks its form by `params.n`. Numbers in params are formatted for the page's language.
 * @returns {string}
 */
export function t(/** @type {string} */ key, /** @type {Record<string, string | number>} */ params = {}) {
  let text = own(extra, key) ? extra[key] : own(catalog.c, key) ? catalog.c[key] : key;
  if (text && typeof text === "object") {
    const forms = /** @type {Record<string, string>} */ (text);
    text = forms[plural(Number(params.n) || 0)] || forms.other || key;
  }
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    if (!own(params, name)) return whole;
    const v = params[name];
    return typeof v === "number" ? num(v) : v;
  });
}

/** Whether `key` has a text (a rare notice's English text loads only when needed). @returns {boolean} */
export function has(/** @type {string} */ key) {
  return own(extra, key) || own(catalog.c, key);
}

/** Adds keys to the English catalog (the dashboard's strings live with the dashboard's code). @returns {void} */
export function extend(/** @type {Record<string, Entry>} */ more) {
  catalog.c = { ...catalog.c, ...more };
}

/** This copy reads and extends `other` from now on (the dashboard's copy, given the page's). */
export function adopt(/** @type {Strings} */ other) {
  catalog = other;
}

/** @type {{lang: string | undefined, format: (n: number) => string} | null} */
let numbers = null;

/** A number for the page's language. The formatter is made once per language: building an
 * Intl object costs far more than using one, and a long page formats hundreds of numbers. */
export function num(/** @type {number} */ n) {
  const l = lang();
  // The first Intl object of a page costs ~15 ms (it loads locale data): more than the whole
  // start-up budget. Small whole numbers read the same without it in every shipped language
  // (all write 0-9), and a page's numbers are mostly counts and percentages.
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  if (!numbers || numbers.lang !== l) {
    let format = /** @type {(n: number) => string} */ (String);
    try {
      format = new Intl.NumberFormat(l).format;
    } catch {
      /* an unknown language: plain digits */
    }
    numbers = { lang: l, format };
  }
  return numbers.format(n);
}

/** @type {{lang: string | undefined, format: (n: number) => string} | null} */
let percents = null;

/** A whole percentage for the page's language: "50%" in English, "50 %" in German or French. */
export function percent(/** @type {number} */ v) {
  const l = lang();
  if (!percents || percents.lang !== l) {
    let format = (/** @type {number} */ n) => `${Math.round(n * 100)}%`;
    try {
      format = new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format;
    } catch {
      /* an unknown language: plain digits */
    }
    percents = { lang: l, format };
  }
  return percents.format(v / 100);
}

/** A date (day only) for the page's language; "" when `iso` is not a date. */
export function day(/** @type {string | number} */ iso) {
  const t0 = new Date(iso).getTime();
  if (Number.isNaN(t0)) return "";
  try {
    return new Intl.DateTimeFormat(lang(), { dateStyle: "medium" }).format(t0);
  } catch {
    return new Date(t0).toDateString();
  }
}

/** A time of day for the page's language. */
export function time(/** @type {string} */ iso) {
  const t0 = Date.parse(iso);
  if (Number.isNaN(t0)) return iso;
  try {
    return new Intl.DateTimeFormat(lang(), { timeStyle: "short" }).format(t0);
  } catch {
    return new Date(t0).toTimeString();
  }
}
