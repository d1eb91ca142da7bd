// The Markdown summary a reader pastes into their 1:1 ("one-on-one") notes. By default it is
// short enough to read on one screen: what changed since the last closed quarter, the reader's
// notes and set-aside items, the open items that weigh most, one line per checklist and one
// line for every untouched checklist. The full list of items is there on request (`full`).
// Everything the reader or the author wrote goes in as text, never as markup: the summary is
// pasted into a shared document (notes keep only their http(s) links; see `mdNote`).
import { progressText } from "../dom.js";
import { lastClosedBefore, snapshotOf } from "../periods.js";
import { isDone, itemRecord, stateOf, stateRow } from "../records.js";
import { mean, overall, score } from "../score.js";
import { num, t } from "../strings.js";
import { pulseLines } from "./teamview.js";

/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("./model.js").ManifestChecklist} ManifestChecklist */
/** @typedef {import("./model.js").ManifestItem} ManifestItem */
/** @typedef {import("../records.js").Data} Data */
/** @typedef {import("../score.js").Tally} Tally */

/** How many open items the short summary lists. */
export const TOP_OPEN = 5;

/** Text (a title, an item's text) that Markdown shows as written, on one line: HTML's special
 * characters as entities, `\` and `|` escaped (as `report` writes them, report.py `md_plain`). */
export function mdPlain(/** @type {string} */ text) {
  return html(text).replace(/[\\|]/g, "\\$&").split(/\s+/).filter(Boolean).join(" ");
}

