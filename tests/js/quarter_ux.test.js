// Pure logic of the quarter's UX (issue 12): quarter end dates, one way of counting, what the
// 1:1 summary selects, and how chart labels are fitted.
import assert from "node:assert/strict";
import { test } from "node:test";
import { daysLeft, lastClosedUpTo, quarterEnd, quarterStart } from "../../src/mkdocs_sremgr/assets/src/periods.js";
import { overall, tally, count, finish } from "../../src/mkdocs_sremgr/assets/src/score.js";
import { progressText } from "../../src/mkdocs_sremgr/assets/src/dom.js";
import { fit, place, untouched, wrap, wrapTo } from "../../src/mkdocs_sremgr/assets/src/dashboard/charts.js";
import "./english.js";
import { markdownSummary, summaryParts } from "../../src/mkdocs_sremgr/assets/src/dashboard/markdown.js";

const ymd = (/** @type {Date} */ d) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];

test("a quarter ends on its last calendar day, with or without a fiscal year", () => {
  assert.deepEqual(ymd(quarterEnd("2026-Q3")), [2026, 9, 30]);
  assert.deepEqual(ymd(quarterEnd("2026-Q4")), [2026, 12, 31]);
  assert.deepEqual(ymd(quarterEnd("2028-Q1")), [2028, 3, 31]);
  assert.deepEqual(ymd(quarterStart("2026-Q1", 7)), [2026, 7, 1]); // fiscal year from July
  assert.deepEqual(ymd(quarterEnd("2026-Q4", 7)), [2027, 6, 30]);
  assert.deepEqual(ymd(quarterEnd("2026-Q1", 2)), [2026, 4, 30]);
});

test("closing on 15 August leaves 46 days of Q3; its last day leaves none", () => {
  assert.equal(daysLeft("2026-Q3", 1, new Date(2026, 7, 15, 14).getTime()), 46);
  assert.equal(daysLeft("2026-Q3", 1, new Date(2026, 8, 30, 23).getTime()), 0);
});

test("after closing the current quarter it is the last closed one", () => {
  const d = /** @type {any} */ ({ snapshots: { "2026-Q3": {}, "2026-Q4": {} } });
  assert.equal(lastClosedUpTo(d, "2026-Q4"), "2026-Q4");
  assert.equal(lastClosedUpTo(d, "2026-Q3"), "2026-Q3");
  assert.equal(lastClosedUpTo(d, "2026-Q2"), null);
});

function scored(/** @type {[number, string][]} */ items, started = true) {
  const t = tally();
  for (const [w, st] of items) count(t, w, st);
  t.started = started;
  return finish(t);
}

test("the count and the percent agree: points when weights exist, items otherwise", () => {
  assert.equal(progressText(scored([[2, "done"], [1, "done"], [1, "open"], [1, "open"]])), "3 of 5 points · 60%");
  assert.equal(progressText(scored([[1, "done"], [1, "open"], [1, "na"]])), "1 of 2 done · 50% · 1 set aside");
  // A weighted item set aside leaves the points: what is left is counted as items again.
  assert.equal(progressText(scored([[3, "na"], [1, "done"], [1, "open"]])), "1 of 2 done · 50% · 1 set aside");
});

test("Overall is the mean over started checklists, the all-checklists mean second", () => {
  const o = overall([scored([[1, "done"], [1, "open"]]), scored([[1, "open"]], false), scored([[1, "done"]]), scored([[1, "na"]])]);
  assert.deepEqual(o, { pct: 75, started: 2, all: 50, count: 3 });
  assert.deepEqual(overall([scored([[1, "open"]], false)]), { pct: 0, started: 0, all: 0, count: 1 });
});

const manifest = {
  storage_key: "k",
  checklists: ["a", "b", "c", "d"].map((id, n) => ({
    id, aliases: [], title: id.toUpperCase(), url: "", cadence: "quarterly", tags: [],
    items: [1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ id: `${id}${k}`, aliases: [], text: `${id} item ${k}`, section: "s", weight: k === 6 && n === 0 ? 3 : 1 })),
  })),
};
const at = "2026-11-10T10:00:00.000Z";
const data = /** @type {any} */ ({
  version: 1, meta: {},
  checklists: {
    a: { items: { a1: { state: "done", changed: at }, a2: { state: "done", changed: at }, a3: { state: "na", changed: at }, a4: { state: "open", note: "Ask Sam\nabout it", changed: at } } },
  },
  snapshots: { "2026-Q3": { closed: "2026-09-28T09:00:00.000Z", checklists: { a: { done: ["a1", "a5"], total: 7, score: 22 } } } },
});

