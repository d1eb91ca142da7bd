// The team pulse's only stored form: counts per statement, per wording and per scale value,
// and the random ids seen; and the figures shown from it (docs/pulse.md). Pure functions.
import { dict, isId, isObj, isPeriod } from "../util.js";

/** @typedef {import("./answers.js").Answers} Answers */
/** @typedef {import("./answers.js").Refusal} Refusal */
/** Answers per value: [said 1, 2, 3, 4, 5, "don't know"]. */
/** @typedef {[number, number, number, number, number, number]} Counts */
/**
 * @typedef {{format: string, version: number, handbook: string, quarter: string,
 *   answers: number, seen: string[], counts: Record<string, Record<string, Counts>>}} Aggregate
 */
/** @typedef {{id: string, fp: string, lesson: string}} PulseStatement */
/**
 * @typedef {{id: string, lesson: string, answers: number, spread: number[], dk: number,
 *   median: number | null} | {id: string, lesson: string, needed: number}} StatementView
 */
/** @typedef {{id: string, median: number | null, pct: number | null, statements: number}} LessonView */
/**
 * @typedef {{needed: number} | {answers: number, minimum: number,
 *   statements: StatementView[], lessons: LessonView[]}} PulseView
 */

export const FORMAT = "mkdocs-sremgr-pulse-aggregate";
export const VERSION = 1;
/** The threshold never goes below this, whatever the configuration says. */
export const MIN_ANSWERS = 3;
/** More answers than any team has: a cap on what a stored or imported aggregate may hold. */
export const MAX_ANSWERS = 10000;

const FIELDS = ["format", "version", "handbook", "quarter", "answers", "seen", "counts"];
const RANDOM_ID = /^[0-9a-f]{32}$/;
const FP = /^[0-9a-f]{8}$/;

const refuse = (/** @type {string} */ reason, detail = "") => /** @type {Refusal} */ ({ refused: reason, detail });

/** An aggregate with no answers yet. */
export function emptyAggregate(/** @type {string} */ handbook, /** @type {string} */ quarter) {
  return /** @type {Aggregate} */ ({ format: FORMAT, version: VERSION, handbook, quarter, answers: 0, seen: [], counts: dict() });
}

/** A copy of `counts` with its ids and fingerprints in sorted order: equal content, equal JSON. */
function sortedCounts(/** @type {Record<string, Record<string, Counts>>} */ counts) {
  /** @type {Record<string, Record<string, Counts>>} */
  const out = dict();
  for (const id of Object.keys(counts).sort()) {
    out[id] = dict();
    for (const fp of Object.keys(counts[id]).sort()) out[id][fp] = /** @type {Counts} */ (counts[id][fp].slice());
  }
  return out;
}

/**
 * A new aggregate with `answers` (checked by checkAnswers) counted in, or why not. The input
 * aggregate is not changed. The same answer file twice is refused: its random id was seen.
 * @returns {{ok: Aggregate} | Refusal}
 */
export function addAnswers(/** @type {Aggregate} */ agg, /** @type {Answers} */ answers) {
  if (answers.handbook !== agg.handbook) return refuse("dash.pulse.why.otherHandbook", answers.handbook.slice(0, 60));
  if (answers.quarter !== agg.quarter) return refuse("dash.pulse.why.otherQuarter", answers.quarter.slice(0, 60));
  if (agg.seen.includes(answers.random_id)) return refuse("dash.pulse.why.alreadyAdded");
  if (agg.answers >= MAX_ANSWERS) return refuse("dash.pulse.why.full");
  const counts = sortedCounts(agg.counts);
  for (const id of Object.keys(answers.answers)) {
    const { fp, value } = answers.answers[id];
    const byFp = counts[id] || (counts[id] = dict());
    const c = byFp[fp] || (byFp[fp] = [0, 0, 0, 0, 0, 0]);
    c[value === "dk" ? 5 : value - 1]++;
  }
  const seen = [...agg.seen, answers.random_id].sort();
  return { ok: { ...agg, answers: seen.length, seen, counts: sortedCounts(counts) } };
}

/** Whether `v` is a whole number from 0 to `max`. */
const count = (/** @type {unknown} */ v, /** @type {number} */ max) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * Checks an aggregate read from storage or an imported file: the exact shape, nothing else
 * kept. Never throws. On success a fresh, sorted copy.
 * @returns {{ok: Aggregate} | Refusal}
 */
