// The dashboard's view model: every number and word the dashboard shows, worked out from the
// reader's record, the site's manifest, the time and the strings. Pure (no DOM, no storage, no
// clock of its own), so node's tests read it as they read summaryParts; main.js only draws it.
import { progressText } from "../dom.js";
import { cadenceLimit, closedPeriods, daysLeft, daysSince, lastClosedBefore, lastClosedUpTo, quarterEnd, snapshotOf } from "../periods.js";
import { isDone, itemRecord, stateOf } from "../records.js";
import { mean, overall as overallOf, score } from "../score.js";
import { cadenceDays } from "../rules.generated.js";
import { day, percent, t, time } from "../strings.js";
import { isDate } from "../util.js";
import { closedOverall, sinceText, weighted } from "./markdown.js";

/** @typedef {import("../types.js").Data} Data */
/** @typedef {import("../types.js").Snapshot} Snapshot */
/** @typedef {import("../types.js").SnapshotEntry} SnapshotEntry */
/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("./model.js").ManifestChecklist} ManifestChecklist */
/** @typedef {import("../score.js").Tally} Tally */
/** @typedef {import("./charts.js").Series} Series */
/** @typedef {import("./charts.js").Axis} Axis */
/** @typedef {import("../backups.js").Backup} Backup */
/** @typedef {import("../backups.js").Holds} Holds */
/** @typedef {{done: number, total: number, pct: number, w?: number, tw?: number}} Bar */

/**
 * What the view is made from.
 * @typedef {{data: Data, manifest: Manifest, now: number, fys: number, backups?: readonly Backup[]}} Input
 */
/**
 * One checklist's row: its bar (`text` beside it, the items set aside included), what it says of
 * the last change, and whether it is due.
 * @typedef {{id: string, title: string, label: string, bar: Bar, text: string, pct: number, aside: number,
 *   started: boolean, meta: string, due: string}} Row
 */
/**
 * The top of the page: the quarter, the overall score (or where to start), the export reminder.
 * @typedef {{started: boolean, anything: boolean, title: string,
 *   start: {first: {id: string, title: string, url: string} | null} | null, fresh: string,
 *   overall: {label: string, bar: Bar, text: string, aside: number} | null,
 *   quarter: {period: string, text: string}, exported: {age: string, due: boolean, text: string} | null,
 *   dueHelp: string}} Summary
 */
/** @typedef {{labels: string[], series: Series[], head: string[], rows: string[][]}} History */
/** @typedef {{title: string, help: string, axes: Axis[], key: {label: string, value: string}[],
 *   legend: [string, string][], head: string[], rows: string[][]}} Radar */
/** @typedef {{tag: string, label: string, bar: Bar, text: string, aside: number}} Tag */
/** @typedef {{show: boolean, backups: {name: string, text: string, holds: string}[], count: number, reset: boolean}} Safety */
/**
 * @typedef {{period: string, prev: string | null, closedNow: string | null, summary: Summary,
 *   rows: Row[], history: History, radar: Radar | null, tags: Tag[], safety: Safety}} View
 */

/** " · 2 set aside" after a score, or "" when nothing was set aside. */
export function asideText(/** @type {number | null | undefined} */ n) {
  return typeof n === "number" && n > 0 ? t("progress.aside", { n }) : "";
}

/** A table cell: the percentage and what was set aside beside it; "–" for no record. */
function cell(/** @type {number | null} */ pct, /** @type {number | null | undefined} */ aside) {
  return pct == null ? "–" : percent(pct) + asideText(aside);
}

/** A snapshot entry's set-aside count; null for a quarter closed before it was kept. */
function snapAside(/** @type {{aside?: unknown} | undefined} */ s) {
  const n = s && s.aside;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : null;
}

/** A snapshot entry's score, or null. */
function snapScore(/** @type {{score?: unknown} | undefined} */ s) {
  return s && typeof s.score === "number" ? s.score : null;
}

