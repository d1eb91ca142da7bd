// The dashboard's view model (dashboard/view.js): every number and word the dashboard draws,
// from a record, a manifest and a time, with no DOM. Each score says how many items were set aside.
import assert from "node:assert/strict";
import { test } from "node:test";
import "./english.js";
import { prepare } from "../../src/mkdocs_sremgr/assets/src/dashboard/model.js";
import { asideText, dashboardView, snapshot } from "../../src/mkdocs_sremgr/assets/src/dashboard/view.js";

const items = (/** @type {string[]} */ ids, weights = /** @type {Record<string, number>} */ ({})) => ids.map((id) => ({ id, text: `Item ${id}.`, weight: weights[id] }));
const manifest = prepare({
  storage_key: "sremgr:v1:test",
  checklists: [
    { id: "alpha", title: "Alpha checks", url: "handbook/alpha/", cadence: "weekly", tags: ["ops", "people"], sections: [{ title: "S", items: items(["one", "two", "three", "four"], { one: 2 }) }] },
    { id: "beta", title: "Beta checks", url: "handbook/beta/", cadence: "quarterly", tags: ["ops", "solo"], sections: [{ title: "S", items: items(["b1", "b2"]) }] },
    { id: "gamma", title: "Gamma checks", url: "handbook/gamma/", cadence: "yearly", tags: ["people"], sections: [{ title: "S", items: items(["g1"]) }] },
  ],
});
const NOW = Date.parse("2026-11-25T10:00:00.000Z");
const Q3 = { closed: "2026-09-28T09:00:00.000Z", checklists: { alpha: { done: ["one"], total: 4, score: 40, aside: 0 }, beta: { done: [], total: 2, score: 0 }, gamma: { done: [], total: 0, score: 0 } } };

/** Alpha: one (×2) and three done, two set aside; beta: b1 set aside in August; gamma untouched. */
function record(snapshots = /** @type {Record<string, unknown>} */ ({ "2026-Q3": Q3 })) {
  return /** @type {any} */ ({
    version: 1, meta: { exported: "2026-11-24T08:00:00.000Z" }, snapshots,
    checklists: {
      alpha: { items: { one: { state: "done", changed: "2026-11-20T09:00:00.000Z" }, two: { state: "na", changed: "2026-11-20T09:00:00.000Z" }, three: { state: "done", changed: "2026-11-20T09:00:00.000Z" } } },
      beta: { items: { b1: { state: "na", changed: "2026-08-01T09:00:00.000Z" } } },
    },
  });
}
const view = (d = record(), extra = {}) => dashboardView({ data: d, manifest, now: NOW, fys: 1, ...extra }, "2026-Q4");

test("each checklist's row: its points, its percentage and the items set aside beside it", () => {
  const rows = new Map(view().rows.map((r) => [r.id, r]));
  const alpha = /** @type {any} */ (rows.get("alpha"));
  assert.equal(alpha.pct, 75); // 3 of the 4 points in play: the item set aside leaves the count
  assert.equal(alpha.aside, 1);
  assert.equal(alpha.text, "3 of 4 points · 75% · 1 set aside");
  assert.equal(alpha.label, "Alpha checks: progress");
  assert.match(alpha.meta, /^Last change: .* · \+1 since 2026-Q3$/);
  const beta = /** @type {any} */ (rows.get("beta"));
  assert.deepEqual([beta.pct, beta.aside, beta.text], [0, 1, "0 of 1 done · 0% · 1 set aside"]);
  const gamma = /** @type {any} */ (rows.get("gamma"));
  assert.deepEqual([gamma.started, gamma.text, gamma.meta, gamma.due], [false, "0 of 1 done · 0%", "", ""]);
});

