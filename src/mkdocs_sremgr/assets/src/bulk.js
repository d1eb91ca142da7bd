// The dashboard's bulk changes, as `transform` changes the store applies to a fresh read like
// any other (records.js). They live here, not in records.js, so the script on every page does
// not carry them; the store treats every transform as a bulk rewrite (store.js, BULK).
import { itemStates } from "./rules.generated.js";
import { clone, dict, isObj, own } from "./util.js";

/** @typedef {import("./records.js").Data} Data */
/** @typedef {import("./records.js").ItemRecord} ItemRecord */
/** @typedef {import("./records.js").Change} Change */

/** Every checklist's progress and every closed quarter, gone (a backup is kept first). */
export function resetAll() {
  return /** @type {Change} */ ({
    kind: "transform",
    run: (/** @type {Data} */ d) => {
      d.checklists = dict();
      d.snapshots = dict();
      return d;
    },
  });
}

/** A new quarter: every item whose state a fresh quarter does not keep (rules.py: done,
 * "didn't come up") is open again; notes, "not for me" and states this build does not know
 * stay as they are. */
export function freshQuarter(/** @type {string} */ at) {
  /** @type {Set<unknown>} */
  const cleared = new Set(itemStates.filter((s) => !s.keep).map((s) => s.id));
  return /** @type {Change} */ ({
    kind: "transform",
    run: (/** @type {Data} */ d) => {
      for (const cid of Object.keys(d.checklists)) {
        const items = own(d.checklists[cid], "items");
        if (!isObj(items)) continue;
        for (const r of Object.values(/** @type {Record<string, ItemRecord>} */ (items))) {
          if (isObj(r) && cleared.has(r.state)) Object.assign(r, { state: itemStates[0].id, changed: at });
        }
      }
      return d;
    },
  });
}

/** The record replaced by `data` (an import or a backup); when the record was created,
 * exported and whether persistence was asked stay this browser's. */
export function replaceWith(/** @type {Data} */ data) {
  return /** @type {Change} */ ({
    kind: "transform",
    run: (/** @type {Data} */ d) => {
      const next = /** @type {Data} */ (clone(data));
      next.meta = d.meta;
      return next;
    },
  });
}
