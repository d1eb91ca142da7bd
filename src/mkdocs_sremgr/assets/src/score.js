// Scores: a checklist's weighted percentage of applicable items done, and the overall mean.
import { OPEN, checklistRecord, isDone, isSetAside, lookup, moved, stateOf } from "./records.js";
import { pct, stamp } from "./util.js";

/** @typedef {import("./records.js").Data} Data */
/** @typedef {import("./records.js").Named} Named */
/** @typedef {Named & {weight: number}} ScoredItem */
/**
 * Items `done` of `total`, points `w` of `tw` (an item's weight is its points), the percentage of
 * points, how many items were set `aside` (left out of all of these), the last change, and
 * whether the reader has `started` (ticked, set aside or reviewed).
 * @typedef {{done: number, total: number, w: number, tw: number, pct: number, aside: number, last: string, started: boolean}} Tally
 */

/** An empty tally. */
export function tally() {
  return /** @type {Tally} */ ({ done: 0, total: 0, w: 0, tw: 0, pct: 0, aside: 0, last: "", started: false });
}

/** Counts one item in `t`, as its state's row says: a set-aside item leaves the totals and is
 * counted as set aside. */
export function count(/** @type {Tally} */ t, /** @type {number} */ weight, /** @type {string} */ state) {
  if (isSetAside(state)) return void t.aside++;
  t.total++;
  t.tw += weight;
  if (isDone(state)) {
    t.done++;
    t.w += weight;
  }
}

/** Fills in the tally's percentage. */
export function finish(/** @type {Tally} */ t) {
  t.pct = pct(t.w, t.tw);
  return t;
}

/** The record of an item in a checklist's record map, under its id or an alias. */
export const findItem = lookup;

/**
 * A checklist's score and its last change (the latest `changed` or `reviewed`, as an ISO
 * string, compared as instants; "" when there is none).
 */
export function score(/** @type {Data} */ d, /** @type {Named} */ checklist, /** @type {readonly ScoredItem[]} */ items, /** @type {number} */ now) {
  const c = checklistRecord(d, checklist);
  const recs = c && c.items;
  const t = tally();
  let last = -Infinity;
  for (const it of items) {
    const r = findItem(recs, it) || moved(d, it);
    if (r && stamp(r.changed, now) > last) {
      last = stamp(r.changed, now);
      t.last = r.changed;
    }
    const state = stateOf(r);
    if (state !== OPEN) t.started = true;
    count(t, it.weight, state);
  }
  if (c && stamp(c.reviewed, now) > last) t.last = c.reviewed;
  if (c && typeof c.reviewed === "string") t.started = true;
  return finish(t);
}

/** The mean of the numbers in `values` (others ignored), rounded; 0 when there are none. */
export function mean(/** @type {readonly (number | null | undefined)[]} */ values) {
  const v = /** @type {number[]} */ (values.filter((x) => typeof x === "number"));
  return v.length ? Math.round(v.reduce((a, b) => a + b, 0) / v.length) : 0;
}

/**
 * The dashboard's "Overall", one way of counting: the mean of the checklists' percentages, each
 * checklist counting once. `pct` is over the checklists the reader has started (what they work
 * on), `all` over every checklist with something in play (what the history line draws).
 * @param {readonly Tally[]} tallies
 */
export function overall(tallies) {
  const open = tallies.filter((s) => s.total > 0);
  const started = open.filter((s) => s.started);
  return { pct: mean(started.map((s) => s.pct)), started: started.length, all: mean(open.map((s) => s.pct)), count: open.length };
}
