// The quarter on a page (dashboard/sheet.js): what the dashboard prints for a 1:1, from a
// record, a manifest and a time, with no DOM (issue 21, 9).
import assert from "node:assert/strict";
import { test } from "node:test";
import "./english.js";
import { prepare } from "../../src/mkdocs_sremgr/assets/src/dashboard/model.js";
import { change, quarterSheet } from "../../src/mkdocs_sremgr/assets/src/dashboard/sheet.js";

const items = (/** @type {string[]} */ ids) => ids.map((id) => ({ id, text: `Item ${id}.` }));
const manifest = prepare({
  storage_key: "sremgr:v1:test",
  checklists: [
    { id: "alpha", title: "Alpha", sections: [{ title: "S", items: items(["a1", "a2", "a3", "a4"]) }] },
    { id: "beta", title: "Beta", sections: [{ title: "S", items: items(["b1", "b2"]) }] },
    { id: "gamma", title: "Gamma", sections: [{ title: "S", items: items(["g1"]) }] },
    { id: "delta", title: "Delta", sections: [{ title: "S", items: items(["d1"]) }] },
  ],
});
const NOW = Date.parse("2026-11-25T10:00:00.000Z");
const at = "2026-11-20T09:00:00.000Z";
const data = /** @type {any} */ ({
  version: 1, meta: {},
  snapshots: { "2026-Q3": { closed: "2026-09-28T09:00:00.000Z", checklists: {
    alpha: { done: ["a1"], total: 4, score: 25 }, beta: { done: ["b1", "b2"], total: 2, score: 100 },
    gamma: { done: [], total: 1, score: 0 }, delta: { done: [], total: 1, score: 0 } } } },
  checklists: {
    alpha: { items: { a1: { state: "done", changed: at, note: "Asked Sam." }, a2: { state: "done", changed: at }, a3: { state: "na", changed: at } } },
    beta: { items: { b1: { state: "done", changed: at } } },
  },
});

test("the quarter on a page: each lesson now, at the last close and the change; the rest in one line", () => {
  const s = quarterSheet(data, manifest, "2026-Q4", NOW);
  assert.equal(s.title, "2026-Q4 on a page");
  assert.deepEqual(s.head, ["Lesson", "2026-Q4 (now)", "2026-Q3", "Change"]);
  const rows = s.rows.map((r) => [r.title, r.now, r.before, r.change]);
  assert.deepEqual(rows, [
    ["All checklists", "29%", "31%", "−2"], // (67 + 50 + 0 + 0) / 4 against (25 + 100 + 0 + 0) / 4
    ["Alpha", "2 of 3 done · 67% · 1 set aside", "25%", "+42"],
    ["Beta", "1 of 2 done · 50%", "100%", "−50"],
  ]);
  assert.equal(s.untouched, "Not started (2): Gamma, Delta");
  assert.deepEqual(s.notes, [{ where: "Alpha — Item a1.", text: "Asked Sam." }]);
  assert.deepEqual(s.aside, [{ where: "Alpha — Item a3.", why: "(not for me)" }]);
  assert.equal(s.open.length, 2); // a4 and b2
});

test("the team pulse: a line, then a column beside the manager's scores; a lesson only the team rated gets its row", () => {
  const under = quarterSheet(data, manifest, "2026-Q4", NOW, { line: "Team pulse: one more answer is needed" });
  assert.equal(under.team, "Team pulse: one more answer is needed");
  assert.equal(under.head.length, 4);
  assert.ok(under.rows.every((r) => r.team === undefined));
  const s = quarterSheet(data, manifest, "2026-Q4", NOW, { line: "Team pulse: 3 answers", head: "Team's view", cells: { alpha: "75 of 100", gamma: "25 of 100" } });
  assert.deepEqual(s.head, ["Lesson", "2026-Q4 (now)", "2026-Q3", "Change", "Team's view"]);
  assert.deepEqual(s.rows.map((r) => [r.title, r.team]), [["All checklists", ""], ["Alpha", "75 of 100"], ["Beta", "–"], ["Gamma", "25 of 100"]]);
  assert.equal(s.untouched, "Not started (1): Delta");
});

test("a first quarter has nothing to compare with, and says so", () => {
  const s = quarterSheet({ ...data, snapshots: {} }, manifest, "2026-Q4", NOW);
  assert.equal(s.head[2], "No earlier quarter");
  assert.ok(s.rows.every((r) => r.before === "–" && r.change === ""));
  assert.equal(change(50, null), "");
  assert.equal(change(40, 40), "±0");
});
