// What storage may legally hold, and the one validator that both a read from storage and an
// imported file go through, so a reader's own export always re-imports (docs/design.md).
import { itemStates, storageVersion } from "./rules.generated.js";
import { dict, isDate, isId, isObj, isPeriod } from "./util.js";

/** @typedef {import("./records.js").Data} Data */

export const MAX_NOTE = 2000;
/** Larger than any export of a browser's storage (a few MB at most), with room to spare. */
export const MAX_IMPORT_BYTES = 25e6;
const MAX_DEPTH = 32;
const FP = /^[0-9a-f]{8}$/;

/** MIGRATIONS[v] turns a record of version v into version v + 1; each one is unit-tested. */
export const MIGRATIONS = [
  // 0 -> 1: pre-release drafts stored no version and a boolean per item.
  (/** @type {any} */ d, /** @type {string} */ at) => {
    const out = { checklists: dict(), snapshots: isObj(d.snapshots) ? d.snapshots : dict(), meta: isObj(d.meta) ? d.meta : dict() };
    for (const cid of Object.keys(d.checklists)) {
      const c = d.checklists[cid];
      if (!isObj(c)) continue;
      const items = isObj(c.items) ? c.items : {};
      const kept = dict();
      for (const iid of Object.keys(items)) {
        const v = items[iid];
        kept[iid] = typeof v === "boolean" ? { state: v ? "done" : "open", changed: at } : v;
      }
      out.checklists[cid] = { items: kept };
    }
    return out;
  },
];

/** Runs the migrations from `d.version` (none: 0) up to the current version; null if it cannot. */
export function migrate(/** @type {any} */ d, /** @type {string} */ at) {
  let v = d.version === undefined ? 0 : d.version;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > storageVersion) return null;
  while (v < storageVersion) {
    d = MIGRATIONS[v](d, at);
    d.version = ++v;
  }
  return d;
}

/**
 * Checks `d` against the storage contract and returns a canonical, prototype-free copy with
 * every problem found (path + what is wrong). Parts with a problem are left out of the copy;
 * unknown fields are kept; a number JSON cannot hold (1e400 parses as Infinity) becomes null,
 * as JSON.stringify would write it anyway.
 * @returns {{data: Data | null, problems: string[]}}
 */
export function normalise(/** @type {unknown} */ d) {
  /** @type {string[]} */
  const problems = [];
  const bad = (/** @type {string} */ msg) => (problems.push(msg), undefined);
  if (!isObj(d)) return { data: null, problems: ["the data is not an object"] };
  const top = /** @type {Record<string, unknown>} */ (d);
  if (top.version !== storageVersion) return { data: null, problems: ["unknown version"] };
  if (!isObj(top.checklists)) return { data: null, problems: ["checklists is not an object"] };
  for (const k of ["snapshots", "meta"]) {
    if (top[k] !== undefined && !isObj(top[k])) return { data: null, problems: [`${k} is not an object`] };
  }
  /** @type {any} */
  const out = json(top, 0, "data", bad, ["checklists", "snapshots", "meta"]);
  out.checklists = dict();
  out.snapshots = dict();
  out.meta = isObj(top.meta) ? json(top.meta, 1, "meta", bad) : dict();
  const checklists = /** @type {Record<string, unknown>} */ (top.checklists);
  for (const cid of Object.keys(checklists)) {
    const c = checklists[cid];
    if (!isId(cid)) bad(`bad checklist id ${show(cid)}`);
    else if (!isObj(c)) bad(`checklist ${cid} is not an object`);
    else out.checklists[cid] = checklist(/** @type {Record<string, unknown>} */ (c), cid, bad);
  }
  const snaps = isObj(top.snapshots) ? /** @type {Record<string, unknown>} */ (top.snapshots) : {};
  for (const p of Object.keys(snaps)) {
    const s = snapshot(snaps[p], p, bad);
    if (s) out.snapshots[p] = s;
  }
  return { data: out, problems };
}

/** @typedef {(msg: string) => undefined} Bad */

function checklist(/** @type {Record<string, unknown>} */ c, /** @type {string} */ cid, /** @type {Bad} */ bad) {
  /** @type {any} */
  const out = json(c, 2, cid, bad, ["items"]);
  if (c.reviewed !== undefined && !isDate(c.reviewed)) {
    bad(`bad review date in ${cid}`);
    delete out.reviewed;
  }
  if (c.items === undefined) return out;
  out.items = dict();
  if (!isObj(c.items)) return (bad(`items of ${cid} is not an object`), out);
  const items = /** @type {Record<string, unknown>} */ (c.items);
  for (const iid of Object.keys(items)) {
    const r = items[iid];
    if (!isId(iid)) bad(`bad item id ${show(iid)} in ${cid}`);
    else if (!isObj(r)) bad(`item ${cid}/${iid} is not an object`);
    else {
      const rec = /** @type {Record<string, unknown>} */ (r);
      const wrong = itemProblem(rec);
      if (wrong) bad(`bad ${wrong} for item ${cid}/${iid}`);
      else out.items[iid] = json(rec, 3, iid, bad);
    }
  }
  return out;
}

