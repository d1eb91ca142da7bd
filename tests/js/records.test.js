// Merge, scores, quarters and import validation: each case from issue 10's "What was measured".
import assert from "node:assert/strict";
import { test } from "node:test";
import { replaceWith } from "../../src/mkdocs_sremgr/assets/src/bulk.js";
import { merge } from "../../src/mkdocs_sremgr/assets/src/merge.js";
import { cadenceLimit, daysSince, lastClosedBefore, periodOf } from "../../src/mkdocs_sremgr/assets/src/periods.js";
import { apply, emptyData } from "../../src/mkdocs_sremgr/assets/src/records.js";
import { storageVersion } from "../../src/mkdocs_sremgr/assets/src/rules.generated.js";
import { mean, score } from "../../src/mkdocs_sremgr/assets/src/score.js";
import { MAX_IMPORT_BYTES, migrate, normalise, readStored, validateImport } from "../../src/mkdocs_sremgr/assets/src/validate.js";
import "./english.js";
import { t } from "../../src/mkdocs_sremgr/assets/src/strings.js";
import { KEY, T0, j } from "./helpers.js";

/** The reason an import refusal shows, in English. */
const why = (/** @type {any} */ out) => (out.error ? t(out.error, { key: out.detail || "" }) : "");

const NOW = T0;
const data = (checklists, rest = {}) => normalise({ version: 1, checklists, snapshots: {}, meta: {}, ...rest }).data;
const rec = (state, changed, more = {}) => ({ state, changed, ...more });
const fileOf = (d) => JSON.stringify({ format: "mkdocs-sremgr-export", storage_key: KEY, exported: "2026-11-01T00:00:00.000Z", data: d });
const ctx = { key: KEY, known: new Set(["alpha"]), at: "2026-11-25T00:00:00.000Z" };

test("merge compares change times as instants: a 1970 date in words never beats a 2026 tick", () => {
  const mine = data({ alpha: { items: { one: rec("done", "2026-03-01T00:00:00.000Z") } } });
  const theirs = data({ alpha: { items: { one: rec("open", "Thu, 01 Jan 1970 00:00:00 GMT") } } });
  assert.equal(merge(mine, theirs, NOW).checklists.alpha.items.one.state, "done");
});

test("merge clamps future times: a year-9999 change does not win over today's", () => {
  const mine = data({ alpha: { items: { one: rec("done", new Date(NOW).toISOString()) } } });
  const theirs = data({ alpha: { items: { one: rec("open", "9999-12-31T00:00:00.000Z") } } });
  assert.equal(merge(mine, theirs, NOW).checklists.alpha.items.one.state, "done");
});

test("merge takes the newer state and, apart from it, the newer note", () => {
  const mine = data({ alpha: { items: { one: rec("open", "2026-01-01T00:00:00Z", { note: "mine", noted: "2026-06-01T00:00:00Z" }) } } });
  const theirs = data({ alpha: { items: { one: rec("done", "2026-02-01T00:00:00Z", { note: "theirs", noted: "2026-03-01T00:00:00Z" }) } } });
  const r = merge(mine, theirs, NOW).checklists.alpha.items.one;
  assert.deepEqual([r.state, r.note], ["done", "mine"]);
});

test("merge keeps the later review and the later snapshot of a quarter", () => {
  const snap = (closed) => ({ "2026-Q3": { closed, checklists: { alpha: { done: [], total: 1, score: 0 } } } });
  const mine = data({ alpha: { reviewed: "2026-05-01T00:00:00Z" } }, { snapshots: snap("2026-09-01T00:00:00Z") });
  const theirs = data({ alpha: { reviewed: "2026-06-01T00:00:00Z" } }, { snapshots: snap("2026-09-30T00:00:00Z") });
  const out = merge(mine, theirs, NOW);
  assert.equal(out.checklists.alpha.reviewed, "2026-06-01T00:00:00Z");
  assert.equal(out.snapshots["2026-Q3"].closed, "2026-09-30T00:00:00Z");
});

test("a checklist or item id `constructor` is data, never the prototype's", () => {
  const d = data({ constructor: { items: { constructor: rec("done", "2026-01-01T00:00:00Z") } } });
  const s = score(d, { id: "constructor", aliases: [] }, [{ id: "constructor", aliases: [], weight: 1 }], NOW);
  assert.equal(s.done, 1);
  const none = score(emptyData("2026-01-01T00:00:00Z"), { id: "constructor", aliases: [] }, [{ id: "tostring", aliases: [], weight: 1 }], NOW);
  assert.equal(none.done, 0);
});

