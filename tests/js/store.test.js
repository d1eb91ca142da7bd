// The storage engine: one change applied to a fresh read, tabs, damage, backups, aliases.
import assert from "node:assert/strict";
import { test } from "node:test";
import { itemRecord, stateOf } from "../../src/mkdocs_sremgr/assets/src/records.js";
import { backups, exportFile, restore } from "../../src/mkdocs_sremgr/assets/src/backups.js";
import { resetAll } from "../../src/mkdocs_sremgr/assets/src/bulk.js";
import { createStore } from "../../src/mkdocs_sremgr/assets/src/store.js";
import { KEY, T0, checklist, item, j, memoryStorage, store, tick, ticking } from "./helpers.js";

const stored = (ls) => JSON.parse(ls.getItem(KEY));
const doneIn = (ls, cid) =>
  Object.entries(stored(ls).checklists[cid]?.items || {})
    .filter(([, r]) => r.state === "done")
    .map(([id]) => id)
    .sort();

test("a tick is written at once, with its time and fingerprint", () => {
  const ls = memoryStorage();
  const s = store(ls);
  assert.equal(s.apply({ ...tick("alpha", "one", T0), patch: { state: "done", fp: "3f2a9c1e" } }), true);
  const r = stored(ls).checklists.alpha.items.one;
  assert.deepEqual(j(r), { state: "done", fp: "3f2a9c1e", changed: new Date(T0).toISOString() });
});

test("two tabs writing in turn keep every tick (each write reads storage again)", () => {
  const ls = memoryStorage();
  const a = store(ls);
  const b = store(ls); // loaded before any tick: its memory is stale from the start
  for (let n = 0; n < 40; n++) (n % 2 ? b : a).apply(tick("wide", `i${n}`, T0 + n));
  assert.equal(doneIn(ls, "wide").length, 40);
});

test("a note typed in one tab while the other ticks loses nothing", () => {
  const ls = memoryStorage();
  const a = store(ls);
  const b = store(ls);
  const text = "Evidence: the rota is in the wiki.";
  for (let n = 1; n <= text.length; n++) {
    a.apply({ kind: "item", checklist: checklist("wide"), item: item("i0"), patch: { note: text.slice(0, n) }, at: new Date(T0 + n).toISOString() });
    if (n <= 20) b.apply(tick("wide", `i${n}`, T0 + n));
  }
  assert.equal(doneIn(ls, "wide").length, 20);
  assert.equal(stored(ls).checklists.wide.items.i0.note, text);
});

test("a tick erased by a tab that read a stale copy is re-applied on the next storage event", () => {
  const map = new Map();
  const ls = memoryStorage(map);
  const a = store(ls);
  a.apply(tick("wide", "i0", T0));
  const staleView = map.get(KEY); // what the other process still sees
  a.apply(tick("wide", "i1", T0 + 1));
  // Tab b's process has not seen i1 yet: its "fresh" read is the stale copy.
  const stale = memoryStorage(map);
  stale.getItem = (k) => (k === KEY ? staleView : map.get(k) ?? null);
  const b = store(stale);
  b.apply(tick("wide", "i2", T0 + 2));
  assert.deepEqual(doneIn(ls, "wide"), ["i0", "i2"]); // i1 was erased...
  a.external(); // ...until a hears of b's write
  assert.deepEqual(doneIn(ls, "wide"), ["i0", "i1", "i2"]);
});

test("a note typed within one millisecond and erased by a stale tab is repaired whole", () => {
  // Fast typing or a paste gives several changes of one field with the same time; the repair
  // must restore the last of them, not the first (measured in Firefox, WebKit and Chromium).
  const map = new Map();
  const ls = memoryStorage(map);
  const a = store(ls, () => T0);
  const staleView = map.get(KEY) ?? null;
  const text = "Spoke with the on-call team";
  for (let n = 1; n <= text.length; n++) {
    a.apply({ kind: "item", checklist: checklist("wide"), item: item("i0"), patch: { note: text.slice(0, n) }, at: new Date(T0).toISOString() });
  }
  const stale = memoryStorage(map);
  stale.getItem = (k) => (k === KEY ? staleView : map.get(k) ?? null);
  store(stale, () => T0 + 1).apply(tick("wide", "i1", T0 + 1));
  assert.equal(stored(ls).checklists.wide.items.i0, undefined); // the note was erased...
  a.external(); // ...until a hears of the other tab's write
  assert.equal(stored(ls).checklists.wide.items.i0.note, text);
  const before = map.get(KEY);
  a.external(); // nothing left to repair: no further write
  assert.equal(map.get(KEY), before);
});

test("a reset in another tab is not undone by the repair of older ticks", () => {
  const ls = memoryStorage();
  const a = store(ls);
  const b = store(ls);
  a.apply(tick("alpha", "one", T0));
  b.apply({ kind: "reset-checklist", checklist: checklist("alpha") });
  a.external();
  assert.equal(stored(ls).checklists.alpha, undefined);
});