test("a checklist is due once its cadence has passed since the last change, not before", () => {
  const rows = new Map(view().rows.map((r) => [r.id, r]));
  assert.equal(/** @type {any} */ (rows.get("alpha")).due, ""); // weekly, 5 days ago
  assert.equal(/** @type {any} */ (rows.get("beta")).due, "due: last looked at 116 days ago (quarterly)");
  const at = (/** @type {number} */ days) => dashboardView({ data: record(), manifest, now: NOW + days * 864e5, fys: 1 }, "2026-Q4").rows[0].due;
  assert.equal(at(2), ""); // 7 days: a weekly checklist is still fresh on its seventh day
  assert.equal(at(3), "due: last looked at 8 days ago (weekly)");
});

test("overall: the mean over the started checklists, all of them second, and every item set aside", () => {
  const s = view().summary;
  assert.equal(s.started, true);
  assert.equal(s.title, "2 of 3 checklists started · 38% of them done"); // mean of 75 and 0
  assert.equal(/** @type {any} */ (s.overall).aside, 2);
  assert.equal(/** @type {any} */ (s.overall).text, "Mean of the 2 checklists you have started · all 3 checklists: 25% · 2 set aside");
  assert.equal(s.quarter.period, "2026-Q4");
  assert.match(s.quarter.text, /^This quarter: 2026-Q4, ends on .* \(\d+ days left\) · last closed: 2026-Q3$/);
  assert.deepEqual([s.exported && s.exported.age, s.exported && s.exported.due], ["1", false]);
  assert.equal(s.start, null);
});

test("before anything is ticked: where to start, no score, no reset", () => {
  const v = view({ version: 1, meta: {}, snapshots: {}, checklists: {} });
  assert.equal(v.summary.started, false);
  assert.equal(v.summary.title, "Where to start");
  assert.deepEqual(v.summary.start, { first: { id: "alpha", title: "Alpha checks", url: "handbook/alpha/" } });
  assert.equal(v.summary.overall, null);
  assert.equal(v.summary.exported, null);
  assert.deepEqual(v.safety, { show: false, backups: [], count: 0, reset: false });
});

test("history: closed quarters from their snapshots, this quarter live, set-aside counts in the table", () => {
  const h = view().history;
  assert.deepEqual(h.labels, ["2026-Q3", "2026-Q4"]);
  assert.deepEqual(h.series.map((s) => s.points), [
    [["2026-Q3", 20], ["2026-Q4", 25]], // the overall line: mean over checklists with something in play (not gamma's 0 of 0)
    [["2026-Q3", 40], ["2026-Q4", 75]],
    [["2026-Q3", 0], ["2026-Q4", 0]],
    [["2026-Q3", 0], ["2026-Q4", 0]],
  ]);
  assert.deepEqual(h.head, ["Checklist", "2026-Q3", "2026-Q4 (now)"]);
  assert.deepEqual(h.rows, [
    ["All checklists", "20%", "25% · 2 set aside"],
    ["Alpha checks", "40%", "75% · 1 set aside"],
    ["Beta checks", "0%", "0% · 1 set aside"], // closed before the count was kept: nothing claimed
    ["Gamma checks", "0%", "0%"],
  ]);
});

test("the radar compares this quarter with the last closed one, set-aside counts beside each score", () => {
  const r = /** @type {any} */ (view().radar);
  assert.equal(r.title, "This quarter and 2026-Q3");
  assert.deepEqual(r.axes.map((/** @type {any} */ a) => [a.label, a.now, a.before]), [["Alpha checks", 75, 40], ["Beta checks", 0, 0], ["Gamma checks", 0, 0]]);
  assert.deepEqual(r.rows[0], ["Alpha checks", "75% · 1 set aside", "40%"]);
  assert.deepEqual(r.key[0], { label: "Alpha checks", value: "75% · 40%" });
  const two = dashboardView({ data: record(), manifest: { ...manifest, checklists: manifest.checklists.slice(0, 2) }, now: NOW, fys: 1 }, "2026-Q4");
  assert.equal(two.radar, null); // fewer than three axes make no shape
});

test("by tag: only tags several checklists share (beta's own `solo` is its row already), the mean of their percentages, what they set aside", () => {
  assert.deepEqual(view().tags.map((x) => [x.tag, x.bar.pct, x.aside, x.text]), [
    ["ops", 38, 2, "2 checklists · 38% · 2 set aside"],
    ["people", 38, 1, "2 checklists · 38% · 1 set aside"],
  ]);
});

