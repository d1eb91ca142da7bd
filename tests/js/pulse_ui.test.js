// The team pulse's browser side, without a DOM: the draft a team member keeps before sending
// (pulse/draft.js), the pulse in the reader's record (pulse/stored.js) and the dashboard's team
// view (dashboard/teamview.js). The pulse core itself is tested in pulse.test.js.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import "./english.js";
import { makeAnswers, answerFile, encodeCode } from "../../src/mkdocs_sremgr/assets/src/pulse/answers.js";
import { emptyAggregate } from "../../src/mkdocs_sremgr/assets/src/pulse/aggregate.js";
import { draftKey, readDraft, removeDraft, valuesOf, withAnswer, writeDraft, emptyDraft } from "../../src/mkdocs_sremgr/assets/src/pulse/draft.js";
import { mergePulse, onlyValidPulse, quarterPulse, storedPulse, keepPulse } from "../../src/mkdocs_sremgr/assets/src/pulse/stored.js";
import { addInputs, preparePulse, pulseLines, pulseSnapshot, splitCodes, teamView } from "../../src/mkdocs_sremgr/assets/src/dashboard/teamview.js";
import { prepare } from "../../src/mkdocs_sremgr/assets/src/dashboard/model.js";
import { merge } from "../../src/mkdocs_sremgr/assets/src/merge.js";
import { markdownSummary } from "../../src/mkdocs_sremgr/assets/src/dashboard/markdown.js";
import { memoryStorage, j } from "./helpers.js";

const CTX = JSON.parse(fs.readFileSync(new URL("../data/pulse/context.json", import.meta.url), "utf8"));
const HB = CTX.handbook;
const Q = CTX.quarter;
const S = CTX.statements;
const NOW = Date.parse("2026-11-25T10:00:00.000Z");
const id = (n) => n.toString(16).padStart(32, "0");
const file = (n, values, over = {}) => answerFile({ ...makeAnswers({ handbook: HB, quarter: Q, statements: S, values, random: id(n) }), ...over });

const manifest = prepare({
  storage_key: HB,
  checklists: [
    { id: "prioritize-one-on-ones", title: "One-on-ones", url: "a/", cadence: "weekly", sections: [{ title: "S", items: [{ id: "a" }, { id: "b" }] }] },
    { id: "be-on-call", title: "On call", url: "b/", cadence: "weekly", sections: [{ title: "S", items: [{ id: "c" }] }] },
    { id: "guard-your-calendar", title: "Calendar", url: "c/", cadence: "weekly", sections: [{ title: "S", items: [{ id: "d" }] }] },
  ],
  pulse: { id: "team-pulse", title: "Team pulse", minimum: 1, statements: S.map((s) => ({ ...s, text: `Text of ${s.id}.` })) },
});
const data = () => /** @type {any} */ ({ version: 1, checklists: { "prioritize-one-on-ones": { items: { a: { state: "done", changed: "2026-11-20T09:00:00.000Z" } } } }, snapshots: {}, meta: {} });

// ---- the draft -------------------------------------------------------------------------------

test("a draft survives a write and a read, keeping only current statements and wordings", () => {
  const ls = memoryStorage();
  let d = emptyDraft(Q);
  d = withAnswer(d, S[0], 4);
  d = withAnswer(d, S[1], "dk");
  assert.ok(writeDraft(ls, draftKey(HB), d));
  assert.deepEqual(j(readDraft(ls, draftKey(HB), Q, S).answers), { "one-on-ones-held": { fp: "11111111", value: 4 }, "feedback-asked": { fp: "22222222", value: "dk" } });
  // reworded: its answer is not carried over to the new wording
  const reworded = [{ ...S[0], fp: "99999999" }, S[1]];
  assert.deepEqual(Object.keys(readDraft(ls, draftKey(HB), Q, reworded).answers), ["feedback-asked"]);
  // another quarter starts empty
  assert.deepEqual(j(readDraft(ls, draftKey(HB), "2027-Q1", S).answers), {});
  assert.deepEqual(j(valuesOf(readDraft(ls, draftKey(HB), Q, S))), { "one-on-ones-held": 4, "feedback-asked": "dk" });
});

