// The team pulse's pure core: answer files and codes, their check, the aggregate and its view.
// The vectors in tests/data/pulse/ are shared with tests/test_pulse_core.py (one set of figures).
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import {
  CODE_PREFIX,
  MAX_CHARS,
  answerFile,
  checkAnswers,
  decodeCode,
  encodeCode,
  makeAnswers,
  randomId,
} from "../../src/mkdocs_sremgr/assets/src/pulse/answers.js";
import {
  addAnswers,
  checkAggregate,
  emptyAggregate,
  pulseView,
} from "../../src/mkdocs_sremgr/assets/src/pulse/aggregate.js";
import { j } from "./helpers.js";

const DATA = new URL("../data/pulse/", import.meta.url);
const read = (name) => JSON.parse(fs.readFileSync(new URL(name, DATA), "utf8"));
const CTX = read("context.json");
const RUNS = { numRuns: 200 };

/** Every nested object frozen: a function that changes its input throws in strict mode. */
function deepFreeze(v) {
  if (v && typeof v === "object") {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Checks and adds `inputs` in order; the aggregate and each one's refusal key (null: added). */
function addAll(inputs, ctx = CTX) {
  let agg = emptyAggregate(ctx.handbook, ctx.quarter);
  const refused = [];
  for (const input of inputs) {
    const checked = checkAnswers(input, ctx);
    const added = "ok" in checked ? addAnswers(agg, checked.ok) : checked;
    if ("ok" in added) agg = added.ok;
    refused.push("ok" in added ? null : added.refused);
  }
  return { agg, refused };
}

// ---- The shared vectors -----------------------------------------------------------------------

test("vectors: every answer file and code is accepted or refused as written down", () => {
  for (const v of read("checks.json")) {
    assert.deepEqual(j(checkAnswers(v.input, CTX)), v.expect, v.name);
  }
});

test("vectors: a code encodes and decodes to the answer file's object", () => {
  for (const { answers, code } of read("codes.json")) {
    assert.equal(encodeCode(answers), code);
    assert.deepEqual(j(decodeCode(code)), { ok: answers });
    assert.ok(code.startsWith(CODE_PREFIX));
  }
});

test("vectors: the aggregate and what the dashboard may show of it", () => {
  const { files, cases, aggregate } = read("views.json");
  for (const c of cases) {
    const { agg, refused } = addAll(c.add.map((k) => files[k]));
    assert.deepEqual(refused, c.refused, c.name);
    assert.deepEqual(j(pulseView(agg, c.statements || CTX.statements, { minimum: c.minimum })), c.view, c.name);
  }
  const { agg } = addAll(aggregate.add.map((k) => files[k]));
  assert.equal(JSON.stringify(agg), JSON.stringify(aggregate.aggregate), "stored as written down, keys sorted");
  for (const v of aggregate.checks) assert.deepEqual(j(checkAggregate(v.input)), v.expect, v.name);
});

// ---- Generators ---------------------------------------------------------------------------------

const value = fc.constantFrom(1, 2, 3, 4, 5, "dk");
/** Values for some of the context's statements (at least one). */
const values = fc
  .tuple(...CTX.statements.map(() => fc.option(value, { nil: undefined })), value)
  .map(([...vs]) => {
    const last = vs.pop();
    const out = {};
    CTX.statements.forEach((s, i) => vs[i] !== undefined && (out[s.id] = vs[i]));
    if (!Object.keys(out).length) out[CTX.statements[0].id] = last;
    return out;
  });
const rid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString("hex"));
const answers = fc.tuple(values, rid).map(([vs, random]) => makeAnswers({ ...CTX, values: vs, random }));
/** A team's answers: distinct random ids, as honest files have. */
const team = fc.uniqueArray(answers, { selector: (a) => a.random_id, maxLength: 9 });

// ---- Answer files and codes -------------------------------------------------------------------

test("an answer file holds the six fields and nothing that names a person or a time", () => {
  fc.assert(
    fc.property(answers, (a) => {
      const text = answerFile(a);
      const f = JSON.parse(text);
      assert.deepEqual(Object.keys(f), ["format", "version", "handbook", "quarter", "random_id", "answers"]);
      for (const e of Object.values(f.answers)) assert.deepEqual(Object.keys(e), ["fp", "value"]);
      assert.doesNotMatch(text, /\d\d:\d\d|T\d\d|storage_key|sremgr:v1:(?!team-a")/);
    }),
    RUNS,
  );
});

test("a file and a code read back as the same answers", () => {
  fc.assert(
    fc.property(answers, (a) => {
      const file = JSON.parse(answerFile(a));
      assert.deepEqual(j(checkAnswers(answerFile(a), CTX)), { ok: file });
      assert.deepEqual(j(decodeCode(encodeCode(a))), { ok: file });
      assert.deepEqual(j(checkAnswers(encodeCode(a), CTX)), { ok: file });
    }),
    RUNS,
  );
});

test("the random id is 128 fresh bits", () => {
  const ids = new Set(Array.from({ length: 50 }, randomId));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  assert.match(makeAnswers({ ...CTX, values: { "takes-shifts": 3 } }).random_id, /^[0-9a-f]{32}$/);
});

test("checkAnswers never throws, whatever it is given", () => {
  const code = fc.string({ unit: fc.constantFrom(..."ABCabc019-_ \n=+/"), maxLength: 300 }).map((s) => CODE_PREFIX + s);
  const damaged = fc.tuple(answers, fc.nat(), fc.integer({ min: 0, max: 127 })).map(([a, at, ch]) => {
    const t = answerFile(a);
    const i = at % t.length;
    return t.slice(0, i) + String.fromCharCode(ch) + t.slice(i + 1);
  });
  const damagedCode = fc.tuple(answers, fc.nat(), fc.nat()).map(([a, at, cut]) => {
    const c = encodeCode(a);
    return c.slice(0, CODE_PREFIX.length + (at % (c.length - CODE_PREFIX.length))) + c.slice(c.length - (cut % 8));
  });
  const input = fc.oneof(fc.anything(), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), code, damaged, damagedCode);
  fc.assert(
    fc.property(input, (i) => {
      const r = checkAnswers(i, CTX);
      assert.ok("ok" in r || (typeof r.refused === "string" && r.refused.startsWith("dash.pulse.why.") && typeof r.detail === "string"));
    }),
    { numRuns: 1000 },
  );
  assert.equal(checkAnswers("x".repeat(MAX_CHARS + 1), CTX).refused, "dash.pulse.why.tooBig");
});

test("a file with anything added is refused, not trimmed", () => {
  const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !["format", "version", "handbook", "quarter", "random_id", "answers", "fp", "value"].includes(k));
  fc.assert(
    fc.property(answers, key, fc.jsonValue({ maxDepth: 1 }), fc.boolean(), (a, k, v, inAnswer) => {
      const f = JSON.parse(answerFile(a));
      if (inAnswer) Object.values(f.answers)[0][k] = v;
      else f[k] = v;
      assert.deepEqual(checkAnswers(JSON.stringify(f), CTX), { refused: "dash.pulse.why.extraField", detail: k.slice(0, 60) });
    }),
    RUNS,
  );
});

test("a damaged code is refused, never misread", () => {
  fc.assert(
    fc.property(answers, fc.nat(), (a, at) => {
      const c = encodeCode(a);
      const i = CODE_PREFIX.length + (at % (c.length - CODE_PREFIX.length));
      const swapped = c.slice(0, i) + (c[i] === "Q" ? "R" : "Q") + c.slice(i + 1);
      const r = decodeCode(swapped);
      // The last character's stray bits carry nothing: changing only those leaves the bytes.
      if ("ok" in r) assert.deepEqual(j(r.ok), JSON.parse(answerFile(a)));
      else assert.equal(r.refused, "dash.pulse.why.badCode");
    }),
    RUNS,
  );
});

// ---- The aggregate ------------------------------------------------------------------------------

test("adding the same answers twice changes nothing", () => {
  fc.assert(
    fc.property(team, answers, (people, a) => {
      const { agg } = addAll([...people, a].map(answerFile));
      deepFreeze(agg);
      const again = addAnswers(agg, a);
      assert.deepEqual(again, { refused: "dash.pulse.why.alreadyAdded", detail: "" });
      assert.equal(agg.answers, new Set([...people, a].map((p) => p.random_id)).size);
    }),
    RUNS,
  );
});

test("adding leaves the aggregate it was given as it was", () => {
  fc.assert(
    fc.property(team, answers, (people, a) => {
      const { agg } = addAll(people.map(answerFile));
      const before = JSON.stringify(agg);
      deepFreeze(agg);
      addAnswers(agg, a);
      assert.equal(JSON.stringify(agg), before);
    }),
    RUNS,
  );
});

test("the order answers are added in does not matter", () => {
  fc.assert(
    fc.property(
      team.chain((people) => fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length }))),
      ([people, shuffled]) => {
        assert.equal(JSON.stringify(addAll(people).agg), JSON.stringify(addAll(shuffled).agg));
      },
    ),
    RUNS,
  );
});

