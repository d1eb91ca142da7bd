// The team view's model: what the dashboard may show of a quarter's team pulse, in words, beside
// the manager's own scores (docs/pulse.md, "What the dashboard shows"). Pure: no DOM, no storage;
// every figure comes from aggregate.js's pulseView, so under the threshold there is nothing here
// but how many more answers are needed.
import { pulseView, threshold } from "../pulse/aggregate.js";
import { quarterPulse } from "../pulse/stored.js";
import { addAnswers, emptyAggregate } from "../pulse/aggregate.js";
import { checkAnswers } from "../pulse/answers.js";
import { score } from "../score.js";
import { num, percent, t } from "../strings.js";
import { isId, isObj } from "../util.js";

/** @typedef {import("../types.js").Data} Data */
/** @typedef {import("../pulse/aggregate.js").Aggregate} Aggregate */
/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {{id: string, fp: string, text: string, lesson: string}} PulseStatement */
/** @typedef {{id: string, title: string, url: string, minimum: number, statements: PulseStatement[]}} ManifestPulse */
/**
 * @typedef {{id: string, text: string, needed: string} | {id: string, text: string, median: string,
 *   answers: string, spread: string, shares: number[]}} StatementRow
 */
/** @typedef {{id: string, title: string, team: string, teamPct: number | null, yours: string, yoursPct: number}} LessonRow */
/**
 * @typedef {{bad: string} | {needed: number, text: string} | {answers: number, text: string,
 *   statements: StatementRow[], lessons: LessonRow[]}} TeamView
 */

const FP = /^[0-9a-f]{8}$/;
const str = (/** @type {unknown} */ v) => (typeof v === "string" ? v : "");

/** The manifest's pulse, made safe to use; null when the handbook has none. @returns {ManifestPulse | null} */
export function preparePulse(/** @type {unknown} */ raw) {
  if (!isObj(raw)) return null;
  const p = /** @type {Record<string, unknown>} */ (raw);
  const list = Array.isArray(p.statements) ? p.statements.filter(isObj) : [];
  /** @type {PulseStatement[]} */
  const statements = [];
  const seen = new Set();
  for (const s of /** @type {Record<string, unknown>[]} */ (list)) {
    if (!isId(s.id) || seen.has(s.id) || typeof s.fp !== "string" || !FP.test(s.fp)) continue;
    seen.add(s.id);
    statements.push({ id: /** @type {string} */ (s.id), fp: s.fp, text: str(s.text), lesson: str(s.lesson) });
  }
  if (!statements.length) return null;
  return { id: str(p.id), title: str(p.title), url: str(p.url), minimum: threshold(p.minimum), statements };
}

/** The answer check's context for this handbook and quarter. */
export const contextOf = (/** @type {ManifestPulse} */ pulse, /** @type {string} */ handbook, /** @type {string} */ quarter) => ({ handbook, quarter, statements: pulse.statements });

/**
 * Adds answer files or codes (their texts, with a name to report them by) to `agg`, one by one;
 * a refused one changes nothing and says why (a `dash.pulse.why.*` key).
 * @param {Aggregate} agg @param {{name: string, text: string}[]} inputs
 * @param {{handbook: string, quarter: string, statements: readonly {id: string, fp: string}[]}} ctx
 * @returns {{agg: Aggregate, added: number, refused: {name: string, why: string, detail: string}[]}}
 */
export function addInputs(agg, inputs, ctx) {
  let added = 0;
  /** @type {{name: string, why: string, detail: string}[]} */
  const refused = [];
  for (const { name, text } of inputs) {
    const checked = checkAnswers(text, ctx);
    const next = "ok" in checked ? addAnswers(agg, checked.ok) : checked;
    if ("ok" in next) {
      agg = next.ok;
      added++;
    } else refused.push({ name, why: next.refused, detail: next.detail });
  }
  return { agg, added, refused };
}

/** Pasted text as the codes (and answer files) in it: each code on its own, else the whole. */
export function splitCodes(/** @type {string} */ text) {
  const parts = text.split(/(?=sremgr-pulse1:)/).map((s) => s.trim()).filter(Boolean);
  return parts.length > 1 || (parts[0] || "").startsWith("sremgr-pulse1:") ? parts : parts.length ? [text] : [];
}

/** A quarter's aggregate to add to: the stored one, or an empty one when none is kept. */
export function startingAggregate(/** @type {Data} */ d, /** @type {string} */ handbook, /** @type {string} */ quarter) {
  const r = quarterPulse(d, handbook, quarter);
  return "agg" in r ? r.agg : emptyAggregate(handbook, quarter);
}

