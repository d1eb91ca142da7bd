// The dashboard's bulk changes, as `transform` changes the store applies to a fresh read like
// any other (records.js). They live here, not in records.js, so the script on every page does
// not carry them; the store treats every transform as a bulk rewrite (store.js, BULK).
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

/** A new quarter: every done item is open again (notes and "not for me" stay). */
export function freshQuarter(/** @type {string} */ at) {
  return /** @type {Change} */ ({
    kind: "transform",
    run: (/** @type {Data} */ d) => {
      for (const cid of Object.keys(d.checklists)) {
        const items = own(d.checklists[cid], "items");
        if (!isObj(items)) continue;
        for (const r of Object.values(/** @type {Record<string, ItemRecord>} */ (items))) {
          if (isObj(r) && r.state === "done") Object.assign(r, { state: "open", changed: at });
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