test("closing a quarter keeps each checklist's ticks, points in play, score and items set aside", () => {
  const snap = snapshot(record(), manifest, NOW, "2026-11-25T10:00:00.000Z");
  assert.equal(snap.closed, "2026-11-25T10:00:00.000Z");
  assert.deepEqual({ ...snap.checklists }, {
    alpha: { done: ["one", "three"], total: 3, score: 75, aside: 1 },
    beta: { done: [], total: 1, score: 0, aside: 1 },
    gamma: { done: [], total: 1, score: 0, aside: 0 },
  });
  // The closed quarter then shows what it set aside in the history.
  const v = dashboardView({ data: record({ "2026-Q4": snap }), manifest, now: NOW, fys: 1 }, "2026-Q4");
  assert.equal(v.closedNow, "2026-Q4");
  assert.match(v.summary.quarter.text, /^2026-Q4 was closed on /);
});

test("a quarter closed earlier shows its own set-aside counts in the history", () => {
  const q3 = snapshot(record(), manifest, NOW, "2026-09-28T09:00:00.000Z");
  const h = view(record({ "2026-Q3": q3 })).history;
  assert.deepEqual(h.rows.map((r) => r[1]), ["25% · 2 set aside", "75% · 1 set aside", "0% · 1 set aside", "0%"]);
});

test("backups in words: what made each, when, what it holds; reset offered once there is anything", () => {
  const holds = { checklists: 2, quarters: 3, notes: 1 };
  const v = view(record(), { backups: [
    { name: "a", when: "2026-11-20T09:30:00.000Z", cause: "fresh", holds },
    { name: "b", when: "2026-11-19T09:30:00.000Z", cause: "checklist/alpha", holds: { checklists: 1, quarters: 1, notes: 0 } },
    { name: "c", when: "2026-11-18T09:30:00.000Z", cause: "", holds: { checklists: 0, quarters: 0, notes: 0 } },
    { name: "d", when: "odd", cause: "", holds: null },
  ] });
  assert.equal(v.safety.show, true);
  assert.equal(v.safety.reset, true);
  assert.equal(v.safety.count, 4);
  const [a, b, c, d] = v.safety.backups;
  assert.match(a.text, /^Before “Start fresh” · .+, .+$/);
  assert.equal(a.holds, "2 checklists, 3 closed quarters, 1 note");
  assert.match(b.text, /^Before “Reset this checklist” \(Alpha checks\) · /);
  assert.equal(b.holds, "1 checklist, 1 closed quarter, 0 notes");
  assert.match(c.text, /^What made it was not recorded \(an earlier version\) · /);
  // Unreadable and without a cause: what the store moved aside.
  assert.deepEqual(d, { name: "d", text: "Data this browser could not read, moved aside · odd", holds: "this version cannot read it" });
});

test("after a fresh start: the headline speaks of the close, rows of their score then, Close stays", () => {
  const d = record({ "2026-Q3": Q3 });
  d.checklists = {};
  const v = view(d);
  assert.equal(v.summary.title, "A fresh start since 2026-Q3 was closed");
  assert.equal(v.summary.start, null);
  assert.match(v.summary.fresh, /^Nothing has been ticked since\. 2026-Q3 closed at 40%, over the 1 checklist with ticks then/);
  assert.equal(v.summary.anything, true);
  const alpha = /** @type {any} */ (v.rows[0]);
  assert.deepEqual([alpha.started, alpha.meta], [true, "nothing ticked since 2026-Q3 closed (40% then)"]);
  assert.equal(/** @type {any} */ (v.rows[1]).started, false); // beta had no ticks then: not started
});

test("nothing set aside adds nothing; the count has its plural forms", () => {
  assert.equal(asideText(0), "");
  assert.equal(asideText(null), "");
  assert.equal(asideText(1), " · 1 set aside");
  assert.equal(asideText(3), " · 3 set aside");
});
