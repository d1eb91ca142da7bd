// An item moved to another checklist keeps its record: an alias `old-checklist/old-item`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { apply, emptyData, itemRecord, moved } from "../../src/mkdocs_sremgr/assets/src/records.js";
import { score } from "../../src/mkdocs_sremgr/assets/src/score.js";
import { checklist, item, j, T0 } from "./helpers.js";

const AT = "2026-11-20T09:00:00.000Z";

function withOldTick() {
  const d = emptyData(AT);
  apply(d, { kind: "item", checklist: checklist("old-list"), item: item("old-item"), patch: { state: "done", fp: "aaaa" }, at: AT });
  apply(d, { kind: "item", checklist: checklist("old-list"), item: item("old-item"), patch: { note: "from the 1:1" }, at: AT });
  return d;
}

test("an item moved from another checklist finds its record there, and only under such an alias", () => {
  const d = withOldTick();
  const movedHere = item("new-item", ["old-list/old-item"]);
  assert.equal(moved(d, movedHere)?.state, "done");
  assert.equal(itemRecord(d, checklist("new-list"), movedHere)?.note, "from the 1:1");
  assert.equal(moved(d, item("new-item", ["old-item"])), null); // a plain alias is this checklist's
  assert.equal(moved(d, item("new-item", ["nowhere/old-item"])), null);
  const s = score(d, checklist("new-list"), [{ ...movedHere, weight: 1 }, { ...item("other"), weight: 1 }], T0);
  assert.equal(s.done, 1);
  assert.equal(s.total, 2);
});

test("changing a moved item starts from its old record, which stays where it was", () => {
  const d = withOldTick();
  const movedHere = item("new-item", ["old-list/old-item"]);
  apply(d, { kind: "item", checklist: checklist("new-list"), item: movedHere, patch: { state: "na" }, at: AT });
  const now = j(d.checklists["new-list"].items["new-item"]);
  assert.equal(now.state, "na");
  assert.equal(now.note, "from the 1:1"); // the note came along
  assert.equal(d.checklists["old-list"].items["old-item"].state, "done"); // nothing removed
});