test("storage cleared while a tab is open (site data erased) is not refilled by its repair", () => {
  // The engine never removes its entry, so a removed entry is never a stale write: the reader
  // (or the browser's "clear site data") erased it on purpose. Measured in the engine tests:
  // open windows wrote their last ticks back after localStorage.clear().
  const ls = memoryStorage();
  const a = store(ls);
  a.apply(tick("alpha", "one", T0));
  a.apply({ kind: "item", checklist: checklist("alpha"), item: item("two"), patch: { note: "Talked to Sam" }, at: new Date(T0 + 1).toISOString() });
  ls.map.clear();
  a.external(); // the storage event of clear()
  assert.equal(ls.getItem(KEY), null);
  assert.deepEqual(j(a.data.checklists), {}); // and the page shows what storage holds
  a.apply(tick("alpha", "three", T0 + 2)); // the next change starts from the empty entry
  assert.deepEqual(doneIn(ls, "alpha"), ["three"]);
  assert.equal(stored(ls).checklists.alpha.items.two, undefined);
});

test("a tab whose after-write check reads another tab's change first still shows it", () => {
  // Measured in WebKit: a tab's lock-serialised check after its own write read the other
  // window's newer record before that window's storage event arrived; the event then found
  // "nothing new" and the page kept showing 34 of 40 ticks that storage held.
  /** @type {(() => void)[]} */
  const queued = [];
  const locks = { request: (_name, fn) => (queued.push(fn), Promise.resolve()) };
  const ls = memoryStorage();
  const a = createStore({ key: KEY, storage: ls, now: ticking(), locks });
  const b = store(ls, ticking(T0 + 100));
  let painted = 0;
  a.subscribe(() => painted++);
  a.apply(tick("alpha", "one", T0));
  b.apply(tick("alpha", "two", T0 + 100));
  painted = 0;
  for (const check of queued.splice(0)) check(); // a's check runs before the storage event
  assert.equal(stateOf(itemRecord(a.data, checklist("alpha"), item("two"))), "done");
  assert.ok(painted > 0, "the page is told to repaint");
  a.external(); // the storage event, late
  assert.equal(stateOf(itemRecord(a.data, checklist("alpha"), item("two"))), "done");
});

test("another tab's change is seen and announced before the next paint", () => {
  const ls = memoryStorage();
  const a = store(ls);
  const b = store(ls);
  let painted = 0;
  a.subscribe(() => painted++);
  b.apply(tick("alpha", "one", T0));
  a.external();
  assert.equal(painted, 1);
  assert.equal(stateOf(itemRecord(a.data, checklist("alpha"), item("one"))), "done");
});

test("data from a newer version is left untouched and nothing is saved over it", () => {
  const raw = JSON.stringify({ version: 99, checklists: { alpha: { items: { one: { state: "done" } } } } });
  const ls = memoryStorage(new Map([[KEY, raw]]));
  const s = store(ls);
  assert.equal(s.mode, "newer");
  assert.equal(s.notices.newer.key, "notice.newer");
  assert.equal(s.apply(tick("alpha", "two", T0)), false);
  assert.equal(ls.getItem(KEY), raw);
});

test("unreadable data is moved to a backup, with a notice, and the reader starts afresh", () => {
  const ls = memoryStorage(new Map([[KEY, "{not json"]]));
  const s = store(ls);
  const name = s.notices.moved.params.name;
  assert.match(name, /^sremgr:v1:test:backup:2026-/);
  assert.equal(ls.getItem(name), "{not json");
  assert.deepEqual(j(s.data.checklists), {});
  assert.deepEqual(backups(s), [name]);
});

test("a record with one damaged part keeps the rest, the whole original goes to a backup", () => {
  const raw = JSON.stringify({ version: 1, checklists: { alpha: { items: { one: { state: "done" }, "bad id\n": { state: "done" } } } } });
  const ls = memoryStorage(new Map([[KEY, raw]]));
  const s = store(ls);
  assert.equal(s.notices.moved.key, "notice.partly");
  assert.equal(ls.getItem(s.notices.moved.params.name), raw);
  assert.deepEqual(Object.keys(stored(ls).checklists.alpha.items), ["one"]);
});

test("with no room for the backup, damaged data is left as it was and nothing is saved", () => {
  const ls = memoryStorage(new Map([[KEY, "{oops"]]), { quota: 30 });
  const s = store(ls);
  assert.equal(s.mode, "memory");
  assert.equal(s.notices.moved.key, "notice.movedNoRoom");
  s.apply(tick("alpha", "one", T0));
  assert.equal(ls.getItem(KEY), "{oops");
});