/** A median as shown: "4", "3.5". */
const median = (/** @type {number} */ m) => num(m);

/**
 * The team view for `quarter`: whether the stored aggregate is damaged, how many more answers
 * are needed, or (from the threshold on) per statement and per lesson the figures.
 * @param {{data: Data, manifest: Manifest, pulse: ManifestPulse, handbook: string, quarter: string, now: number}} input
 * @returns {TeamView}
 */
export function teamView({ data, manifest, pulse, handbook, quarter, now }) {
  const kept = quarterPulse(data, handbook, quarter);
  if ("bad" in kept) return { bad: t("dash.pulse.storedBad", { period: quarter, why: t("dash.pulse.why.badAggregate", { key: kept.bad }) }) };
  const agg = "agg" in kept ? kept.agg : emptyAggregate(handbook, quarter);
  const v = pulseView(agg, pulse.statements, { minimum: pulse.minimum });
  if ("needed" in v) return { needed: v.needed, text: t("dash.pulse.needed", { n: v.needed }) };
  const texts = new Map(pulse.statements.map((s) => [s.id, s.text]));
  /** @type {StatementRow[]} */
  const statements = v.statements.map((s) => {
    const text = texts.get(s.id) || s.id;
    if ("needed" in s) return { id: s.id, text, needed: t("dash.pulse.statementNeeded", { n: s.needed }) };
    const [s1, s2, s3, s4, s5] = s.spread;
    return {
      id: s.id, text,
      median: s.median === null ? t("dash.pulse.noMedian") : t("dash.pulse.median", { value: median(s.median) }),
      answers: t("dash.pulse.answers", { n: s.answers }),
      spread: t("dash.pulse.spread", { s1, s2, s3, s4, s5, dk: s.dk }),
      shares: [...s.spread, s.dk].map((n) => (s.answers ? n / s.answers : 0)),
    };
  });
  const byId = new Map(manifest.checklists.map((c) => [c.id, c]));
  /** @type {LessonRow[]} */
  const lessons = [];
  for (const l of v.lessons) {
    const c = byId.get(l.id);
    if (!c) continue;
    const yours = score(data, c, c.items, now).pct;
    lessons.push({
      id: l.id, title: c.title, teamPct: l.pct, yoursPct: yours,
      team: l.pct === null ? "–" : t("dash.pulse.agreement", { pct: l.pct }),
      yours: percent(yours),
    });
  }
  return { answers: v.answers, text: t("dash.pulse.count", { n: v.answers, period: quarter }), statements, lessons };
}

/** What a closed quarter keeps of the team pulse: how many answers and, per lesson, the team's
 * view (0–100); nothing under the threshold. @returns {{answers: number, lessons: Record<string, number>} | null} */
export function pulseSnapshot(/** @type {Data} */ d, /** @type {ManifestPulse | null} */ pulse, /** @type {string} */ handbook, /** @type {string} */ quarter) {
  if (!pulse) return null;
  const kept = quarterPulse(d, handbook, quarter);
  if (!("agg" in kept)) return null;
  const v = pulseView(kept.agg, pulse.statements, { minimum: pulse.minimum });
  if ("needed" in v) return null;
  /** @type {Record<string, number>} */
  const lessons = Object.create(null);
  for (const l of v.lessons) if (l.pct !== null) lessons[l.id] = l.pct;
  return { answers: v.answers, lessons };
}

/** The 1:1 summary's lines for the team pulse (none when the handbook has no pulse or nothing
 * was added this quarter): under the threshold how many more are needed, else per lesson. */
export function pulseLines(/** @type {Data} */ d, /** @type {Manifest & {pulse?: ManifestPulse | null}} */ m, /** @type {string} */ quarter, /** @type {number} */ now, /** @type {(s: string) => string} */ plain) {
  const pulse = m.pulse;
  if (!pulse) return [];
  const kept = quarterPulse(d, m.storage_key, quarter);
  if (!("agg" in kept) || !kept.agg.answers) return [];
  const v = teamView({ data: d, manifest: m, pulse, handbook: m.storage_key, quarter, now });
  if ("bad" in v) return [];
  if ("needed" in v) return [t("md.pulseNeeded", { n: v.needed }), ""];
  const lines = [t("md.pulse", { n: v.answers }), ""];
  for (const l of v.lessons) if (l.teamPct !== null) lines.push(t("md.pulseLesson", { title: plain(l.title), team: l.teamPct, pct: l.yoursPct }));
  return [...lines, ""];
}
