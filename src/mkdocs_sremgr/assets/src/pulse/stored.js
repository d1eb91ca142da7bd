// The team pulse in the reader's record: `data.pulse[quarter]`, one aggregate per quarter and
// nothing else (docs/pulse.md, "What the dashboard keeps"). Every read, import, merge and
// backup restore goes through `storedPulse`, which checks each one with checkAggregate. Pure.
import { clone, dict, isObj, isPeriod, own } from "../util.js";
import { checkAggregate } from "./aggregate.js";

/** @typedef {import("./aggregate.js").Aggregate} Aggregate */
/** @typedef {import("../types.js").Data} Data */

/**
 * The record's aggregates that pass the check, by quarter, and where the others are wrong
 * ("pulse › 2026-Q4 › seen"). An aggregate must be for `handbook` and filed under its quarter.
 * Never throws.
 * @returns {{ok: Record<string, Aggregate>, problems: string[]}}
 */
export function storedPulse(/** @type {unknown} */ data, /** @type {string} */ handbook) {
  /** @type {Record<string, Aggregate>} */
  const ok = dict();
  /** @type {string[]} */
  const problems = [];
  const all = own(data, "pulse");
  if (all === undefined) return { ok, problems };
  if (!isObj(all)) return { ok, problems: ["pulse"] };
  for (const q of Object.keys(/** @type {object} */ (all))) {
    const where = "pulse › " + JSON.stringify(q.slice(0, 40));
    const r = checkAggregate(/** @type {Record<string, unknown>} */ (all)[q]);
    if (!isPeriod(q)) problems.push(where);
    else if (!("ok" in r)) problems.push(where + (r.detail ? " › " + r.detail : ""));
    else if (r.ok.quarter !== q || r.ok.handbook !== handbook) problems.push(where + " › " + (r.ok.quarter !== q ? "quarter" : "handbook"));
    else ok[q] = r.ok;
  }
  return { ok, problems };
}

/**
 * One quarter's aggregate: `{agg}` (checked), `{none: true}` when nothing is kept for it, or
 * `{bad}` (where it is wrong) when what is kept does not pass the check.
 * @returns {{agg: Aggregate} | {none: true} | {bad: string}}
 */
export function quarterPulse(/** @type {unknown} */ data, /** @type {string} */ handbook, /** @type {string} */ quarter) {
  const all = own(data, "pulse");
  if (all === undefined) return { none: true };
  if (!isObj(all)) return { bad: "pulse" };
  if (own(all, quarter) === undefined) return { none: true };
  const only = { pulse: { [quarter]: own(all, quarter) } };
  const r = storedPulse(only, handbook);
  return r.problems.length ? { bad: r.problems[0] } : { agg: r.ok[quarter] };
}

/** The record with `agg` kept as its quarter's aggregate, in place. @returns {Data} */
export function keepPulse(/** @type {Data} */ d, /** @type {Aggregate} */ agg) {
  const all = isObj(d.pulse) ? /** @type {Record<string, unknown>} */ (d.pulse) : dict();
  all[agg.quarter] = clone(agg);
  d.pulse = all;
  return d;
}

/**
 * The record's pulse with only the aggregates that pass the check (a restored backup's);
 * in place. A backup is left as it was in storage, so nothing is lost. @returns {Data}
 */
export function onlyValidPulse(/** @type {Data} */ d, /** @type {string} */ handbook) {
  if (d.pulse === undefined) return d;
  const { ok } = storedPulse(d, handbook);
  if (Object.keys(ok).length) d.pulse = ok;
  else delete d.pulse;
  return d;
}

/**
 * Merges their aggregates into mine (in place), quarter by quarter. Counts can only be added
 * when the two hold different answer files: with no random id in common they are summed;
 * when theirs holds every file of mine and more, theirs is taken; otherwise (the same files,
 * or some in common) mine stays, so merging a file twice changes nothing.
 * @returns {Data}
 */
export function mergePulse(/** @type {Data} */ mine, /** @type {Data} */ theirs, /** @type {string} */ handbook) {
  const incoming = storedPulse(theirs, handbook).ok;
  const quarters = Object.keys(incoming);
  if (!quarters.length) return mine;
  const ours = storedPulse(mine, handbook);
  if (ours.problems.length) return mine; // a damaged aggregate of mine is not overwritten unseen
  const out = ours.ok;
  for (const q of quarters) {
    const m = out[q];
    const t = incoming[q];
    if (!m) out[q] = t;
    else {
      const seen = new Set(m.seen);
      const common = t.seen.filter((id) => seen.has(id)).length;
      if (!common) out[q] = sum(m, t);
      else if (common === m.seen.length && t.seen.length > m.seen.length) out[q] = t;
    }
  }
  mine.pulse = out;
  return mine;
}

/** Two aggregates of different answer files, as one. @returns {Aggregate} */
function sum(/** @type {Aggregate} */ a, /** @type {Aggregate} */ b) {
  const counts = /** @type {Aggregate["counts"]} */ (clone(a.counts));
  for (const id of Object.keys(b.counts)) {
    const byFp = counts[id] || (counts[id] = dict());
    for (const fp of Object.keys(b.counts[id])) {
      const c = byFp[fp] || (byFp[fp] = [0, 0, 0, 0, 0, 0]);
      b.counts[id][fp].forEach((n, i) => (c[i] += n));
    }
  }
  const seen = [...a.seen, ...b.seen].sort();
  const r = checkAggregate({ ...a, answers: seen.length, seen, counts });
  return "ok" in r ? r.ok : a; // over the cap: mine stays
}
