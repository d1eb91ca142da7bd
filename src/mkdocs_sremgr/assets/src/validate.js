// What storage may legally hold, and the one validator that both a read from storage and an
// imported file go through, so a reader's own export always re-imports (docs/design.md).
import { storageVersion } from "./rules.generated.js";
import { dict, isDate, isId, isObj, isPeriod } from "./util.js";

/** @typedef {import("./records.js").Data} Data */

export const MAX_NOTE = 2000;
/** Larger than any export of a browser's storage (a few MB at most), with room to spare. */
export const MAX_IMPORT_BYTES = 25e6;
const MAX_DEPTH = 32;
const FP = /^[0-9a-f]{8}$/;

/** MIGRATIONS[v] turns a record of version v into version v + 1; each one is unit-tested. */
export const MIGRATIONS = [
  // 0 -> 1: pre-release drafts stored no version and a boolean per item. In place: what else
  // they hold is checked by `normalise` like any record (unknown fields are kept).
  (/** @type {any} */ d, /** @type {string} */ at) => {
    for (const c of Object.values(d.checklists)) {
      const items = isObj(c) && /** @type {any} */ (c).items;
      // The ids of version 1, as they were then: a migration never changes after release.
      if (isObj(items)) for (const k in items) if (typeof items[k] == "boolean") items[k] = { state: items[k] ? "done" : "open", changed: at };
    }
    if (!isObj(d.snapshots)) d.snapshots = dict();
    if (!isObj(d.meta)) d.meta = dict();
    return d;
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
 * Checks `d` (fresh from JSON.parse) against the storage contract, in place, and returns it
 * with every problem found (path + what is wrong). Parts with a problem are removed; the
 * id-keyed maps lose their prototype, so an id such as `constructor` is only ever data;
 * unknown fields are kept. A number JSON cannot hold (1e400 parses as Infinity) is written
 * as null by the next JSON.stringify, like any other. In place and without a copy because it
 * runs on every read of storage, on the start-up path of every page.
 * @returns {{data: Data | null, problems: string[]}}
 */
export function normalise(/** @type {unknown} */ d) {
  /** @type {string[]} */
  const problems = [];
  const bad = (/** @type {string} */ msg) => (problems.push(msg), undefined);
  if (!isObj(d)) return { data: null, problems: ["data"] };
  const top = /** @type {Record<string, any>} */ (d);
  if (top.version !== storageVersion) return { data: null, problems: ["version"] };
  if (!isObj(top.checklists)) return { data: null, problems: ["checklists"] };
  for (const k of ["snapshots", "meta"]) {
    if (top[k] !== undefined && !isObj(top[k])) return { data: null, problems: [k] };
  }
  cut(top, 1, bad);
  const checklists = bare(top.checklists);
  for (const cid of Object.keys(checklists)) {
    const c = checklists[cid];
    if (isId(cid) && isObj(c)) continue;
    bad(at("checklists", show(cid)));
    delete checklists[cid];
  }
  for (const cid of Object.keys(checklists)) checklist(checklists[cid], cid, bad);
  const snaps = (top.snapshots = isObj(top.snapshots) ? bare(top.snapshots) : dict());
  for (const p of Object.keys(snaps)) if (!snapshot(snaps[p], p, bad)) delete snaps[p];
  top.meta = isObj(top.meta) ? bare(top.meta) : dict();
  return { data: /** @type {Data} */ (top), problems };
}

/** @typedef {(msg: string) => undefined} Bad */

/** `o` without its prototype: its keys are data only. */
function bare(/** @type {Record<string, any>} */ o) {
  Object.setPrototypeOf(o, null);
  return o;
}

function checklist(/** @type {Record<string, any>} */ c, /** @type {string} */ cid, /** @type {Bad} */ bad) {
  if (c.reviewed !== undefined && !isDate(c.reviewed)) {
    bad(at("checklists", cid, "reviewed"));
    delete c.reviewed;
  }
  if (c.items === undefined) return;
  if (!isObj(c.items)) {
    bad(at("checklists", cid, "items"));
    c.items = dict();
    return;
  }
  const items = bare(c.items);
  for (const iid of Object.keys(items)) {
    const r = items[iid];
    const wrong = !isId(iid) || !isObj(r) ? " " : itemProblem(r);
    if (!wrong) continue;
    bad(at("checklists", cid, "items", show(iid), wrong.trim()));
    delete items[iid];
  }
}

/** The first known field of an item record that is wrong, or "" when none is. */
function itemProblem(/** @type {Record<string, unknown>} */ r) {
  return (
    // Any id-shaped state is kept: one this build does not know (a newer build's) reads as open
    // (records.js, stateOf) and stays in storage as it is, so a new state needs no new version.
    r.state !== undefined && !isId(r.state) ? "state"
    : r.changed !== undefined && !isDate(r.changed) ? "changed"
    : r.noted !== undefined && !isDate(r.noted) ? "noted"
    : r.fp !== undefined && !(typeof r.fp === "string" && (r.fp === "" || FP.test(r.fp))) ? "fp"
    : r.note !== undefined && !(typeof r.note === "string" && r.note.length <= MAX_NOTE) ? "note"
    : ""
  );
}

/** Checks one snapshot in place; false when it must go. */
function snapshot(/** @type {unknown} */ s, /** @type {string} */ p, /** @type {Bad} */ bad) {
  if (!isPeriod(p) || !isObj(s)) return bad(at("snapshots", show(p)));
  const snap = /** @type {Record<string, any>} */ (s);
  if (!isDate(snap.closed) || !isObj(snap.checklists)) return bad(at("snapshots", p));
  const cs = bare(snap.checklists);
  for (const cid of Object.keys(cs)) {
    const c = cs[cid];
    const ok =
      isId(cid) && isObj(c) && Array.isArray(c.done) && c.done.every(isId) &&
      Number.isInteger(c.total) && c.total >= 0 &&
      typeof c.score === "number" && c.score >= 0 && c.score <= 100;
    if (ok) continue;
    bad(at("snapshots", p, show(cid)));
    delete cs[cid];
  }
  return true;
}

/**
 * Removes, as a problem, whatever nests deeper than an import may (MAX_DEPTH levels): unknown
 * fields are kept, but every change copies its record, and a copy of thousands of levels
 * overflows the stack (the whole entry goes to a backup first, store.js). Its own recursion
 * stops at MAX_DEPTH.
 */
function cut(/** @type {any} */ o, /** @type {number} */ depth, /** @type {Bad} */ bad) {
  for (const k in o) {
    const v = o[k];
    if (v && typeof v == "object") depth <= MAX_DEPTH ? cut(v, depth + 1, bad) : delete o[bad("nested") || k];
  }
}

/** Whether `v` nests no deeper than `max` levels (checked without recursion). */
function shallow(/** @type {unknown} */ v, /** @type {number} */ max) {
  /** @type {[unknown, number][]} */
  const todo = [[v, 0]];
  while (todo.length) {
    const [x, depth] = /** @type {[unknown, number]} */ (todo.pop());
    if (x === null || typeof x !== "object") continue;
    if (depth > max) return false;
    for (const y of Object.values(/** @type {object} */ (x))) todo.push([y, depth + 1]);
  }
  return true;
}

/** Where a problem is, as a path of keys: the same in every language (an import's refusal
 * shows it inside a translated sentence). */
function at(/** @type {string[]} */ ...keys) {
  return keys.filter(Boolean).join(" › ");
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
 * @returns {{data: Data, exported: string} | {error: string, detail?: string}}
 */
export function validateImport(/** @type {string} */ text, /** @type {{key: string, known: Set<string>, at: string}} */ ctx) {
  let f;
  try {
    f = JSON.parse(text);
  } catch {
    return { error: "dash.why.notJson" };
  }
  if (!isObj(f) || f.format !== "mkdocs-sremgr-export") return { error: "dash.why.notExport" };
  if (f.storage_key !== ctx.key) return { error: "dash.why.otherHandbook", detail: String(f.storage_key).slice(0, 60) };
  if (!isDate(f.exported)) return { error: "dash.why.noDate" };
  let d = f.data;
  if (!isObj(d) || (d.version !== undefined && typeof d.version !== "number")) return { error: "dash.why.noVersion" };
  if (d.version > storageVersion) return { error: "dash.why.newer" };
  if (d.version === undefined || d.version < storageVersion) {
    d = isObj(d.checklists) ? migrate(d, ctx.at) : null;
    if (!d) return { error: "dash.why.unreadable" };
  }
  if (!shallow(d, MAX_DEPTH)) return { error: "dash.why.nested" };
  const { data, problems } = normalise(d);
  if (!data || problems.length) return { error: "dash.why.invalid", detail: problems[0] || "" };
  const ids = Object.keys(data.checklists);
  if (ids.length && !ids.some((id) => ctx.known.has(id))) return { error: "dash.why.unknown" };
  return { data, exported: f.exported };
}