test("a damaged, foreign or blocked draft reads as empty and never throws", () => {
  for (const raw of ["{", "null", "[]", '{"quarter":"2026-Q4","answers":[]}', '{"quarter":"2026-Q4","answers":{"one-on-ones-held":{"fp":"11111111","value":9}}}', "x".repeat(20000), '{"quarter":"2026-Q4","answers":{"__proto__":{"fp":"11111111","value":4}}}']) {
    const ls = memoryStorage(new Map([[draftKey(HB), raw]]));
    const d = readDraft(ls, draftKey(HB), Q, S);
    assert.deepEqual(j(d.answers), {}, raw.slice(0, 40));
    assert.equal(d.sent, "");
  }
  const blocked = { getItem() { throw new Error("SecurityError"); }, setItem() { throw new Error("SecurityError"); }, removeItem() { throw new Error("SecurityError"); } };
  assert.deepEqual(j(readDraft(blocked, "k", Q, S).answers), {});
  assert.equal(writeDraft(blocked, "k", emptyDraft(Q)), false);
  assert.equal(writeDraft(null, "k", emptyDraft(Q)), false);
  assert.equal(removeDraft(blocked, "k"), false);
});

test("the sent state needs a random id; a changed answer makes the draft unsent", () => {
  const ls = memoryStorage();
  writeDraft(ls, "k", { quarter: Q, answers: {}, random: "", sent: "file" });
  assert.equal(readDraft(ls, "k", Q, S).sent, "");
  const sent = { ...withAnswer(emptyDraft(Q), S[0], 2), random: id(7), sent: "code" };
  writeDraft(ls, "k", sent);
  assert.equal(readDraft(ls, "k", Q, S).sent, "code");
  assert.equal(withAnswer(sent, S[0], 3).sent, "");
  assert.equal(withAnswer(sent, S[0], 3).random, id(7));
});

test("the draft's key is its own, and the answer file made from it holds none of it", () => {
  const key = draftKey(HB);
  assert.notEqual(key, HB);
  assert.ok(!key.startsWith(HB + ":backup:"));
  const d = { ...withAnswer(emptyDraft(Q), S[0], 5), random: id(3) };
  const text = answerFile(makeAnswers({ handbook: HB, quarter: Q, statements: S, values: valuesOf(d), random: d.random }));
  assert.ok(!text.includes(key));
  assert.deepEqual(Object.keys(JSON.parse(text)).sort(), ["answers", "format", "handbook", "quarter", "random_id", "version"]);
  assert.ok(!/\d\d:\d\d|T\d\d|sent|draft/.test(text));
});

// ---- the record's pulse ----------------------------------------------------------------------

function aggOf(...files) {
  const r = addInputs(emptyAggregate(HB, Q), files.map((text, i) => ({ name: String(i), text })), { handbook: HB, quarter: Q, statements: S });
  return r;
}