test("nothing per person can be read from the aggregate beyond the counts", () => {
  // Deal each statement's answers out to the people in another order: different people, the same
  // counts. The aggregates are identical, so no aggregate can tell which answers went together.
  fc.assert(
    fc.property(team, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (people, seeds) => {
      const dealt = people.map((p) => ({ random_id: p.random_id, values: {} }));
      CTX.statements.forEach((s, i) => {
        const given = people.map((p) => p.answers[s.id]).filter(Boolean);
        const holders = dealt.map((_, k) => k).sort((x, y) => ((x * 7 + seeds[i]) % 11) - ((y * 7 + seeds[i]) % 11));
        given.forEach((a, k) => (dealt[holders[k]].values[s.id] = a.value));
      });
      const others = dealt.filter((d) => Object.keys(d.values).length).map((d) => makeAnswers({ ...CTX, values: d.values, random: d.random_id }));
      const mine = addAll(people).agg;
      const theirs = addAll(others).agg;
      assert.deepEqual(j(theirs.counts), j(mine.counts));
      assert.deepEqual(Object.keys(mine).sort(), ["answers", "counts", "format", "handbook", "quarter", "seen", "version"]);
    }),
    RUNS,
  );
});

test("an aggregate round-trips through storage, and a tampered one is refused", () => {
  fc.assert(
    fc.property(team, fc.string({ minLength: 1, maxLength: 6 }), (people, k) => {
      const { agg } = addAll(people);
      const stored = JSON.parse(JSON.stringify(agg));
      assert.equal(JSON.stringify(checkAggregate(stored).ok), JSON.stringify(agg));
      if (!(k in stored)) assert.equal(checkAggregate({ ...stored, [k]: 1 }).refused, "dash.pulse.why.badAggregate");
      assert.equal(checkAggregate({ ...stored, answers: stored.answers + 1 }).refused, "dash.pulse.why.badAggregate");
      if (people.length) {
        const twice = { ...stored, seen: [...stored.seen, stored.seen[0]], answers: stored.answers + 1 };
        assert.equal(checkAggregate(twice).refused, "dash.pulse.why.badAggregate");
      }
    }),
    RUNS,
  );
  for (const bad of [null, [], "x", { format: "mkdocs-sremgr-pulse-aggregate" }]) assert.equal(checkAggregate(bad).refused, "dash.pulse.why.badAggregate");
});