test("the 1:1 summary picks changes, notes, set-aside items and the heaviest open items", () => {
  const x = summaryParts(data, manifest, "2026-Q4", Date.parse(at));
  assert.equal(x.prev, "2026-Q3");
  assert.deepEqual(x.started.map((r) => r.c.id), ["a"]);
  assert.deepEqual(x.started[0].gained.map((it) => it.id), ["a2"]);
  assert.deepEqual(x.started[0].lost.map((it) => it.id), ["a5"]);
  assert.deepEqual(x.notes.map((n) => [n.it.id, n.note]), [["a4", "Ask Sam about it"]]);
  assert.deepEqual(x.aside.map((n) => [n.it.id, n.st]), [["a3", "na"]]);
  assert.deepEqual(x.open.map((n) => n.it.id), ["a6", "a4", "a5", "a7", "a8"]); // a6 weighs 3
  assert.deepEqual(x.untouched.map((c) => c.id), ["b", "c", "d"]);
});

test("the short summary fits on a screen; the full one lists every item", () => {
  const short = markdownSummary(data, manifest, "2026-Q4", Date.parse(at));
  const lines = short.split("\n");
  assert.ok(lines.length <= 30, `${lines.length} lines`); // one screen, blank lines included
  assert.ok(short.includes("- Not started (3): B, C, D"));
  assert.ok(!short.includes("b item 1"));
  const full = markdownSummary(data, manifest, "2026-Q4", Date.parse(at), { full: true });
  assert.equal((full.match(/^- \[[ x]\]/gm) || []).length, 32);
});

test("chart labels: fitted, wrapped on two lines, placed apart and inside", () => {
  assert.equal(fit("Delegation and trust", 10), "Delegatio…");
  assert.deepEqual(wrap("Hiring and onboarding well", 14), ["Hiring and", "onboarding we…"]);
  assert.deepEqual(wrap("Short", 14), ["Short"]);
  const chars = (/** @type {string} */ s) => s.length * 10;
  assert.deepEqual(wrapTo("Guard your calendar", 120, chars), ["Guard your", "calendar"]);
  assert.deepEqual(wrapTo("四半期ごとの推移を見る", 50, chars), ["四半期ごと", "の推移を…"]);
  assert.deepEqual(wrapTo("Short", 120, chars), ["Short"]);
  // Three labels wanted near the top, ten at the bottom (the bug of issue 21: all stacked at
  // the top): each keeps its order, none overlaps, all inside.
  const wants = [40, 120, 130, ...Array(10).fill(228)];
  const heights = wants.map(() => 15);
  const tops = place(wants, heights, 3, 2, 420);
  const order = tops.map((top, i) => [top, i]).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < order.length; k++) assert.ok(order[k][0] >= order[k - 1][0] + 15 + 3 - 1e-9, `overlap at ${k}`);
  assert.ok(Math.min(...tops) >= 2 && Math.max(...tops) + 15 <= 420);
  const tight = place(wants, heights, 3, 2, 240); // no room to spare: still apart, still inside
  assert.ok(Math.min(...tight) >= 2 && Math.max(...tight) + 15 <= 240);
  assert.equal(tops[0], 40 - 7.5, "a label with room stays at its line");
});

test("the history sums up untouched checklists and keeps started ones apart", () => {
  assert.equal(untouched({ name: "A", id: "a", cls: "", points: [["2026-Q1", 0], ["2026-Q2", null]] }), true);
  assert.equal(untouched({ name: "A", id: "a", cls: "", started: true, points: [["2026-Q1", 0]] }), false);
  assert.equal(untouched({ name: "A", id: "a", cls: "", points: [["2026-Q1", 20], ["2026-Q2", 0]] }), false);
  assert.equal(untouched({ name: "All", cls: "", points: [["2026-Q1", 0]] }), false, "the overall line is always drawn");
});

test("the full list says where to check an item that names its evidence", async () => {
  const { prepare } = await import("../../src/mkdocs_sremgr/assets/src/dashboard/model.js");
  const man = prepare({
    storage_key: "k",
    checklists: [{ id: "a", title: "A", sections: [{ title: "s", items: [
      { id: "a1", text: "I took a shift.", evidence: "The paging tool's schedule." },
      { id: "a2", text: "I wrote a note." },
    ] }] }],
  });
  const full = markdownSummary(/** @type {any} */ ({ version: 1, meta: {}, checklists: {}, snapshots: {} }), man, "2026-Q4", Date.parse(at), { full: true });
  const lines = full.split("\n");
  const at1 = lines.indexOf("- [ ] I took a shift.");
  assert.equal(lines[at1 + 1], "    - Where to check: The paging tool's schedule.");
  assert.equal(lines[at1 + 2], "- [ ] I wrote a note.");
});