test("only aggregates that pass the check, for this handbook and filed under their quarter, are read", () => {
  const good = aggOf(file(1, { "one-on-ones-held": 4 })).agg;
  assert.deepEqual(j(storedPulse({ pulse: { [Q]: good } }, HB).ok), j({ [Q]: good }));
  const cases = [
    [{ pulse: [] }, "pulse"],
    [{ pulse: { "2026-Q3": good } }, "pulse › \"2026-Q3\" › quarter"],
    [{ pulse: { nonsense: good } }, "pulse › \"nonsense\""],
    [{ pulse: { [Q]: { ...good, answers: 5 } } }, "pulse › \"2026-Q4\" › answers"],
    [{ pulse: { [Q]: { ...good, extra: 1 } } }, "pulse › \"2026-Q4\" › extra"],
  ];
  for (const [d, where] of cases) assert.deepEqual(storedPulse(d, HB).problems, [where]);
  assert.deepEqual(storedPulse({ pulse: { [Q]: good } }, "sremgr:v1:other").problems, ["pulse › \"2026-Q4\" › handbook"]);
  assert.deepEqual(quarterPulse({}, HB, Q), { none: true });
  assert.ok("bad" in quarterPulse({ pulse: { [Q]: { ...good, seen: ["x"] } } }, HB, Q));
  // a restored backup keeps its good quarters only
  const restored = onlyValidPulse(/** @type {any} */ ({ pulse: { [Q]: good, "2026-Q3": { nope: 1 } } }), HB);
  assert.deepEqual(Object.keys(restored.pulse), [Q]);
});

test("merging aggregates: different files add up, a superset wins, overlapping ones keep mine", () => {
  const a = aggOf(file(1, { "one-on-ones-held": 4 }), file(2, { "one-on-ones-held": 2 })).agg;
  const b = aggOf(file(3, { "one-on-ones-held": 5 })).agg;
  const ab = aggOf(file(1, { "one-on-ones-held": 4 }), file(2, { "one-on-ones-held": 2 }), file(3, { "one-on-ones-held": 5 })).agg;
  const mine = (agg) => /** @type {any} */ ({ version: 1, checklists: {}, snapshots: {}, meta: {}, pulse: { [Q]: agg } });
  assert.deepEqual(j(mergePulse(mine(a), mine(b), HB).pulse[Q]), j(ab));
  assert.deepEqual(j(mergePulse(mine(a), mine(ab), HB).pulse[Q]), j(ab));
  assert.deepEqual(j(mergePulse(mine(a), mine(a), HB).pulse[Q]), j(a)); // twice: no change
  const overlap = aggOf(file(2, { "one-on-ones-held": 2 }), file(3, { "one-on-ones-held": 5 })).agg;
  assert.deepEqual(j(mergePulse(mine(a), mine(overlap), HB).pulse[Q]), j(a));
  // through the one merge, with the handbook key
  assert.deepEqual(j(merge(mine(a), mine(b), NOW, undefined, HB).pulse[Q]), j(ab));
  // a damaged aggregate of mine is not overwritten
  const damaged = /** @type {any} */ ({ ...mine(a), pulse: { [Q]: { broken: true } } });
  assert.deepEqual(j(mergePulse(damaged, mine(b), HB).pulse), { [Q]: { broken: true } });
});

// ---- the team view ---------------------------------------------------------------------------

test("the manifest's pulse is made safe: bad statements dropped, the threshold never below 3", () => {
  const p = preparePulse({ id: "p", title: "P", minimum: 1, statements: [S[0], { id: "Bad Id", fp: "11111111" }, { id: "x", fp: "nothex" }, S[0], "no"] });
  assert.equal(p && p.minimum, 3);
  assert.deepEqual(p && p.statements.map((s) => s.id), ["one-on-ones-held"]);
  assert.equal(preparePulse(null), null);
  assert.equal(preparePulse({ statements: [] }), null);
  assert.equal(manifest.pulse && manifest.pulse.minimum, 3);
});

