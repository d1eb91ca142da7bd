// The dashboard's side of the storage engine: the export file, and the backups a reader can
// list, restore and delete. Kept out of store.js so the script on every page stays small; each
// function works through the store's own API (apply, backupCurrent, notify).
import { replaceWith } from "./bulk.js";
import { closedPeriods } from "./periods.js";
import { isObj } from "./util.js";
import { readStored } from "./validate.js";
import { onlyValidPulse } from "./pulse/stored.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {import("./records.js").Data} Data */

const iso = (/** @type {Store} */ store) => new Date(store.now()).toISOString();

/** The start of the name of every backup of the entry `key`. The rest is when it was kept and,
 * after a "~", what made it (store.js names them so; backups made before 0.x have no cause). */
export const backupPrefix = (/** @type {string} */ key) => `${key}:backup:`;

/** When a backup was kept (an ISO date, or whatever its name says). */
export const backupTime = (/** @type {string} */ key, /** @type {string} */ name) => name.slice(backupPrefix(key).length).split("~")[0];

/**
 * What a record holds, counted as the dashboard says it: checklists with a record, closed
 * quarters, notes.
 * @typedef {{checklists: number, quarters: number, notes: number}} Holds
 */

/** @returns {Holds} */
export function holds(/** @type {Data} */ d) {
  let notes = 0;
  for (const c of Object.values(d.checklists)) {
    const items = isObj(c) && isObj(c.items) ? Object.values(c.items) : [];
    for (const r of items) if (isObj(r) && typeof r.note === "string" && r.note.trim()) notes++;
  }
  return { checklists: Object.keys(d.checklists).length, quarters: closedPeriods(d).length, notes };
}

/**
 * One backup as the dashboard lists it: when it was kept, what made it ("" when its name does
 * not say: an older version made it), and what it holds (null: this version cannot read it).
 * @typedef {{name: string, when: string, cause: string, holds: Holds | null}} Backup
 */

/** Backups never change: each is read once per page life. @type {Map<string, Backup>} */
const described = new Map();

/** @returns {Backup} */
export function describe(/** @type {Store} */ store, /** @type {string} */ name) {
  let b = described.get(name);
  if (!b) {
    const rest = name.slice(backupPrefix(store.key).length);
    const cut = rest.indexOf("~");
    const data = readBackup(store, name);
    b = { name, when: cut < 0 ? rest : rest.slice(0, cut), cause: cut < 0 ? "" : rest.slice(cut + 1), holds: data && holds(data) };
    described.set(name, b);
  }
  return b;
}

/** The export file's text, after recording when it was exported. */
export function exportFile(/** @type {Store} */ store) {
  const at = iso(store);
  store.apply({ kind: "meta", patch: { exported: at } });
  const file = { format: "mkdocs-sremgr-export", storage_key: store.key, exported: at, data: store.data };
  return JSON.stringify(file, null, 1);
}

/** The names of the store's backups, newest first. */
export function backups(/** @type {Store} */ store) {
  const ls = store.storage;
  const prefix = backupPrefix(store.key);
  /** @type {string[]} */
  const out = [];
  try {
    for (let i = 0; ls && i < ls.length; i++) {
      const k = ls.key(i);
      if (k && k.startsWith(prefix)) out.push(k);
    }
  } catch {
    /* unavailable: no backups to show */
  }
  return out.sort().reverse();
}

/** @returns {Data | null} a backup's data, if this version can read it */
export function readBackup(/** @type {Store} */ store, /** @type {string} */ name) {
  let raw = null;
  try {
    raw = store.storage ? store.storage.getItem(name) : null;
  } catch {
    /* handled below */
  }
  if (raw === null) return null;
  const parsed = readStored(raw, iso(store));
  // Only the team pulse's aggregates that pass the check come back (the backup stays as it is).
  return "data" in parsed && !parsed.problems.length ? onlyValidPulse(parsed.data, store.key) : null;
}

/** Replaces the record with a backup's, after keeping the current one as a backup. */
export function restore(/** @type {Store} */ store, /** @type {string} */ name) {
  const data = readBackup(store, name);
  if (!data) return "unreadable";
  if (!store.backupCurrent("~restore")) return "no-backup";
  return store.apply(replaceWith(data)) ? "ok" : "not-saved";
}

/** Deletes one of the store's backups (never another entry). */
export function removeBackup(/** @type {Store} */ store, /** @type {string} */ name) {
  try {
    if (store.storage && name.startsWith(backupPrefix(store.key))) store.storage.removeItem(name);
  } catch {
    /* nothing to delete */
  }
  store.notify();
}
