// Merging an imported record into the reader's: pure, no DOM.
import { clone, dict, isObj, own, stamp } from "./util.js";
import { mergePulse } from "./pulse/stored.js";

/** @typedef {import("./records.js").Data} Data */
/** @typedef {import("./records.js").ChecklistRecord} ChecklistRecord */
/** @typedef {import("./records.js").ItemRecord} ItemRecord */

/**
 * Merges `theirs` into `mine` (in place) and returns it: per item, the newer state by `changed`
 * and, apart from it, the newer note by `noted`; per checklist the later `reviewed`; per quarter
 * the later `closed`. Times are compared as instants; ties keep mine, so merging the same file
 * twice changes nothing the second time. Mine are clamped to `now` (this browser's clock). A
 * time of theirs later than `exported` (the file's own export time, itself at most `now`) or
 * than `now` cannot be true, so it counts as older than any of mine: a future-dated change in
 * a file never beats the reader's own (docs/design.md, "Merging").
 */
export function merge(/** @type {Data} */ mine, /** @type {Data} */ theirs, /** @type {number} */ now, /** @type {unknown} */ exported = undefined, handbook = "") {
  const made = stamp(exported, now);
  const bound = made > -Infinity ? made : now;
  /** Whether their time `a` is later than my time `b`. @param {unknown} a @param {unknown} b */
  const newer = (a, b) => {
    const t = stamp(a, Infinity);
    return (t > bound ? -Infinity : t) > stamp(b, now);
  };
  for (const cid of Object.keys(theirs.checklists)) {
    const t = theirs.checklists[cid];
    if (!isObj(t)) continue;
    let m = own(mine.checklists, cid);
    if (!isObj(m)) {
      mine.checklists[cid] = clone(t);
      continue;
    }
    const mc = /** @type {ChecklistRecord} */ (m);
    if (newer(t.reviewed, mc.reviewed)) mc.reviewed = t.reviewed;
    if (!isObj(t.items)) continue;
    if (!isObj(mc.items)) mc.items = dict();
    for (const iid of Object.keys(t.items)) {
      const ti = t.items[iid];
      const mi = own(mc.items, iid);
      if (!isObj(ti)) continue;
      if (!isObj(mi)) {
        mc.items[iid] = clone(ti);
        continue;
      }
      const mine_ = /** @type {ItemRecord} */ (mi);
      const winner = newer(ti.changed, mine_.changed) ? clone(ti) : mine_;
      const note = newer(ti.noted, mine_.noted) ? ti : mine_; // whose note is kept
      if ((winner === mine_) !== (note === mine_)) {
        winner.note = note.note;
        winner.noted = note.noted;
      }
      mc.items[iid] = winner;
    }
  }
  for (const p of Object.keys(theirs.snapshots)) {
    const cur = own(mine.snapshots, p);
    const inc = theirs.snapshots[p];
    if (!isObj(cur) || newer(own(inc, "closed"), own(cur, "closed"))) mine.snapshots[p] = clone(inc);
  }
  // The team pulse per quarter, for `handbook` (pulse/stored.js says when counts add up).
  return handbook ? mergePulse(mine, theirs, handbook) : mine;
}