test("under the threshold the view says only how many more are needed; from it on, the figures", () => {
  const pulse = /** @type {any} */ (manifest.pulse);
  const two = aggOf(file(1, { "one-on-ones-held": 4, "takes-shifts": 1 }), file(2, { "one-on-ones-held": 5 })).agg;
  const v2 = teamView({ data: keepPulse(data(), two), manifest, pulse, handbook: HB, quarter: Q, now: NOW });
  assert.deepEqual(Object.keys(v2).sort(), ["needed", "text"]);
  assert.equal(/** @type {any} */ (v2).needed, 1);
  assert.equal(/** @type {any} */ (v2).text, "One more answer is needed before the team's view is shown.");
  const three = aggOf(file(1, { "one-on-ones-held": 4, "takes-shifts": 1 }), file(2, { "one-on-ones-held": 5 }), file(3, { "one-on-ones-held": 2, "takes-shifts": "dk" })).agg;
  const v3 = /** @type {any} */ (teamView({ data: keepPulse(data(), three), manifest, pulse, handbook: HB, quarter: Q, now: NOW }));
  assert.equal(v3.answers, 3);
  const held = v3.statements.find((s) => s.id === "one-on-ones-held");
  assert.equal(held.median, "median 4");
  assert.equal(held.spread, "1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1 · don't know: 0");
  assert.equal(held.text, "Text of one-on-ones-held.");
  assert.equal(v3.statements.find((s) => s.id === "takes-shifts").needed, "needs one more answer to its current wording");
  const lesson = v3.lessons.find((l) => l.id === "prioritize-one-on-ones");
  assert.deepEqual([lesson.teamPct, lesson.yoursPct, lesson.team], [75, 50, "75 of 100"]);
  // the 1:1 summary and the snapshot carry the same figures, and nothing per person
  assert.deepEqual(j(pulseSnapshot(keepPulse(data(), three), pulse, HB, Q)), { answers: 3, lessons: { "prioritize-one-on-ones": 75 } });
  assert.equal(pulseSnapshot(keepPulse(data(), two), pulse, HB, Q), null);
  const md = markdownSummary(keepPulse(data(), three), manifest, Q, NOW);
  assert.match(md, /Team pulse: 3 answers\. Per lesson, the team's view \(0–100\) beside my score:\n\n- One-on-ones: team 75 of 100, mine 50%\n/);
  assert.match(markdownSummary(keepPulse(data(), two), manifest, Q, NOW), /Team pulse: one more answer is needed before it is shown\./);
  assert.doesNotMatch(markdownSummary(data(), manifest, Q, NOW), /Team pulse/);
  assert.deepEqual(pulseLines(data(), { ...manifest, pulse: null }, Q, NOW, (s) => s), []);
});

test("the same file twice, another handbook or quarter, a changed statement: refused, with a reason", () => {
  const first = file(1, { "one-on-ones-held": 4 });
  const r = aggOf(first, first, file(2, { "one-on-ones-held": 4 }, { handbook: "sremgr:v1:other" }), file(3, { "one-on-ones-held": 4 }, { quarter: "2026-Q3" }),
    file(4, {}, { answers: { "one-on-ones-held": { fp: "abcdef01", value: 3 } } }), "<img src=x onerror=alert(1)>");
  assert.equal(r.added, 1);
  assert.deepEqual(r.refused.map((x) => x.why), ["dash.pulse.why.alreadyAdded", "dash.pulse.why.otherHandbook", "dash.pulse.why.otherQuarter", "dash.pulse.why.changed", "dash.pulse.why.notJson"]);
  assert.equal(r.agg.answers, 1);
});

test("pasted text is split into its codes; anything else is one input", () => {
  const c1 = encodeCode(makeAnswers({ handbook: HB, quarter: Q, statements: S, values: { "takes-shifts": 3 }, random: id(1) }));
  const c2 = encodeCode(makeAnswers({ handbook: HB, quarter: Q, statements: S, values: { "takes-shifts": 4 }, random: id(2) }));
  assert.deepEqual(splitCodes(`${c1}\n\n  ${c2}\n`), [c1, c2]);
  assert.deepEqual(splitCodes(`${c1}${c2}`), [c1, c2]);
  assert.deepEqual(splitCodes(c1), [c1]);
  assert.deepEqual(splitCodes("  "), []);
  assert.deepEqual(splitCodes('{"format": 1}'), ['{"format": 1}']);
  const r = aggOf(...splitCodes(`${c1}\n${c2}`));
  assert.equal(r.added, 2);
});
