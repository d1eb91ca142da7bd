// Every string a reader sees, in one English catalog. `t(key, params)` fills `{name}`
// placeholders; dates and numbers go through Intl in the page's <html lang>. A translation
// later is one more catalog with the same keys.

/** @type {Record<string, string>} */
const EN = {
  "notice.blocked":
    "This browser does not let the handbook store anything, so your ticks live only on this page until you close it. Export them to keep a copy.",
  "notice.newer":
    "Your progress was saved by a newer version of this handbook. It is left untouched; changes on this page are not saved.",
  "notice.moved":
    "Your saved progress could not be read. It was kept unchanged under “{name}” (see Backups on the dashboard) and you start afresh.",
  "notice.partly":
    "Part of your saved progress could not be read. The whole record was kept unchanged under “{name}” (see Backups on the dashboard); the rest is in use.",
  "notice.movedNoRoom":
    "Your saved progress could not be read and there is no room to keep a copy, so it is left as it was and nothing here is saved.",
  "notice.full":
    "Could not save: browser storage is full or blocked. Your changes stay in this tab until you close it; export them to keep a copy.",
  "notice.noBackup": "Could not keep a backup, so nothing was reset.",
  "notice.dashboardScript":
    "The dashboard could not load its script (assets/sremgr/sremgr-dashboard.js). Your progress is safe; reload the page to try again.",
  "notice.text": "{text}",
  "progress.label": "{title}: progress",
  "progress.text": "{done} of {total} done · {pct}%",
  "progress.points": "{w} of {tw} points · {pct}%",
  "progress.notSaved": " (not saved)",
  "section.fallback": "Section",
  "since.up": "+{n} since {period}",
  "since.down": "−{n} since {period}",
  "since.same": "no change since {period}",
  "item.changed": "changed since you ticked it ",
  "item.confirm": "Confirm",
  "note.label": "Private note: {text}",
  "note.placeholder": "Evidence, next step… (kept in this browser only)",
  "reviewed.ok": "Marked as reviewed today.",
  "reviewed.failed": "Could not save.",
  "reviewed.last": "Last reviewed: {day}",
  "reset.done": "Reset; a backup was kept.",
  "reset.confirm": "Reset every tick, “not for me” and note in “{title}”? A backup is kept first.",
};

let catalog = EN;

/** The page's language, for Intl (falls back to the runtime's default). */
export function lang() {
  const l = typeof document !== "undefined" ? document.documentElement.lang : "";
  return l || undefined;
}

/**
 * The reader-visible text for `key`, with `{name}` placeholders filled from `params`.
 * Numbers in params are formatted for the page's language.
 */
export function t(/** @type {string} */ key, /** @type {Record<string, string | number>} */ params = {}) {
  const text = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const v = params[name];
    return typeof v === "number" ? num(v) : v;
  });
}

/** Adds keys to the catalog (the dashboard's strings live with the dashboard's code). */
export function extend(/** @type {Record<string, string>} */ more) {
  catalog = Object.assign(Object.create(null), catalog, more);
}

/** @type {{lang: string | undefined, format: (n: number) => string} | null} */
let numbers = null;

/** A number for the page's language. The formatter is made once per language: building an
 * Intl object costs far more than using one, and a long page formats hundreds of numbers. */
export function num(/** @type {number} */ n) {
  const l = lang();
  // The first Intl object of a page costs ~15 ms (it loads locale data): more than the whole
  // start-up budget. Small whole numbers in English read the same without it.
  if (Number.isInteger(n) && Math.abs(n) < 1000 && (!l || /^en\b/i.test(l))) return String(n);
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

/** A date (day only) for the page's language (document.documentElement.lang); "" when `iso` is not a date. */
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