export function checkAggregate(/** @type {unknown} */ input) {
  const bad = (/** @type {string} */ where) => refuse("dash.pulse.why.badAggregate", where);
  try {
    if (!isObj(input)) return bad("");
    const a = /** @type {Record<string, unknown>} */ (input);
    if (a.format !== FORMAT || a.version !== VERSION) return bad("format");
    const extra = Object.keys(a).filter((k) => !FIELDS.includes(k)).sort();
    if (extra.length) return bad(extra[0].slice(0, 60));
    if (typeof a.handbook !== "string" || a.handbook.length > 200) return bad("handbook");
    if (!isPeriod(a.quarter)) return bad("quarter");
    const seen = a.seen;
    if (!Array.isArray(seen) || seen.length > MAX_ANSWERS || !seen.every((s) => typeof s === "string" && RANDOM_ID.test(s))) return bad("seen");
    if (new Set(seen).size !== seen.length) return bad("seen");
    if (a.answers !== seen.length) return bad("answers");
    if (!isObj(a.counts)) return bad("counts");
    const given = /** @type {Record<string, unknown>} */ (a.counts);
    /** @type {Record<string, Record<string, Counts>>} */
    const counts = dict();
    for (const id of Object.keys(given)) {
      const byFp = given[id];
      if (!isId(id) || !isObj(byFp)) return bad("counts");
      counts[id] = dict();
      for (const fp of Object.keys(/** @type {object} */ (byFp))) {
        const c = /** @type {Record<string, unknown>} */ (byFp)[fp];
        const ok = FP.test(fp) && Array.isArray(c) && c.length === 6 && c.every((n) => count(n, seen.length));
        if (!ok || /** @type {number[]} */ (c).reduce((x, y) => x + y, 0) > seen.length) return bad(`counts › ${id}`);
        counts[id][fp] = /** @type {Counts} */ (/** @type {number[]} */ (c).slice());
      }
    }
    const out = { format: FORMAT, version: VERSION, handbook: a.handbook, quarter: a.quarter, answers: seen.length, seen: [...seen].sort(), counts: sortedCounts(counts) };
    return { ok: /** @type {Aggregate} */ (out) };
  } catch {
    return bad("");
  }
}

/** The threshold in force: `minimum` as configured, never below MIN_ANSWERS. */
export function threshold(/** @type {unknown} */ minimum) {
  return typeof minimum === "number" && Number.isFinite(minimum) ? Math.max(MIN_ANSWERS, Math.floor(minimum)) : MIN_ANSWERS;
}

/** The median of sorted numbers (the mean of the two middle ones when even); null when none. */
export function median(/** @type {readonly number[]} */ sorted) {
  const n = sorted.length;
  if (!n) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** A median on the scale as agreement from 0 to 100 (1 -> 0, 3 -> 50, 5 -> 100), rounded half up. */
export function agreement(/** @type {number} */ m) {
  return Math.floor((m - 1) * 25 + 0.5);
}

/**
 * What may be shown of `agg` for the pulse's current `statements`. Under the threshold only how
 * many answers are still needed; from it on, per statement its answers under the current wording
 * (a statement with fewer than the threshold shows only how many it needs), and per lesson the
 * median of its statements' medians.
 * @param {Aggregate} agg
 * @param {readonly PulseStatement[]} statements
 * @param {{minimum?: number}} [options]
 * @returns {PulseView}
 */
export function pulseView(agg, statements, { minimum } = {}) {
  const min = threshold(minimum);
  if (agg.answers < min) return { needed: min - agg.answers };
  /** @type {StatementView[]} */
  const shown = [];
  /** @type {Map<string, number[]>} */
  const byLesson = new Map();
  for (const s of statements) {
    if (!byLesson.has(s.lesson)) byLesson.set(s.lesson, []);
    const byFp = Object.prototype.hasOwnProperty.call(agg.counts, s.id) ? agg.counts[s.id] : undefined;
    const c = byFp && Object.prototype.hasOwnProperty.call(byFp, s.fp) ? byFp[s.fp] : [0, 0, 0, 0, 0, 0];
    const total = c.reduce((x, y) => x + y, 0);
    if (total < min) {
      shown.push({ id: s.id, lesson: s.lesson, needed: min - total });
      continue;
    }
    /** @type {number[]} */
    const values = [];
    for (let v = 1; v <= 5; v++) for (let k = 0; k < c[v - 1]; k++) values.push(v);
    const m = median(values);
    shown.push({ id: s.id, lesson: s.lesson, answers: total, spread: c.slice(0, 5), dk: c[5], median: m });
    if (m !== null) /** @type {number[]} */ (byLesson.get(s.lesson)).push(m);
  }
  /** @type {LessonView[]} */
  const lessons = [];
  for (const [id, medians] of byLesson) {
    const m = median([...medians].sort((x, y) => x - y));
    lessons.push({ id, median: m, pct: m === null ? null : agreement(m), statements: medians.length });
  }
  return { answers: agg.answers, minimum: min, statements: shown, lessons };
}
