// "The quarter on a page": what the dashboard prints, for a manager to take to a one-on-one.
// Score per lesson now and at the last closed quarter with the change, the reader's notes,
// what was set aside and why, the open items that weigh most, and once the team pulse has
// answers this quarter, the team's view per lesson in a column of the same table. Hidden on
// screen; the print stylesheet shows only this.
// `quarterSheet` is pure (node's tests read it); `drawSheet` puts it on the page.
import { clear, h, progressText } from "../dom.js";
import { snapshotOf } from "../periods.js";
import { stateRow } from "../records.js";
import { mean } from "../score.js";
import { day, num, percent, t } from "../strings.js";
import { summaryParts } from "./markdown.js";

/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("../records.js").Data} Data */
/**
 * One lesson's line: its score now (with what was set aside), at the last closed quarter, and the change in points of percent.
 * @typedef {{id: string, title: string, now: string, before: string, change: string, team?: string}} SheetRow
 * @typedef {{title: string, sub: string, head: string[], rows: SheetRow[], untouched: string, team: string,
 *   notes: {where: string, text: string}[], aside: {where: string, why: string}[], open: {where: string}[], openTitle: string}} Sheet
 */
/**
 * The team pulse's part (from team.js): a line (how many answers, or how many more are needed)
 * and, from the threshold on, the column's heading and its cell per lesson id.
 * @typedef {{line: string, head?: string, cells?: Record<string, string>}} SheetTeam
 */

/** "+13", "−5", "±0"; "" when either side has no score. */
export function change(/** @type {number | null} */ now, /** @type {number | null} */ before) {
  if (now == null || before == null) return "";
  const d = now - before;
  return d > 0 ? "+" + num(d) : d < 0 ? "−" + num(-d) : "±0";
}

/** A trend arrow before a change, read at a glance on paper (a screen reader reads the number). */
function trend(/** @type {string} */ change) {
  const arrow = change.startsWith("+") ? "▲ " : change.startsWith("−") ? "▼ " : "";
  return arrow ? h("span", { class: "sremgr-trend", "aria-hidden": "true", text: arrow }) : null;
}

/** @returns {Sheet} */
export function quarterSheet(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {string} */ p, /** @type {number} */ now, /** @type {SheetTeam | null} */ team = null) {
  const cells = team && team.cells;
  const x = summaryParts(d, m, p, now);
  const prev = x.prev;
  const score = (/** @type {string} */ id) => {
    const s = prev ? snapshotOf(d, prev, id) : undefined;
    return s && typeof s.score === "number" && s.total > 0 ? s.score : null;
  };
  /** @type {SheetRow[]} */
  const rows = [];
  /** @type {string[]} */
  const quiet = [];
  m.checklists.forEach((c, i) => {
    const s = x.tallies[i];
    const before = score(c.id);
    // Never started, and nothing scored at the last close either: named in one line, not a row
    // of zeros (unless the team rated it: the gap is the point).
    if (!s.started && !before && !(cells && cells[c.id])) return void quiet.push(c.title);
    const pct = s.total > 0 ? s.pct : null;
    rows.push({ id: c.id, title: c.title, now: progressText(s), before: before == null ? "–" : percent(before), change: change(pct, before), ...(cells && { team: cells[c.id] || "–" }) });
  });
  // All checklists, each counted once (the history's thick line): now and at the last close.
  const allBefore = prev ? mean(m.checklists.map((c) => score(c.id))) : null;
  rows.unshift({ id: "", title: t("dash.overallSeries"), now: percent(x.overall.all), before: allBefore == null ? "–" : percent(allBefore), change: change(x.overall.all, allBefore), ...(cells && { team: "" }) });
  const where = (/** @type {{title: string}} */ c, /** @type {{text: string}} */ it) => `${c.title} — ${it.text}`;
  return {
    title: t("dash.sheetTitle", { period: p }),
    sub: t("dash.sheetSub", { day: day(new Date(now).toISOString()) }),
    head: [t("dash.lesson"), t("dash.now", { period: p }), prev || t("dash.sheetNoPrev"), t("dash.sheetChange"), ...(team && team.head ? [team.head] : [])],
    team: team ? team.line : "",
    rows,
    untouched: quiet.length ? t("dash.sheetUntouched", { n: quiet.length, names: quiet.join(", ") }) : "",
    notes: x.notes.map((n) => ({ where: where(n.c, n.it), text: n.note })),
    // The reason as the 1:1 summary gives it, without its Markdown emphasis.
    aside: x.aside.map((n) => ({ where: where(n.c, n.it), why: t(stateRow(n.st).note).replace(/\*/g, "").trim() })),
    open: x.open.map((n) => ({ where: where(n.c, n.it) })),
    openTitle: t("dash.sheetOpen", { n: x.open.length, total: x.openCount }),
  };
}

/** Draws the sheet into `el` (the dashboard's `.sremgr-sheet`), anew on every paint. */
export function drawSheet(/** @type {Element} */ el, /** @type {Sheet} */ s) {
  let body = el.querySelector(".sremgr-sheet-body");
  if (!body) {
    body = h("div", { class: "sremgr-sheet-body" });
    el.appendChild(body);
  }
  const out = body;
  clear(out);
  out.appendChild(h("h2", { id: "sremgr-sheet-title", text: s.title }));
  out.appendChild(h("p", { class: "sremgr-quiet", text: s.sub }));
  if (s.team) out.appendChild(h("p", { class: "sremgr-sheet-team", text: s.team }));
  out.appendChild(h("table", { class: "sremgr-sheet-scores" }, [
    h("thead", {}, [h("tr", {}, s.head.map((c) => h("th", { scope: "col", text: c })))]),
    h("tbody", {}, s.rows.map((r) => h("tr", r.id ? {} : { class: "sremgr-sheet-all" }, [
      h("th", { scope: "row", text: r.title }), h("td", { text: r.now }), h("td", { text: r.before }), h("td", {}, [trend(r.change), r.change]),
      ...(r.team === undefined ? [] : [h("td", { "data-sremgr-team-cell": r.id, text: r.team })]),
    ]))),
  ]));
  if (s.untouched) out.appendChild(h("p", { class: "sremgr-sheet-untouched", text: s.untouched }));
  /** A titled list; left out when it has nothing in it. */
  const list = (/** @type {string} */ cls, /** @type {string} */ title, /** @type {(string | Node)[][]} */ items) => {
    if (items.length) out.appendChild(h("section", { class: cls }, [h("h3", { text: title }), h("ul", {}, items.map((kids) => h("li", {}, kids)))]));
  };
  list("sremgr-sheet-notes", t("dash.sheetNotes"), s.notes.map((n) => [h("b", { text: n.where }), h("br"), n.text]));
  list("sremgr-sheet-aside", t("dash.sheetAside"), s.aside.map((n) => [n.where + " ", h("i", { text: n.why })]));
  list("sremgr-sheet-open", s.openTitle, s.open.map((n) => [n.where]));
}
