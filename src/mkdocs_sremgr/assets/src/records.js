// The storage record (docs/design.md, contract 2) and the pure changes applied to it.
// Every function here works on plain data: no DOM, no storage, no clock of its own.
import { storageVersion } from "./rules.generated.js";
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

/** A checklist's record, under its id or an alias; null when it has none. */
export function checklistRecord(/** @type {Data} */ d, /** @type {Named} */ checklist) {
  return lookup(d.checklists, checklist);
}

/** An item's record, under its id or an alias, in its checklist's record; or null. */
export function itemRecord(/** @type {Data} */ d, /** @type {Named} */ checklist, /** @type {Named} */ item) {
  const c = checklistRecord(d, checklist);
  return c ? lookup(c.items, item) : null;
}

/** What a record says of its item: `done`, `na` or `open`. */
export function stateOf(/** @type {ItemRecord | null} */ r) {
  const s = r && r.state;
  return s === "done" || s === "na" ? s : "open";
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
      const next = clone(lookup(c.items, change.item) || dict());
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