test("blocked storage: the page works in memory and says so", () => {
  const s = store(null);
  assert.equal(s.mode, "memory");
  assert.equal(s.notices.blocked.key, "notice.blocked");
  assert.equal(s.apply(tick("alpha", "one", T0)), false);
  assert.equal(stateOf(itemRecord(s.data, checklist("alpha"), item("one"))), "done");
});

test("full storage: the change stays on the page, a notice says it was not saved", () => {
  const ls = memoryStorage(new Map(), { quota: 200 });
  const s = store(ls);
  assert.equal(s.apply(tick("alpha", "one", T0)), true);
  assert.equal(s.apply({ ...tick("alpha", "two", T0 + 1), patch: { note: "x".repeat(500) } }), false);
  assert.equal(s.notices.full.key, "notice.full");
  assert.equal(s.apply(tick("alpha", "three", T0 + 2)), false);
  for (const id of ["one", "three"]) assert.equal(stateOf(itemRecord(s.data, checklist("alpha"), item(id))), "done");
  assert.equal(itemRecord(s.data, checklist("alpha"), item("two")).note.length, 500);
});

test("a backup is kept before a reset; a restore keeps one of the current data too", () => {
  const ls = memoryStorage();
  const s = store(ls, (() => { let t = T0; return () => (t += 1000); })());
  s.apply(tick("alpha", "one", T0));
  const before = ls.getItem(KEY);
  const name = s.backupCurrent();
  assert.equal(ls.getItem(name), before);
  s.apply(resetAll());
  assert.deepEqual(j(stored(ls).checklists), {});
  assert.equal(restore(s, name), "ok");
  assert.equal(stored(ls).checklists.alpha.items.one.state, "done");
  assert.equal(backups(s).length, 2);
});

test("a renamed checklist finds its progress under the old id (checklist aliases)", () => {
  const ls = memoryStorage();
  const s = store(ls);
  s.apply(tick("old-name", "one", T0));
  const renamed = checklist("new-name", ["old-name"]);
  assert.equal(stateOf(itemRecord(s.data, renamed, item("one"))), "done");
  // A new change is written under the new id, carrying the old progress with it.
  s.apply({ ...tick("new-name", "two", T0 + 1), checklist: renamed });
  assert.deepEqual(doneIn(ls, "new-name"), ["one", "two"]);
  assert.deepEqual(doneIn(ls, "old-name"), ["one"]); // the old record stays, as items' do
  s.apply({ kind: "reset-checklist", checklist: renamed });
  assert.equal(itemRecord(s.data, renamed, item("one")), null);
});

test("a renamed item finds its progress under an alias", () => {
  const s = store(memoryStorage());
  s.apply(tick("alpha", "old-item", T0));
  assert.equal(stateOf(itemRecord(s.data, checklist("alpha"), item("new-item", ["old-item"]))), "done");
});

test("ids such as constructor, valueof or prototype are ordinary keys, in every tab", () => {
  const ls = memoryStorage();
  const s = store(ls);
  const ids = ["constructor", "valueof", "prototype", "hasownproperty"];
  for (const id of ids) s.apply(tick(id, id, T0));
  const other = store(ls); // a second tab reads (and validates) what the first wrote
  for (const id of ids) {
    assert.equal(stateOf(itemRecord(other.data, checklist(id), item(id))), "done", id);
  }
  assert.equal(other.notices.moved, undefined);
  assert.equal(({}).state, undefined);
});

test("export records when it was exported and holds the record as stored", () => {
  const ls = memoryStorage();
  const s = store(ls);
  s.apply(tick("alpha", "one", T0));
  const file = JSON.parse(exportFile(s));
  assert.equal(file.format, "mkdocs-sremgr-export");
  assert.equal(file.storage_key, KEY);
  assert.equal(file.data.meta.exported, file.exported);
  assert.deepEqual(file.data, stored(ls));
});

test("changes in one millisecond stay ordered, so a repair restores the latest note", () => {
  const map = new Map();
  const ls = memoryStorage(map);
  const frozen = () => T0; // a fast typist: every keystroke in the same millisecond
  const a = store(ls, frozen);
  const note = (text) => ({ kind: "item", checklist: checklist("wide"), item: item("i0"), patch: { note: text }, at: new Date(T0).toISOString() });
  a.apply(note("a"));
  const staleView = map.get(KEY);
  a.apply(note("ab"));
  a.apply(note("abc"));
  const stale = memoryStorage(map);
  stale.getItem = (k) => (k === KEY ? staleView : map.get(k) ?? null);
  store(stale, frozen).apply(tick("wide", "i1", T0));
  assert.equal(stored(ls).checklists.wide.items.i0.note, "a");
  a.external();
  assert.equal(stored(ls).checklists.wide.items.i0.note, "abc");
  assert.equal(stored(ls).checklists.wide.items.i1.state, "done");
});
