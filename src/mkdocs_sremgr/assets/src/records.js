// The storage record (docs/design.md, contract 2) and the pure changes applied to it.
// Every function here works on plain data: no DOM, no storage, no clock of its own.
import { doneStates, itemStates, setAsideStates, stateIds, storageVersion } from "./rules.generated.js";
import { clone, dict, isObj, own } from "./util.js";

/**
 * @typedef {import("./types.js").ItemRecord} ItemRecord
 * @typedef {import("./types.js").ChecklistRecord} ChecklistRecord
 * @typedef {import("./types.js").Snapshot} Snapshot
 * @typedef {import("./types.js").Data} Data
 * @typedef {{id: string, aliases: readonly string[]}} Named  an id and the old ids it was stored under
 * @typedef {{state?: string, fp?: string, note?: string}} ItemPatch
 * @typedef {{kind: "item", checklist: Named, item: Named, patch: ItemPatch, at: string}
 *   | {kind: "reviewed", checklist: Named, at: string}
 *   | {kind: "reset-checklist", checklist: Named}
 *   | {kind: "snapshot", period: string, snapshot: Snapshot}
 *   | {kind: "meta", patch: Record<string, unknown>}
 *   | {kind: "transform", run: (d: Data) => Data}} Change
 */

/** An empty record, created at `at`. */
export function emptyData(/** @type {string} */ at) {
  /** @type {Data} */
  const d = { version: storageVersion, checklists: dict(), snapshots: dict(), meta: dict() };
  d.meta.created = at;
  return d;
}

/** The record under `named`'s id or else its first alias with one, so data kept under an old
 * id is found; null when there is none. */
export function lookup(/** @type {unknown} */ map, /** @type {Named} */ named) {
  const mine = own(map, named.id);
  if (isObj(mine)) return /** @type {Record<string, any>} */ (mine);
  for (const old of named.aliases) {
    const r = own(map, old);
    if (isObj(r)) return /** @type {Record<string, any>} */ (r);
  }
  return null;
}

/** The record of an item that moved here from another checklist, under an alias
 * `old-checklist/old-item` (the build makes sure no current item holds that place); or null. */
export function moved(/** @type {Data} */ d, /** @type {Named} */ item) {
  for (const old of item.aliases) {
    const [c, i] = old.split("/");
    const r = i && own(own(own(d.checklists, c), "items"), i);
    if (isObj(r)) return /** @type {Record<string, any>} */ (r);
  }
  return null;
}

/** A checklist's record, under its id or an alias; null when it has none. */
export function checklistRecord(/** @type {Data} */ d, /** @type {Named} */ checklist) {
  return lookup(d.checklists, checklist);
}

/** An item's record, under its id or an alias, in its checklist's record; or null. */
export function itemRecord(/** @type {Data} */ d, /** @type {Named} */ checklist, /** @type {Named} */ item) {
  const c = checklistRecord(d, checklist);
  return (c && lookup(c.items, item)) || moved(d, item);
}

/** @typedef {(typeof itemStates)[number]} ItemState  a row of rules.py's ITEM_STATES */

/** The state of an item with no record, and the one the checkbox writes when ticked. */
export const OPEN = stateIds[0];
export const DONE = doneStates[0];

/** What a record says of its item: a state of the table (rules.py, ITEM_STATES), or `open`
 * for no record and for a state this build does not know (a newer build's, kept as stored). */
export function stateOf(/** @type {ItemRecord | null} */ r) {
  const s = r && r.state;
  return stateIds.includes(/** @type {any} */ (s)) ? /** @type {string} */ (s) : OPEN;
}

/** Whether a state counts as done. */
export const isDone = (/** @type {unknown} */ id) => doneStates.includes(/** @type {any} */ (id));

/** Whether a state sets its item aside (its points leave the score). */
export const isSetAside = (/** @type {unknown} */ id) => setAsideStates.includes(/** @type {any} */ (id));

/** The row of a state id in the table; open's (the first) for one this build does not know. */
export function stateRow(/** @type {unknown} */ id) {
  return itemStates.find((s) => s.id === id) || itemStates[0];
}

/** The checklist's record under its current id, created (from an alias's record) if needed. */
function ownChecklist(/** @type {Data} */ d, /** @type {Named} */ checklist) {
  let c = own(d.checklists, checklist.id);
  if (!isObj(c)) {
    const old = checklistRecord(d, checklist);
    c = old ? clone(old) : dict();
    d.checklists[checklist.id] = /** @type {ChecklistRecord} */ (c);
  }
  const rec = /** @type {ChecklistRecord} */ (c);
  if (!isObj(rec.items)) rec.items = dict();
  return rec;
}

/**
 * Applies one change to `d` (a fresh read of storage) in place. Only what the change names is
 * touched: another tab's ticks in the same record stay as they are.
 */
export function apply(/** @type {Data} */ d, /** @type {Change} */ change) {
  switch (change.kind) {
    case "item": {
      const c = ownChecklist(d, change.checklist);
      const next = clone(lookup(c.items, change.item) || moved(d, change.item) || dict());
      Object.assign(next, change.patch);
      // Notes merge on their own clock, so typing a note never outdates a tick.
      if ("note" in change.patch) next.noted = change.at;
      else next.changed = change.at;
      c.items[change.item.id] = next;
      return d;
    }
    case "reviewed":
      ownChecklist(d, change.checklist).reviewed = change.at;
      return d;
    case "reset-checklist":
      for (const id of [change.checklist.id, ...change.checklist.aliases]) delete d.checklists[id];
      return d;
    case "snapshot":
      d.snapshots[change.period] = clone(change.snapshot);
      return d;
    case "meta":
      Object.assign(d.meta, change.patch);
      return d;
    case "transform": // a bulk change the dashboard brings its own code for (bulk.js, merge.js)
      return change.run(d);
  }
}

