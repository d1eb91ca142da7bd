// The engine's laws over random records (fast-check): round trip, idempotent merge, no lost write.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { merge } from "../../src/mkdocs_sremgr/assets/src/merge.js";
import { exportFile } from "../../src/mkdocs_sremgr/assets/src/backups.js";
import { replaceWith } from "../../src/mkdocs_sremgr/assets/src/bulk.js";
import { stateIds } from "../../src/mkdocs_sremgr/assets/src/rules.generated.js";
import { normalise, readStored, validateImport } from "../../src/mkdocs_sremgr/assets/src/validate.js";
import { KEY, T0, j, memoryStorage, store, tick } from "./helpers.js";

const RUNS = { numRuns: 150 };
const NOW = T0;

const id = fc.oneof(
  fc.constantFrom("constructor", "prototype", "valueof", "tostring", "hasownproperty", "proto", "a", "one-two"),
  fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}$/),
);
const date = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map((d) => d.toISOString()),
  fc.constantFrom("Thu, 01 Jan 1970 00:00:00 GMT", "9999-12-31T23:59:59.999Z", "2026-11-25T10:00:00Z"),
);
/** Unknown fields: any name the contract does not use, any JSON value (incl. big numbers). */
const unknown = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => "x-" + s),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(1e300, -0.5, "", null)),
  { maxKeys: 2 },
);
const withUnknown = (arb) => fc.tuple(arb, unknown).map(([a, u]) => ({ ...u, ...a }));
const itemRecord = withUnknown(
  fc.record(
    // Every known state, and ids no build knows yet (a newer build's state, kept as stored).
    { state: fc.oneof(fc.constantFrom(...stateIds), fc.constantFrom("later-state", "x")), changed: date, noted: date, fp: fc.constantFrom("", "3f2a9c1e", "00000000"), note: fc.string({ maxLength: 40 }) },
    { requiredKeys: [] },
  ),
);
const checklistRecord = withUnknown(fc.record({ items: fc.dictionary(id, itemRecord, { maxKeys: 6 }), reviewed: date }, { requiredKeys: [] }));
const period = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`);
const snapshot = withUnknown(
  fc.record({
    closed: date,
    checklists: fc.dictionary(id, withUnknown(fc.record({ done: fc.array(id, { maxLength: 4 }), total: fc.nat(50), score: fc.integer({ min: 0, max: 100 }) })), { maxKeys: 3 }),
  }),
);
/** Anything storage may legally hold. */
const legal = fc
  .record({
    checklists: fc.dictionary(id, checklistRecord, { maxKeys: 5 }),
    snapshots: fc.dictionary(period, snapshot, { maxKeys: 3 }),
    meta: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    extra: unknown,
  })
  .map(({ extra, ...d }) => j({ ...extra, version: 1, ...d }));

const ctx = (d) => ({ key: KEY, known: new Set(Object.keys(d.checklists)), at: "2026-11-25T00:00:00.000Z" });

test("law: anything storage may hold is read back unchanged", () => {
  fc.assert(
    fc.property(legal, (d) => {
      const read = readStored(JSON.stringify(d), "2026-11-25T00:00:00.000Z");
      assert.deepEqual(read.problems, []);
      assert.deepEqual(j(read.data), d);
    }),
    RUNS,
  );
});

test("law: a reader's own export re-imports unchanged (replace)", () => {
  fc.assert(
    fc.property(legal, (d) => {
      const ls = memoryStorage(new Map([[KEY, JSON.stringify(d)]]));
      const s = store(ls);
      const text = exportFile(s);
      const out = validateImport(text, ctx(d));
      assert.ok(!("error" in out), out.error);
      assert.deepEqual(j(out.data), JSON.parse(ls.getItem(KEY)));
      // ...and a replace in a fresh browser stores exactly that, bar its own meta.
      const other = store(memoryStorage());
      other.apply(replaceWith(out.data));
      const got = j(other.data);
      const want = JSON.parse(ls.getItem(KEY));
      delete got.meta;
      delete want.meta;
      assert.deepEqual(got, want);
    }),
    RUNS,
  );
});

test("law: merge is idempotent (merging the same file twice changes nothing the second time)", () => {
  fc.assert(
    fc.property(legal, legal, (a, b) => {
      const theirs = normalise(j(b)).data;
      const once = merge(normalise(j(a)).data, theirs, NOW);
      const snapshotOnce = JSON.stringify(once);
      const twice = merge(once, theirs, NOW);
      assert.equal(JSON.stringify(twice), snapshotOnce);
    }),
    RUNS,
  );
});

test("law: merging a record with itself changes nothing", () => {
  fc.assert(
    fc.property(legal, (a) => {
      assert.deepEqual(j(merge(normalise(j(a)).data, normalise(j(a)).data, NOW)), a);
    }),
    RUNS,
  );
});

test("law: the merged record is still one storage may hold", () => {
  fc.assert(
    fc.property(legal, legal, (a, b) => {
      const out = merge(normalise(j(a)).data, normalise(j(b)).data, NOW);
      assert.deepEqual(normalise(j(out)).problems, []);
    }),
    RUNS,
  );
});

test("law: interleaved writes from two tabs lose no change (the last one per item wins)", () => {
  const change = fc.record({ tab: fc.integer({ min: 0, max: 1 }), item: fc.constantFrom("a", "b", "constructor", "c-d"), state: fc.constantFrom(...stateIds) });
  fc.assert(
    fc.property(fc.array(change, { minLength: 1, maxLength: 40 }), (changes) => {
      const ls = memoryStorage();
      const tabs = [store(ls), store(ls)];
      const last = new Map();
      changes.forEach((c, n) => {
        tabs[c.tab].apply(tick("wide", c.item, T0 + n, c.state));
        last.set(c.item, c.state);
      });
      const items = JSON.parse(ls.getItem(KEY)).checklists.wide.items;
      for (const [iid, state] of last) assert.equal(items[iid].state, state);
    }),
    RUNS,
  );
});
