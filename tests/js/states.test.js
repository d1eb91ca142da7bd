// One vocabulary for item states (issue 18): the table drives every count, and a state this build
// does not know is kept as stored; and the hostile inputs of issue 18 the browser must survive.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshQuarter } from "../../src/mkdocs_sremgr/assets/src/bulk.js";
import { merge } from "../../src/mkdocs_sremgr/assets/src/merge.js";
import { DONE, OPEN, isDone, isSetAside, stateOf, stateRow } from "../../src/mkdocs_sremgr/assets/src/records.js";
import { itemStates } from "../../src/mkdocs_sremgr/assets/src/rules.generated.js";
import { score } from "../../src/mkdocs_sremgr/assets/src/score.js";
import { progressText } from "../../src/mkdocs_sremgr/assets/src/dom.js";
import { normalise, readStored } from "../../src/mkdocs_sremgr/assets/src/validate.js";
import "./english.js";
import { markdownSummary, mdNote, mdPlain } from "../../src/mkdocs_sremgr/assets/src/dashboard/markdown.js";
import { KEY, T0, checklist, j, memoryStorage, store, tick } from "./helpers.js";

const AT = "2026-11-20T09:00:00.000Z";
const stored = (ls) => JSON.parse(ls.getItem(KEY));
const data = (checklists, rest = {}) => normalise({ version: 1, checklists, snapshots: {}, meta: {}, ...rest }).data;
const items = (...ids) => ids.map((id) => ({ id, aliases: [], weight: 1 }));

test("the state table: open first, one done state, the helpers read it", () => {
  assert.equal(OPEN, itemStates[0].id);
  assert.equal(DONE, "done");
  assert.ok(isDone("done") && !isDone("open") && !isDone("na"));
  assert.ok(isSetAside("na") && !isSetAside("done") && !isSetAside("open"));
  for (const s of itemStates) assert.equal(isSetAside(s.id), !s.scored, s.id);
  assert.equal(stateRow("never-heard-of-it").id, OPEN);
});

test("a state this build does not know is kept in storage as it is, and counts as open", () => {
  const raw = JSON.stringify({ version: 1, checklists: { alpha: { items: { one: { state: "later-state", changed: AT }, two: { state: "done", changed: AT } } } }, snapshots: {}, meta: {} });
  const read = readStored(raw, AT);
  assert.deepEqual(read.problems, [], "not a problem: no backup, no notice");
  const d = read.data;
  assert.equal(d.checklists.alpha.items.one.state, "later-state");
  assert.equal(stateOf(d.checklists.alpha.items.one), OPEN);
  const s = score(d, checklist("alpha"), items("one", "two"), T0);
  assert.deepEqual([s.done, s.total, s.aside, s.pct], [1, 2, 0, 50]);
  // Ticking another item, a fresh quarter and a merge leave it alone.
  const ls = memoryStorage(new Map([[KEY, raw]]));
  const st = store(ls);
  assert.equal(st.apply(tick("alpha", "three", T0)), true);
  assert.equal(stored(ls).checklists.alpha.items.one.state, "later-state");
  assert.equal(st.apply(freshQuarter(AT)), true);
  assert.equal(stored(ls).checklists.alpha.items.one.state, "later-state");
  assert.equal(stored(ls).checklists.alpha.items.two.state, OPEN, "done is cleared by a fresh quarter");
  const theirs = data({ alpha: { items: { one: { state: "later-state", changed: "2026-01-01T00:00:00Z" } } } });
  const mine = data({ alpha: { items: {} } });
  assert.equal(merge(mine, theirs, T0).checklists.alpha.items.one.state, "later-state");
});

test("a fresh quarter keeps what the table says it keeps, and nothing else", () => {
  const d = data({ alpha: { items: Object.fromEntries(itemStates.map((s) => [`x-${s.id}`, { state: s.id, changed: AT }])) } });
  const out = freshQuarter("2026-12-01T00:00:00.000Z").run(d);
  for (const s of itemStates) assert.equal(out.checklists.alpha.items[`x-${s.id}`].state, s.keep ? s.id : OPEN, s.id);
});

/** `{"x": {"x": … 1 …}}`, `depth` levels deep: as JSON text (JSON.stringify of it would
 * overflow the stack), and as a value for shallow ones. */
const deepText = (depth) => '{"x":'.repeat(depth) + "1" + "}".repeat(depth);
const deep = (depth) => JSON.parse(deepText(depth));

test("a stored field nested 5,000 levels deep goes to a backup with a notice, and ticking works", () => {
  const raw = `{"version":1,"checklists":{"alpha":{"items":{"one":{"state":"done","changed":"${AT}","odd":${deepText(5000)}}}}},"snapshots":{},"meta":{"created":"${AT}","odd":${deepText(6000)}}}`;
  const ls = memoryStorage(new Map([[KEY, raw]]));
  const s = store(ls);
  assert.equal(s.notices.moved.key, "notice.partly");
  assert.equal(ls.getItem(s.notices.moved.params.name), raw, "the whole entry as it was, aside");
  assert.equal(s.apply(tick("alpha", "two", T0)), true, "the tick is saved");
  const after = stored(ls);
  assert.equal(after.checklists.alpha.items.two.state, "done");
  assert.equal(after.checklists.alpha.items.one.state, "done", "the record's known fields stay");
  assert.equal(after.meta.created, AT);
  // What is left nests no deeper than an import may (32 levels): the next read has no problem.
  assert.deepEqual(readStored(ls.getItem(KEY), AT).problems, []);
  assert.equal(store(ls).apply(tick("alpha", "three", T0 + 5)), true);
});