test("answers for another handbook or quarter do not join an aggregate", () => {
  const a = makeAnswers({ ...CTX, values: { "takes-shifts": 2 } });
  assert.equal(addAnswers(emptyAggregate("sremgr:v1:team-b", CTX.quarter), a).refused, "dash.pulse.why.otherHandbook");
  assert.equal(addAnswers(emptyAggregate(CTX.handbook, "2027-Q1"), a).refused, "dash.pulse.why.otherQuarter");
});

// ---- The view -----------------------------------------------------------------------------------

test("under the threshold only the number still needed is shown; from it on, no statement under it", () => {
  fc.assert(
    fc.property(team, fc.oneof(fc.integer({ min: -5, max: 12 }), fc.double()), (people, minimum) => {
      const { agg } = addAll(people);
      const view = pulseView(agg, CTX.statements, { minimum });
      const min = Number.isFinite(minimum) ? Math.max(3, Math.floor(minimum)) : 3;
      if (people.length < min) return assert.deepEqual(view, { needed: min - people.length });
      assert.equal(view.answers, people.length);
      for (const s of view.statements) {
        if ("needed" in s) assert.deepEqual(Object.keys(s), ["id", "lesson", "needed"]);
        else assert.ok(s.answers >= min && s.spread.reduce((x, y) => x + y, 0) + s.dk === s.answers);
      }
    }),
    RUNS,
  );
});
