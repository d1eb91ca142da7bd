// t(): a site's strings from its data script, plural forms by Intl.PluralRules in the strings'
// language, English from the built-in catalog for anything the site did not send.
import assert from "node:assert/strict";
import { test } from "node:test";

// What strings.fr.js sets before the bundle runs (strings.js reads it once, on load).
/** @type {any} */ (globalThis).window = {
  sremgrStrings: {
    lang: "fr",
    strings: { "x.items": { one: "{n} point", other: "{n} points" }, "item.confirm": "Confirmer" },
  },
};
const { plural, t } = await import("../../src/mkdocs_sremgr/assets/src/strings.js");
await import("./english.js");

test("plural forms follow the strings' language, not English", () => {
  assert.equal(t("x.items", { n: 0 }), "0 point"); // French: 0 takes the singular
  assert.equal(t("x.items", { n: 1 }), "1 point");
  assert.equal(t("x.items", { n: 2 }), "2 points");
  assert.equal(plural(1.5), "one");
});

test("the site's text wins; the rest is English; an unknown key shows as itself", () => {
  assert.equal(t("item.confirm"), "Confirmer");
  assert.equal(t("section.fallback"), "Section");
  assert.equal(t("no.such.key"), "no.such.key");
});

test("strings the dashboard's data script adds later are seen", () => {
  /** @type {any} */ (globalThis).window.sremgrStrings.strings["dash.close"] = "Clore le trimestre";
  assert.equal(t("dash.close"), "Clore le trimestre");
});

test("the dashboard's copy of the strings reads and extends the page's one catalog", async () => {
  // A second instance of the module, as the dashboard bundle carries: it starts with no catalog.
  const copy = await import("../../src/mkdocs_sremgr/assets/src/strings.js?dashboard-bundle");
  const page = await import("../../src/mkdocs_sremgr/assets/src/strings.js");
  assert.equal(copy.has("section.fallback"), false);
  copy.adopt(page.catalog);
  assert.equal(copy.t("section.fallback"), "Section");
  page.extend({ "notice.newer": "Saved by a newer version." }); // a rare notice's text, loaded later
  assert.equal(copy.t("notice.newer"), "Saved by a newer version.");
  copy.extend({ "dash.only": "Dashboard text" });
  assert.equal(page.t("dash.only"), "Dashboard text");
});