test("unknown fields up to the import limit are kept as they are", () => {
  const raw = JSON.stringify({ version: 1, checklists: { alpha: { items: { one: { state: "done", odd: deep(27) } } } }, snapshots: {}, meta: { odd: deep(30) } });
  const read = readStored(raw, AT);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(j(read.data), JSON.parse(raw));
});

test("merge: a future-dated change in a file never beats the reader's own", () => {
  const mine = () => data({ alpha: { items: { one: { state: "done", changed: "2026-11-24T10:00:00.000Z" } } } });
  const file = data({ alpha: { items: { one: { state: "open", changed: "9999-12-31T00:00:00.000Z" } } } });
  assert.equal(merge(mine(), file, T0).checklists.alpha.items.one.state, "done");
  // A time later than the file's own export time cannot be true either.
  const after = data({ alpha: { items: { one: { state: "open", changed: "2026-11-25T09:00:00.000Z" } } } });
  assert.equal(merge(mine(), after, T0, "2026-11-25T08:00:00.000Z").checklists.alpha.items.one.state, "done");
  // A real later change (before the export, before now) still wins, and its note with it.
  assert.equal(merge(mine(), after, T0, "2026-11-25T09:30:00.000Z").checklists.alpha.items.one.state, "open");
  const noted = data({ alpha: { items: { one: { state: "done", changed: "2026-11-24T10:00:00.000Z", note: "x", noted: "9999-01-01T00:00:00Z" } } } });
  const mineNoted = data({ alpha: { items: { one: { state: "done", changed: "2026-11-24T10:00:00.000Z", note: "mine", noted: "2026-11-01T00:00:00Z" } } } });
  assert.equal(merge(mineNoted, noted, T0).checklists.alpha.items.one.note, "mine");
});

test("copied Markdown: notes load nothing and run nothing; http(s) links stay links", () => {
  const note = "see ![](http://x.example/y.png) and [click](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(1)</script> [docs](https://example.org/a) \\[x](javascript:1) [a [b] c](javascript:2)";
  const out = mdNote(note);
  assert.ok(!out.includes("<img") && !out.includes("<script"), out);
  assert.ok(out.includes("&lt;img") && out.includes("&lt;script&gt;"), out);
  assert.ok(!/(^|[^\\])!\[/.test(out), `no image: ${out}`);
  assert.ok(!/(^|[^\\])\[[^\]]*\]\(javascript:/i.test(out), `no javascript link: ${out}`);
  assert.ok(out.includes("[docs](https://example.org/a)"), out);
  assert.equal(mdPlain("A <b>|</b> \\ title\n"), "A &lt;b&gt;\\|&lt;/b&gt; \\\\ title");
});

test("copied Markdown: titles, item texts and notes are escaped in the summary", () => {
  const manifest = {
    storage_key: "k",
    checklists: [{ id: "a", aliases: [], title: "<script>x</script> | T", cadence: "quarterly", items: [{ id: "a1", aliases: [], text: "<img src=x onerror=alert(1)>", weight: 1 }] }],
  };
  const d = data({ a: { items: { a1: { state: "done", changed: AT, note: "![](http://x.example/p.png)" } } } });
  for (const full of [false, true]) {
    const text = markdownSummary(d, manifest, "2026-Q4", T0, { full });
    assert.ok(!text.includes("<script") && !text.includes("<img"), text);
    assert.ok(!/(^|[^\\])!\[/.test(text), text);
  }
});

test("\"didn't come up\" leaves the points out like \"not for me\"; a fresh quarter clears only it", () => {
  const d = data({ alpha: { items: { one: { state: "quiet", changed: AT }, two: { state: "na", changed: AT }, three: { state: "done", changed: AT } } } });
  const s = score(d, checklist("alpha"), [...items("one", "two", "three"), { id: "four", aliases: [], weight: 2 }], T0);
  assert.deepEqual([s.done, s.total, s.w, s.tw, s.aside, s.pct], [1, 2, 1, 3, 2, 33]);
  assert.equal(progressText(s), "1 of 3 points · 33% · 2 set aside");
  const out = freshQuarter("2026-12-01T00:00:00.000Z").run(d).checklists.alpha.items;
  assert.deepEqual([out.one.state, out.two.state, out.three.state], ["open", "na", "open"]);
});

test("a quiet quarter scores nothing: every item set aside gives no percentage at all", () => {
  const d = data({ alpha: { items: { one: { state: "quiet", changed: AT }, two: { state: "quiet", changed: AT } } } });
  const s = score(d, checklist("alpha"), items("one", "two"), T0);
  assert.deepEqual([s.total, s.pct, s.aside, s.started], [0, 0, 2, true]);
  assert.equal(progressText(s), "Nothing scored this quarter · 2 set aside");
  const manifest = { storage_key: "k", checklists: [{ id: "alpha", aliases: [], title: "Alpha", cadence: "quarterly", items: items("one", "two").map((it) => ({ ...it, text: `Item ${it.id}` })) }] };
  const md = markdownSummary(d, manifest, "2026-Q4", T0);
  assert.ok(md.includes("## Set aside\n\n- Item one — *Alpha* *(didn't come up this quarter)*"), md);
  assert.ok(md.includes("- Alpha: Nothing scored this quarter · 2 set aside"), md);
  assert.ok(md.includes(" · 2 items set aside"), md);
  for (const m of md.matchAll(/(\d+)\s*%/g)) assert.equal(m[1], "0", md);
});