function html(/** @type {string} */ text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link a note may keep: http(s), with a text of no brackets (so no image can hide in it). */
const LINK = /\[([^[\]]*)\]\((https?:\/\/[^\s()<>\\]+)\)/gi;

/**
 * A reader's note as Markdown that shows what they typed and loads nothing: raw HTML as text
 * (`<`, `>`, `&` as entities), and every `[`, `]`, `!` and `\` escaped, so no image, link or
 * autolink can form, except the note's own `[text](http…)` links, which stay links.
 */
export function mdNote(/** @type {string} */ note) {
  const text = (/** @type {string} */ s) => html(s).replace(/[\\[\]!]/g, "\\$&");
  let out = "", last = 0;
  for (const m of note.matchAll(LINK)) {
    out += text(note.slice(last, m.index)) + `[${text(m[1])}](${m[2]})`;
    last = /** @type {number} */ (m.index) + m[0].length;
  }
  return (out + text(note.slice(last))).replace(/\s*\n\s*/g, " ");
}

/** Whether a checklist counts in points (some item is worth more or less than one). */
export function weighted(/** @type {ManifestChecklist} */ c) {
  return c.items.some((it) => it.weight !== 1);
}

/** A closed quarter's figure as the headline gives it: the mean over the checklists with ticks
 * then (a snapshot does not keep what else was started), and how many those were. */
export function closedOverall(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {string} */ period) {
  const ticked = m.checklists.map((c) => snapshotOf(d, period, c.id)).filter((s) => s && Array.isArray(s.done) && s.done.length);
  return { pct: mean(ticked.map((s) => (s && typeof s.score === "number" ? s.score : null))), n: ticked.length };
}

/** "+1 since 2026-Q3", "−2 since …", "no change since …", or "" when the quarter has no record. */
export function sinceText(/** @type {Data} */ d, /** @type {number} */ done, /** @type {string} */ period, /** @type {string} */ cid) {
  const snap = snapshotOf(d, period, cid);
  if (!snap || !Array.isArray(snap.done)) return "";
  const n = done - snap.done.length;
  return n > 0 ? t("since.up", { n, period }) : n < 0 ? t("since.down", { n: -n, period }) : t("since.same", { period });
}

/**
 * What the short summary says, chosen without formatting (pure: unit-tested).
 * @param {Data} d @param {Manifest} m @param {string} p the current quarter @param {number} now
 */
export function summaryParts(d, m, p, now) {
  const prev = lastClosedBefore(d, p);
  const tallies = m.checklists.map((c) => score(d, c, c.items, now));
  /** @type {{c: ManifestChecklist, s: Tally, since: string, gained: ManifestItem[], lost: ManifestItem[]}[]} */
  const started = [];
  /** @type {ManifestChecklist[]} */
  const untouched = [];
  /** @type {{c: ManifestChecklist, it: ManifestItem, note: string}[]} */
  const notes = [];
  /** Items in a state the summary lists (rules.py `in_summary`: the set-aside ones). */
  /** @type {{c: ManifestChecklist, it: ManifestItem, st: string}[]} */
  const aside = [];
  /** @type {{c: ManifestChecklist, it: ManifestItem, order: number}[]} */
  const open = [];
  m.checklists.forEach((c, i) => {
    const s = tallies[i];
    const snap = prev ? snapshotOf(d, prev, c.id) : undefined;
    const before = new Set(snap && Array.isArray(snap.done) ? snap.done : []);
    /** @type {ManifestItem[]} */
    const gained = [], lost = [];
    for (const it of c.items) {
      const r = itemRecord(d, c, it);
      const st = stateOf(r);
      const was = before.has(it.id) || it.aliases.some((a) => before.has(a));
      if (snap && isDone(st) && !was) gained.push(it);
      if (snap && !isDone(st) && was) lost.push(it);
      if (r && typeof r.note === "string" && r.note.trim()) notes.push({ c, it, note: r.note.trim().replace(/\s*\n\s*/g, " ") });
      const row = stateRow(st);
      if (row.summary) aside.push({ c, it, st });
      if (!row.done && row.scored && s.started) open.push({ c, it, order: open.length });
    }
    if (s.started || notes.some((n) => n.c === c)) started.push({ c, s, since: prev ? sinceText(d, s.done, prev, c.id) : "", gained, lost });
    else untouched.push(c);
  });
  // The open items that weigh most: heaviest first, the handbook's order among equals.
  open.sort((a, b) => b.it.weight - a.it.weight || a.order - b.order);
  return { prev, overall: overall(tallies), started, untouched, notes, aside, open: open.slice(0, TOP_OPEN), openCount: open.length, tallies };
}

/** One item as a line: its text, the checklist it is in, its weight when it has one. */
function itemLine(/** @type {ManifestChecklist} */ c, /** @type {ManifestItem} */ it) {
  return `${mdPlain(it.text)}${it.weight !== 1 ? ` (×${num(it.weight)})` : ""} — *${mdPlain(c.title)}*`;
}

/** The mark after an item in a state the summary names ("" for none). */
const mark = (/** @type {string} */ st) => (stateRow(st).note ? t(stateRow(st).note) : "");

/**
 * The summary as Markdown: short by default, every item of every checklist with `full`.
 * @param {Data} d @param {Manifest} m @param {string} p @param {number} now @param {{full?: boolean}} [opts]
 */
export function markdownSummary(d, m, p, now, opts = {}) {
  const x = summaryParts(d, m, p, now);
  const lines = [t("md.title", { period: p }), ""];
  const o = x.overall;
  const asideAll = x.tallies.reduce((n, s) => n + s.aside, 0);
  lines.push(t("md.overall", { pct: o.pct }) + t(o.started === 1 ? "md.overallOfOne" : "md.overallOf", { n: o.started, count: o.count, all: o.all }) + (x.prev ? t("md.overallPrev", { period: x.prev, pct: closedOverall(d, m, x.prev).pct }) : "") + (asideAll ? t("md.overallAside", { n: asideAll }) : ""), "");
  if (opts.full) return full(lines, d, m, x.prev, x.tallies);
  if (x.prev) {
    lines.push(t("md.changes", { period: x.prev }), "");
    const moved = x.started.filter((r) => r.gained.length || r.lost.length);
    // Nothing ticked now, ticks then: a fresh start, said once, not as every item "no longer done".
    const then = closedOverall(d, m, x.prev);
    const fresh = x.tallies.every((s) => !s.done) && then.n > 0;
    if (fresh) lines.push(t("md.fresh", { period: x.prev, pct: then.pct }));
    else if (!moved.length) lines.push(t("md.noChanges"));
    for (const r of fresh ? [] : moved) {
      for (const it of r.gained) lines.push(`- ${t("md.gained")} ${itemLine(r.c, it)}`);
      for (const it of r.lost) lines.push(`- ${t("md.lost")} ${itemLine(r.c, it)}`);
    }
    lines.push("");
  }
  if (x.notes.length) {
    lines.push(t("md.notes"), "");
    for (const n of x.notes) lines.push(`- ${itemLine(n.c, n.it)}: ${mdNote(n.note)}`);
    lines.push("");
  }
  if (x.aside.length) {
    lines.push(t("md.setAside"), "");
    for (const n of x.aside) lines.push(`- ${itemLine(n.c, n.it)}${mark(n.st)}`);
    lines.push("");
  }
  if (x.open.length) {
    lines.push(t("md.openTop", { n: x.open.length, total: x.openCount }), "");
    for (const n of x.open) lines.push(`- [ ] ${itemLine(n.c, n.it)}`);
    lines.push("");
  }
  lines.push(...pulseLines(d, m, p, now, mdPlain));
  lines.push(t("md.checklists"), "");
  for (const r of x.started) lines.push(`- ${mdPlain(r.c.title)}: ${progressText(r.s, weighted(r.c))}${r.since ? ` (${r.since})` : ""}`);
  if (x.untouched.length) lines.push(t("md.untouched", { n: x.untouched.length, names: x.untouched.map((c) => mdPlain(c.title)).join(", ") }));
  lines.push("");
  return lines.join("\n");
}

/** Every checklist with every item, as the full summary has it. */
function full(/** @type {string[]} */ lines, /** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {string | null} */ prev, /** @type {Tally[]} */ tallies) {
  m.checklists.forEach((c, i) => {
    const s = tallies[i];
    const since = prev ? sinceText(d, s.done, prev, c.id) : "";
    lines.push("## " + mdPlain(c.title), "", progressText(s, weighted(c)) + (since ? ` (${since})` : ""), "");
    for (const it of c.items) {
      const r = itemRecord(d, c, it);
      const st = stateOf(r);
      lines.push(`- [${isDone(st) ? "x" : " "}] ${mdPlain(it.text)}` + mark(st));
      if (it.evidence) lines.push(t("md.evidence", { evidence: mdPlain(it.evidence) }));
      if (r && typeof r.note === "string" && r.note.trim()) lines.push(t("md.note", { note: mdNote(r.note.trim()) }));
    }
    lines.push("");
  });
  return lines.join("\n");
}