test("score: weighted percent of applicable items; the last change is the latest instant", () => {
  const d = data({ alpha: { reviewed: "Thu, 01 Jan 1970 00:00:00 GMT", items: {
    one: rec("done", "2026-03-01T00:00:00Z"), two: rec("na", "2026-04-01T00:00:00Z"), three: rec("open", "2026-02-01T00:00:00Z") } } });
  const items = [["one", 2], ["two", 1], ["three", 1], ["four", 1]].map(([id, weight]) => ({ id, aliases: [], weight }));
  const s = score(d, { id: "alpha", aliases: [] }, items, NOW);
  assert.deepEqual([s.done, s.total, s.pct, s.last], [1, 3, 50, "2026-04-01T00:00:00Z"]);
  assert.equal(mean([50, null, 100, undefined]), 75);
});

test("quarters follow the fiscal year; cadences come from rules.py", () => {
  assert.equal(periodOf(new Date(2026, 0, 15), 1), "2026-Q1");
  assert.equal(periodOf(new Date(2026, 0, 15), 4), "2025-Q4");
  assert.equal(periodOf(new Date(2026, 3, 1), 4), "2026-Q1");
  assert.equal(cadenceLimit("weekly"), 7);
  assert.equal(cadenceLimit("constructor"), 92);
  assert.equal(daysSince("9999-01-01T00:00:00Z", NOW), 0);
  assert.equal(daysSince("not a date", NOW), Infinity);
  const d = data({}, { snapshots: { "2026-Q1": { closed: "2026-03-30T00:00:00Z", checklists: {} }, "2026-Q3": { closed: "2026-09-30T00:00:00Z", checklists: {} } } });
  assert.equal(lastClosedBefore(d, "2026-Q3"), "2026-Q1");
});

test("1e400 in storage reads as null and the export re-imports", () => {
  const raw = '{"version": 1, "checklists": {"alpha": {"items": {"one": {"state": "done", "score": 1e400}}}}, "meta": {"x": -1e400}}';
  const read = readStored(raw, ctx.at);
  assert.deepEqual(read.problems, []);
  assert.equal(j(read.data).checklists.alpha.items.one.score, null); // as the next write stores it
  const back = validateImport(fileOf(read.data), ctx);
  assert.deepEqual(j(back.data), j(read.data));
});

test("an id ending in a newline is refused the same way on read and on import", () => {
  const d = () => ({ version: 1, checklists: { alpha: { items: { "one\n": { state: "done" }, two: { state: "done" } } } } });
  assert.match(normalise(d()).problems[0], /items › "one\\n"/);
  assert.match(why(validateImport(fileOf(d()), ctx)), /items › "one\\n"/);
  // A record read from storage keeps its good part (the whole original goes to a backup).
  assert.deepEqual(Object.keys(normalise(d()).data.checklists.alpha.items), ["two"]);
});

test("more than 5,000 item records re-import (limits follow what storage can hold)", () => {
  const items = {};
  for (let n = 0; n < 20000; n++) items[`i${n}`] = { state: "done" };
  const out = validateImport(fileOf({ version: 1, checklists: { alpha: { items } } }), ctx);
  assert.equal(Object.keys(out.data.checklists.alpha.items).length, 20000);
  assert.ok(MAX_IMPORT_BYTES >= 20e6);
});

test("unknown fields are kept at every level", () => {
  const d = { version: 1, later: { a: [1, "x", null] }, checklists: { alpha: { pinned: true, items: { one: { state: "done", mood: "ok" } } } },
    snapshots: { "2026-Q1": { closed: "2026-03-30T00:00:00Z", by: "me", checklists: { alpha: { done: ["one"], total: 1, score: 100, extra: 1 } } } }, meta: { theme: "dark" } };
  const out = validateImport(fileOf(d), ctx);
  assert.deepEqual(j(out.data), d);
});

test("import refuses a file nested deeper than any record", () => {
  const deep = "[".repeat(100000) + "]".repeat(100000);
  const out = validateImport(fileOf({ version: 1, checklists: {}, meta: { deep: 0 } }).replace('"deep":0', `"deep":${deep}`), ctx);
  assert.equal(out.error, "dash.why.nested");
});

test("import refuses what storage may not hold, naming the first problem", () => {
  const cases = {
    "__proto__ key": ['{"version":1,"checklists":{"__proto__":{"items":{}}}}', /checklists › "__proto__"/],
    // A state is any id (one this build does not know is kept, and read as open): not a number.
    "wrong state": [{ version: 1, checklists: { alpha: { items: { one: { state: 5 } } } } }, /"one" › state\)/],
    "long note": [{ version: 1, checklists: { alpha: { items: { one: { note: "x".repeat(2001) } } } } }, /"one" › note\)/],
    "bad date": [{ version: 1, checklists: { alpha: { items: { one: { changed: "soon" } } } } }, /"one" › changed\)/],
    "bad snapshot": [{ version: 1, checklists: {}, snapshots: { "2026-Q3": { closed: "2026-09-30T00:00:00Z", checklists: { alpha: { done: [], total: 1, score: 400 } } } } }, /snapshots › 2026-Q3 › "alpha"/],
    newer: [{ version: storageVersion + 1, checklists: {} }, /newer version/],
    "other handbook": [null, /another handbook/],
    "unknown checklists only": [{ version: 1, checklists: { zeta: {} } }, /none of its checklists/],
  };
  for (const [name, [d, expect]] of Object.entries(cases)) {
    let text = typeof d === "string" ? fileOf(0).replace('"data":0', `"data":${d}`) : fileOf(d);
    if (d === null) text = JSON.stringify({ format: "mkdocs-sremgr-export", storage_key: "sremgr:v1:other", exported: "2026-01-01T00:00:00Z", data: {} });
    const out = validateImport(text, ctx);
    assert.match(why(out), expect, name);
  }
  assert.equal(({}).items, undefined);
});