/** The first known field of an item record with a value the contract does not allow. */
function itemProblem(/** @type {Record<string, unknown>} */ r) {
  if (r.state !== undefined && !itemStates.includes(/** @type {any} */ (r.state))) return "state";
  if (r.changed !== undefined && !isDate(r.changed)) return "changed";
  if (r.noted !== undefined && !isDate(r.noted)) return "noted";
  if (r.fp !== undefined && !(typeof r.fp === "string" && (r.fp === "" || FP.test(r.fp)))) return "fp";
  if (r.note !== undefined && !(typeof r.note === "string" && r.note.length <= MAX_NOTE)) return "note";
  return "";
}

function snapshot(/** @type {unknown} */ s, /** @type {string} */ p, /** @type {Bad} */ bad) {
  if (!isPeriod(p)) return bad(`bad quarter name ${show(p)}`);
  if (!isObj(s)) return bad(`snapshot ${p} is not an object`);
  const snap = /** @type {Record<string, unknown>} */ (s);
  if (!isDate(snap.closed) || !isObj(snap.checklists)) return bad(`bad snapshot ${p}`);
  /** @type {any} */
  const out = json(snap, 2, p, bad, ["checklists"]);
  out.checklists = dict();
  const cs = /** @type {Record<string, unknown>} */ (snap.checklists);
  for (const cid of Object.keys(cs)) {
    const c = /** @type {any} */ (cs[cid]);
    const ok =
      isId(cid) && isObj(c) && Array.isArray(c.done) && c.done.every(isId) &&
      Number.isInteger(c.total) && c.total >= 0 &&
      typeof c.score === "number" && c.score >= 0 && c.score <= 100;
    if (ok) out.checklists[cid] = json(c, 3, cid, bad);
    else bad(`bad snapshot of ${show(cid)} in ${p}`);
  }
  return out;
}

/**
 * A canonical copy of any JSON value: objects prototype-free, non-finite numbers null.
 * Deeper than MAX_DEPTH is a problem (storage the build writes is 5 levels deep).
 * `skip` names fields of `v` left out because the caller checks and copies them itself.
 * @returns {any}
 */
function json(/** @type {unknown} */ v, /** @type {number} */ depth, /** @type {string} */ where, /** @type {Bad} */ bad, /** @type {string[]} */ skip = []) {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (depth > MAX_DEPTH) return bad(`${where} is nested too deeply`);
  if (Array.isArray(v)) return v.map((x) => json(x, depth + 1, where, bad));
  if (isObj(v)) {
    const out = dict();
    for (const k of Object.keys(/** @type {object} */ (v))) if (!skip.includes(k)) out[k] = json(/** @type {any} */ (v)[k], depth + 1, where, bad);
    return out;
  }
  return bad(`unexpected value in ${where}`);
}

/** A key as a reader can see it in a message: short, newlines shown. */
function show(/** @type {string} */ k) {
  return JSON.stringify(k.length > 40 ? k.slice(0, 40) + "…" : k);
}

/**
 * Reads the raw text of the handbook's storage entry.
 * @returns {{data: Data, problems: string[]} | {newer: true} | {bad: true}}
 */
export function readStored(/** @type {string} */ raw, /** @type {string} */ at) {
  let d;
  try {
    d = JSON.parse(raw);
  } catch {
    return { bad: true };
  }
  if (isObj(d) && typeof d.version === "number" && d.version > storageVersion) return { newer: true };
  if (isObj(d) && isObj(d.checklists) && (d.version === undefined || d.version < storageVersion)) {
    try {
      d = migrate(d, at);
    } catch {
      d = null;
    }
  }
  const { data, problems } = normalise(d);
  return data ? { data, problems } : { bad: true };
}

/**
 * Checks an export file before anything is changed: strict, the same contract as storage.
 * `known` holds the handbook's checklist ids and their aliases.
 * @returns {{data: Data, exported: string} | {error: string}}
 */
export function validateImport(/** @type {string} */ text, /** @type {{key: string, known: Set<string>, at: string}} */ ctx) {
  let f;
  try {
    f = JSON.parse(text);
  } catch {
    return { error: "it is not a JSON file" };
  }
  if (!isObj(f) || f.format !== "mkdocs-sremgr-export") return { error: "it is not an mkdocs-sremgr export" };
  if (f.storage_key !== ctx.key) return { error: `it belongs to another handbook (${String(f.storage_key).slice(0, 60)})` };
  if (!isDate(f.exported)) return { error: "its export date is missing or invalid" };
  let d = f.data;
  if (!isObj(d) || (d.version !== undefined && typeof d.version !== "number")) return { error: "its data has no version" };
  if (d.version > storageVersion) return { error: "it was written by a newer version of the handbook" };
  if (d.version === undefined || d.version < storageVersion) {
    d = isObj(d.checklists) ? migrate(d, ctx.at) : null;
    if (!d) return { error: "its data cannot be read" };
  }
  const { data, problems } = normalise(d);
  if (!data || problems.length) return { error: problems[0] || "its content is not valid" };
  const ids = Object.keys(data.checklists);
  if (ids.length && !ids.some((id) => ctx.known.has(id))) return { error: "none of its checklists exists in this handbook" };
  return { data, exported: f.exported };
}
