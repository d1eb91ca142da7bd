// The former address of a renamed checklist: which fragment the new address gets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { carriedHash } from "../../src/mkdocs_sremgr/assets/src/redirect.js";

test("an item's or a section's anchor is renamed with its checklist", () => {
  assert.equal(carriedHash("#sremgr-alpha--two-item", "alpha", "alpha-habits"), "#sremgr-alpha-habits--two-item");
  assert.equal(carriedHash("#sremgr-alpha--old-two", "alpha", "alpha-habits"), "#sremgr-alpha-habits--old-two");
  assert.equal(carriedHash("#alpha--second", "alpha", "alpha-habits"), "#alpha-habits--second");
});

test("any other fragment is kept as it is, and so is no fragment", () => {
  assert.equal(carriedHash("#sremgr-progress", "alpha", "alpha-habits"), "#sremgr-progress");
  assert.equal(carriedHash("#alphabet--x", "alpha", "alpha-habits"), "#alphabet--x");
  assert.equal(carriedHash("#sremgr-alpha-habits--two-item", "alpha", "alpha-habits"), "#sremgr-alpha-habits--two-item");
  assert.equal(carriedHash("", "alpha", "alpha-habits"), "");
  assert.equal(carriedHash("#alpha--second", "", "alpha-habits"), "#alpha--second");
});