test("big and tiny dates are dates; ordering holds across them", () => {
  const tiny = "-271821-04-20T00:00:00.000Z", big = "+275760-09-13T00:00:00.000Z";
  const d = { version: 1, checklists: { alpha: { items: { one: { state: "done", changed: tiny }, two: { state: "done", changed: big } } } }, snapshots: {}, meta: {} };
  const out = validateImport(fileOf(d), ctx);
  assert.deepEqual(j(out.data), d);
  const mine = data({ alpha: { items: { one: rec("open", "2020-01-01T00:00:00Z") } } });
  assert.equal(merge(mine, out.data, NOW).checklists.alpha.items.one.state, "open");
});

test("migration 0 -> 1: unversioned drafts with a boolean per item", () => {
  const old = { checklists: { alpha: { items: { one: true, two: false, three: { state: "na" } } } } };
  const d = migrate(JSON.parse(JSON.stringify(old)), "2026-01-01T00:00:00Z");
  assert.equal(d.version, storageVersion);
  assert.deepEqual(j(d.checklists.alpha.items), { one: { state: "done", changed: "2026-01-01T00:00:00Z" }, two: { state: "open", changed: "2026-01-01T00:00:00Z" }, three: { state: "na" } });
  assert.deepEqual(normalise(d).problems, []);
  assert.equal(readStored(JSON.stringify(old), "2026-01-01T00:00:00Z").data.checklists.alpha.items.one.state, "done");
});

test("every earlier storage version has a migration (the contract's version changes only with one)", () => {
  for (let v = 0; v < storageVersion; v++) {
    const d = migrate({ version: v === 0 ? undefined : v, checklists: {} }, "2026-01-01T00:00:00Z");
    assert.equal(d.version, storageVersion, `from ${v}`);
  }
});

test("replace keeps the reader's own meta; a reset of one checklist leaves the others", () => {
  const mine = data({ alpha: { items: { one: rec("done", "2026-01-01T00:00:00Z") } }, beta: {} }, { meta: { created: "x" } });
  const theirs = data({ gamma: {} }, { meta: { created: "y" } });
  assert.equal(apply(structuredClone(mine), replaceWith(theirs)).meta.created, "x");
  const reset = apply(mine, { kind: "reset-checklist", checklist: { id: "alpha", aliases: [] } });
  assert.deepEqual(Object.keys(reset.checklists), ["beta"]);
});

test("the dashboard's manifest model: weights that are not finite count as the default", async () => {
  const { prepare } = await import("../../src/mkdocs_sremgr/assets/src/dashboard/model.js");
  const m = prepare({ storage_key: KEY, checklists: [{ id: "constructor", aliases: ["old"], tags: ["__proto__", 3], sections: [
    { title: "S", items: [{ id: "a", weight: NaN }, { id: "b", weight: -1 }, { id: "c", weight: 2.5 }, { id: "d", weight: "9" }] }] }] });
  assert.deepEqual(m.checklists[0].items.map((i) => i.weight), [1, 1, 2.5, 1]);
  assert.deepEqual(m.checklists[0].aliases, ["old"]);
  assert.deepEqual(m.checklists[0].tags, ["__proto__"]);
});

test("every id-keyed map read from storage or a file has no prototype", () => {
  const raw = JSON.stringify({ version: 1, checklists: { alpha: { items: { one: { state: "done" } } } },
    snapshots: { "2026-Q1": { closed: "2026-03-30T00:00:00Z", checklists: { alpha: { done: [], total: 1, score: 0 } } } }, meta: {} });
  for (const d of [readStored(raw, ctx.at).data, validateImport(fileOf(JSON.parse(raw)), ctx).data]) {
    for (const map of [d.checklists, d.checklists.alpha.items, d.snapshots, d.snapshots["2026-Q1"].checklists, d.meta]) {
      assert.equal(Object.getPrototypeOf(map), null);
    }
    assert.equal(d.checklists.constructor, undefined);
  }
  const fresh = emptyData("2026-01-01T00:00:00Z");
  for (const map of [fresh.checklists, fresh.snapshots, fresh.meta]) assert.equal(Object.getPrototypeOf(map), null);
});