/** The sum of the known counts; null when none is known. */
function sum(/** @type {(number | null)[]} */ ns) {
  const known = /** @type {number[]} */ (ns.filter((n) => n != null));
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Every checklist's tally now, by id. */
export function tallies(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {number} */ now) {
  return new Map(m.checklists.map((c) => [c.id, score(d, c, c.items, now)]));
}

/** The record a quarter's close keeps: each checklist's ticked items, points in play, score and items set aside. */
export function snapshot(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {number} */ now, /** @type {string} */ at) {
  /** @type {Snapshot} */
  const snap = { closed: at, checklists: Object.create(null) };
  for (const c of m.checklists) {
    const s = score(d, c, c.items, now);
    const done = c.items.filter((it) => isDone(stateOf(itemRecord(d, c, it)))).map((it) => it.id);
    snap.checklists[c.id] = { done, total: s.total, score: s.pct, aside: s.aside };
  }
  return snap;
}

/** The dashboard's numbers and words (see the typedefs above). @returns {View} */
export function dashboardView(/** @type {Input} */ input, /** @type {string} */ period) {
  const { data: d, manifest: m, now } = input;
  const p = period;
  const sc = tallies(d, m, now);
  const tally = (/** @type {string} */ id) => /** @type {Tally} */ (sc.get(id));
  const prev = lastClosedBefore(d, p);
  const closedNow = lastClosedUpTo(d, p) === p ? p : null;
  const list = m.checklists.map((c) => tally(c.id));
  const all = overallOf(list);
  const aside = list.reduce((n, s) => n + s.aside, 0);
  return {
    period: p, prev, closedNow,
    summary: summary(input, p, prev, closedNow, all, aside),
    rows: m.checklists.map((c) => row(d, c, tally(c.id), prev, now, lastClosedUpTo(d, p))),
    history: history(d, m, tally, p, all.all, aside),
    radar: radar(d, m, tally, p, prev, closedNow),
    tags: tags(m, tally),
    safety: safety(input, all.started > 0),
  };
}

/** Anything stored at all (also for checklists this build does not have): what export and reset are for. */
function hasAnything(/** @type {Data} */ d, /** @type {boolean} */ started) {
  return started || Object.keys(d.checklists).length > 0 || closedPeriods(d).length > 0;
}

/** @returns {Summary} */
function summary(
  /** @type {Input} */ input, /** @type {string} */ p, /** @type {string | null} */ prev, /** @type {string | null} */ closedNow,
  /** @type {ReturnType<typeof overallOf>} */ all, /** @type {number} */ aside,
) {
  const { data: d, manifest: m, now, fys } = input;
  const started = all.started > 0;
  const anything = hasAnything(d, started);
  const closed = lastClosedUpTo(d, p);
  // A fresh start: nothing ticked, after a closed quarter that had ticks.
  const last = !started && closed && closedOverall(d, m, closed).n ? closed : null;
  const first = m.checklists[0];
  const end = day(quarterEnd(p, fys).toISOString());
  const closedDay = closedNow ? day(String(d.snapshots[closedNow].closed || "")) : "";
  const ago = daysSince(d.meta.exported, now);
  // Safari erases script-written storage after 7 days without a visit: the reminder counts for it.
  const due = anything && ago >= 7;
  // Each piece says one thing: "not exported yet", then why to export (the Safari reason) once.
  const exportText = !Number.isFinite(ago) ? t("dash.notExported")
    : ago === 0 ? t("dash.exportedToday") : ago === 1 ? t("dash.exportedYesterday") : t("dash.exportedDays", { n: ago });
  const overallText = (all.started === all.count ? t("dash.overallEvery", { n: all.count })
    : t(all.started === 1 ? "dash.overallOne" : "dash.overallMany", { n: all.started }) + t("dash.overallAll", { n: all.count, pct: all.all })) + asideText(aside);
  return {
    started, anything,
    // The headline says how many checklists that figure is over ("1 of 13 checklists started ·
    // 44% of it done"); with nothing ticked after a close, it speaks of that close, not of a first visit.
    title: started ? t(all.started === all.count ? "dash.headlineAll" : "dash.headline", { n: all.started, count: all.count, pct: all.pct })
      : last ? t("dash.freshTitle", { period: last }) : t("dash.startTitle"),
    start: started || last ? null : { first: first ? { id: first.id, title: first.title, url: first.url } : null },
    fresh: last ? freshText(d, m, last) : "",
    overall: started ? { label: t("dash.overallLabel"), bar: { done: 0, total: 0, pct: all.pct }, text: overallText, aside } : null,
    quarter: {
      period: p,
      text: closedNow ? t("dash.quarterClosed", { period: p, day: closedDay, end })
        : t("dash.quarterEnds", { period: p, end, n: daysLeft(p, fys, now) }) + (prev ? t("dash.lastClosed", { period: prev }) : ""),
    },
    exported: anything ? {
      age: Number.isFinite(ago) ? String(ago) : "never", due,
      text: capital(exportText.replace(/^ · /, "")) + (due ? t("dash.exportDue") : ""),
    } : null,
    dueHelp: started ? t("dash.dueHelp", cadenceDays) : "",
  };
}

/** @returns {Row} */
function row(
  /** @type {Data} */ d, /** @type {ManifestChecklist} */ c, /** @type {Tally} */ s, /** @type {string | null} */ prev, /** @type {number} */ now,
  /** @type {string | null} */ last,
) {
  const ago = daysSince(s.last, now);
  const isDue = s.started && ago > cadenceLimit(c.cadence);
  const since = prev ? sinceText(d, s.done, prev, c.id) : "";
  // Nothing ticked now, but ticks in the last closed quarter (a fresh start): that, not "not started".
  const then = last ? snapshotOf(d, last, c.id) : undefined;
  const before = !s.started && then && Array.isArray(then.done) && then.done.length ? t("dash.rowFresh", { period: last || "", pct: snapScore(then) || 0 }) : "";
  return {
    id: c.id, title: c.title, label: t("progress.label", { title: c.title }), bar: s, pct: s.pct, aside: s.aside, started: s.started || !!before,
    text: progressText(s, weighted(c)), // it says how many were set aside
    meta: before || (s.started ? t("dash.lastChange", { day: s.last ? day(s.last) : t("dash.never") }) + (since ? " · " + since : "") : ""),
    due: isDue ? t("dash.dueFor", { n: ago, cadence: t("cadence." + c.cadence) }) : "",
  };
}

/** @returns {History} */
function history(
  /** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {(id: string) => Tally} */ tally, /** @type {string} */ p,
  /** @type {number} */ overallNow, /** @type {number} */ asideNow,
) {
  const periods = closedPeriods(d).filter((x) => x !== p);
  const labels = [...periods, p];
  const entries = (/** @type {string} */ x) => m.checklists.map((c) => snapshotOf(d, x, c.id));
  /** @type {Series[]} */
  const series = [{
    name: t("dash.overallSeries"), cls: "sremgr-line-overall",
    points: [...periods.map((x) => /** @type {[string, number]} */ ([x, mean(entries(x).map((s) => (s && s.total > 0 ? s.score : null)))])), [p, overallNow]],
  }];
  /** @type {(number | null)[][]} */
  const asides = [[...periods.map((x) => sum(entries(x).map(snapAside))), asideNow]];
  for (const c of m.checklists) {
    const snaps = periods.map((x) => snapshotOf(d, x, c.id));
    series.push({
      name: c.title, id: c.id, cls: "sremgr-line", started: tally(c.id).started,
      points: [...periods.map((x, i) => /** @type {[string, number | null]} */ ([x, snapScore(snaps[i])])), [p, tally(c.id).pct]],
    });
    asides.push([...snaps.map(snapAside), tally(c.id).aside]);
  }
  return {
    labels, series,
    head: [t("dash.checklist"), ...labels.map((l) => (l === p ? t("dash.now", { period: l }) : l))],
    rows: series.map((s, i) => [s.name, ...s.points.map((pt, j) => cell(pt[1], asides[i][j]))]),
  };
}

/** @returns {Radar | null} */
function radar(
  /** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {(id: string) => Tally} */ tally, /** @type {string} */ p,
  /** @type {string | null} */ prev, /** @type {string | null} */ closedNow,
) {
  if (m.checklists.length < 3) return null;
  const before = m.checklists.map((c) => (prev ? snapshotOf(d, prev, c.id) : undefined));
  /** @type {Axis[]} */
  const axes = m.checklists.map((c, i) => ({ label: c.title, now: tally(c.id).pct, before: snapScore(before[i]) }));
  return {
    title: closedNow ? (prev ? t("dash.radarClosedPrev", { period: p, prev }) : t("dash.radarClosed", { period: p }))
      : prev ? t("dash.radarPrev", { period: prev }) : t("dash.radar"),
    help: prev ? t("dash.radarHelpPrev", { period: p, prev }) : t("dash.radarHelp"),
    axes,
    key: axes.map((a) => ({ label: a.label, value: percent(a.now) + (prev ? " · " + (a.before == null ? "–" : percent(a.before)) : "") })),
    legend: [["sremgr-key-now", t("dash.keyNow", { period: p })], ...(prev ? /** @type {[string, string][]} */ ([["sremgr-key-before", t("dash.keyBefore", { period: prev })]]) : [])],
    head: [t("dash.lesson"), p, ...(prev ? [prev] : [])],
    rows: axes.map((a, i) => [a.label, cell(a.now, tally(m.checklists[i].id).aside), ...(prev ? [cell(a.before, snapAside(before[i]))] : [])]),
  };
}

/** Tags shared by several checklists (a tag of one would repeat that checklist's row), by name. @returns {Tag[]} */
function tags(/** @type {Manifest} */ m, /** @type {(id: string) => Tally} */ tally) {
  /** @type {Map<string, Tally[]>} */
  const by = new Map(); // a Map: tags such as `constructor` or `__proto__` are plain keys
  for (const c of m.checklists) for (const tag of c.tags) by.set(tag, [...(by.get(tag) || []), tally(c.id)]);
  return [...by.keys()].filter((tag) => (by.get(tag) || []).length > 1).sort().map((tag) => {
    const all = /** @type {Tally[]} */ (by.get(tag));
    const pct = mean(all.filter((s) => s.total > 0).map((s) => s.pct));
    const aside = all.reduce((n, s) => n + s.aside, 0);
    return {
      tag, label: t("dash.tagLabel", { tag }), aside,
      bar: { done: all.reduce((n, s) => n + s.done, 0), total: all.reduce((n, s) => n + s.total, 0), pct },
      text: t("dash.tagText", { n: all.length, pct }) + asideText(aside),
    };
  });
}

/** "2 checklists, 3 closed quarters, 1 note": what a record (a backup, an import) holds. */
export function holdsText(/** @type {Holds} */ x) {
  return [t("dash.checklists", { n: x.checklists }), t("dash.quarters", { n: x.quarters }), t("dash.notes", { n: x.notes })].join(", ");
}

/** A fresh start's paragraph: what the last closed quarter scored, over the checklists with ticks then. */
function freshText(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {string} */ last) {
  const then = closedOverall(d, m, last);
  return t("dash.freshIntro", { period: last, n: then.n, pct: then.pct });
}

/** What made a backup, in words (backups.js reads it from the backup's name). */
function causeText(/** @type {Manifest} */ m, /** @type {string} */ cause) {
  if (cause.startsWith("checklist/")) {
    const c = m.checklists.find((x) => x.id === cause.slice(10));
    return t("dash.cause.checklist", { title: c ? c.title : cause.slice(10) });
  }
  return ["reset", "replace", "fresh", "restore"].includes(cause) ? t("dash.cause." + cause) : t("dash.cause.unknown");
}

/** @returns {Safety} */
function safety(/** @type {Input} */ input, /** @type {boolean} */ started) {
  const saved = input.backups || [];
  const anything = hasAnything(input.data, started);
  return {
    show: anything || saved.length > 0, count: saved.length, reset: anything,
    backups: saved.map((b) => {
      const when = isDate(b.when) ? t("dash.backupWhen", { day: day(b.when), time: time(b.when) }) : b.when;
      // A backup this version cannot read is what the store moved aside: data it could not read.
      const what = !b.holds && !b.cause ? t("dash.cause.damaged") : causeText(input.manifest, b.cause);
      return { name: b.name, text: what + " · " + when, holds: b.holds ? holdsText(b.holds) : t("dash.backupUnreadableShort") };
    }),
  };
}

/** The text with its first letter in capitals (the catalog's piece was written to follow a " · "). */
function capital(/** @type {string} */ text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
