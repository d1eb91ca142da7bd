// The team view on the dashboard: answer files (picked or dropped) and pasted codes go in, only
// the quarter's aggregate is kept (data.pulse[quarter]), and what teamview.js allows is drawn.
// Nothing from a file reaches the page but as text; a refused one changes nothing.
import { button, clear, h } from "../dom.js";
import { t } from "../strings.js";
import { MAX_CHARS } from "../pulse/answers.js";
import { quarterPulse, keepPulse } from "../pulse/stored.js";
import { addInputs, contextOf, splitCodes, startingAggregate, teamView } from "./teamview.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("./teamview.js").ManifestPulse} ManifestPulse */

/**
 * Adds the team section after `after` and returns its paint; it draws nothing while the
 * handbook has no pulse.
 * `link` turns a URL from the site's root into one for this page.
 * @param {Element} after @param {{store: Store, period: () => string, now: () => number, signal: AbortSignal, link: (url: string) => string}} host
 */
export function teamSection(after, { store, period, now, signal, link }) {
  const section = h("section", { class: "sremgr-team", "aria-labelledby": "sremgr-team-pulse", hidden: "" });
  after.after(section);
  const picker = /** @type {HTMLInputElement} */ (h("input", { type: "file", multiple: "", accept: ".json,application/json", class: "sremgr-team-file", "aria-label": t("dash.pulse.pickerLabel"), tabindex: "-1" }));
  const codes = /** @type {HTMLTextAreaElement} */ (h("textarea", { class: "sremgr-team-codes", rows: "3", id: "sremgr-team-codes", spellcheck: "false", autocomplete: "off" }));
  const answer = h("div", { class: "sremgr-feedback", role: "status" });
  const drop = h("div", { class: "sremgr-team-drop" }, [
    h("div", { class: "sremgr-toolbar" }, [button(t("dash.pulse.addFiles"), "pulse-files")]),
    h("p", { class: "sremgr-quiet", text: t("dash.pulse.drop") }),
    h("label", { for: "sremgr-team-codes", text: t("dash.pulse.codesLabel") }),
    codes,
    h("div", { class: "sremgr-toolbar" }, [button(t("dash.pulse.addCodes"), "pulse-codes")]),
    picker,
  ]);
  const results = h("div", { class: "sremgr-team-results" });
  /** @type {{m: Manifest, pulse: ManifestPulse} | null} */
  let ctx = null;

  /** Says what happened: how many were added, and each refusal with its reason (as text). */
  function report(/** @type {number} */ added, /** @type {{name: string, why: string, detail: string}[]} */ refused, /** @type {string} */ extra = "") {
    clear(answer);
    answer.classList.toggle("sremgr-feedback-bad", refused.length > 0 || !!extra);
    if (added) answer.appendChild(h("p", { text: t("dash.pulse.added", { n: added }) }));
    if (extra) answer.appendChild(h("p", { text: extra }));
    for (const r of refused) {
      const text = t("dash.pulse.refused", { why: t(r.why, { key: r.detail }) });
      answer.appendChild(h("p", { text: r.name ? t("dash.pulse.named", { name: r.name, text }) : text }));
    }
  }

  /** Checks and adds the inputs to the quarter's aggregate in one write; nothing is written
   * when none is added. A damaged aggregate is kept as a backup (the whole record) first. */
  function add(/** @type {{name: string, text: string}[]} */ inputs) {
    if (!ctx) return;
    if (!inputs.length) return report(0, [], t("dash.pulse.nothingGiven"));
    if (store.mode === "newer") return report(0, [], t("dash.newer"));
    const { m, pulse } = ctx;
    const q = period();
    const handbook = m.storage_key;
    const check = contextOf(pulse, handbook, q);
    let result = addInputs(startingAggregate(store.data, handbook, q), inputs, check);
    if (result.added) {
      const damaged = "bad" in quarterPulse(store.data, handbook, q);
      if (damaged && !store.backupCurrent()) return report(0, [], t("dash.noBackupReplace"));
      // Added again to a fresh read inside the write, so another tab's answers are not lost.
      const saved = store.apply({ kind: "transform", run: (d) => {
        result = addInputs(startingAggregate(d, handbook, q), inputs, check);
        return result.added ? keepPulse(d, result.agg) : d;
      } });
      if (!saved) return report(0, [], t("dash.mergedNotSaved"));
    }
    report(result.added, result.refused);
  }

  section.addEventListener("click", (e) => {
    const btn = /** @type {Element} */ (e.target).closest("[data-sremgr-action]");
    const a = btn && btn.getAttribute("data-sremgr-action");
    if (a === "pulse-files") picker.click();
    else if (a === "pulse-codes") {
      const given = splitCodes(codes.value);
      add(given.map((text, i) => ({ name: given.length > 1 ? String(i + 1) : "", text })));
      if (given.length) codes.value = "";
    }
  }, { signal });
  picker.addEventListener("change", () => {
    readFiles(Array.from(picker.files || []));
    picker.value = "";
  }, { signal });
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("sremgr-team-over");
  }, { signal });
  drop.addEventListener("dragleave", () => drop.classList.remove("sremgr-team-over"), { signal });
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("sremgr-team-over");
    const dt = /** @type {DragEvent} */ (e).dataTransfer;
    readFiles(Array.from((dt && dt.files) || []));
  }, { signal });

  /** Each file's text (a file far larger than an answer file is refused unread). */
  function readFiles(/** @type {File[]} */ files) {
    if (!files.length) return;
    Promise.all(files.map((f) => (f.size > MAX_CHARS * 4 ? Promise.resolve("x".repeat(MAX_CHARS + 1)) : f.text().catch(() => "")).then((text) => ({ name: f.name, text }))))
      .then(add);
  }

  return {
    /** Draws the section for the manifest `m` (nothing when the handbook has no pulse) and
     * returns the printed quarter on a page's part: nothing until an answer was added this
     * quarter, then the same threshold as the screen and the team's view per lesson. */
    paint(/** @type {Manifest & {pulse?: ManifestPulse | null}} */ m) {
      const pulse = m.pulse || null;
      section.hidden = !pulse;
      if (!pulse) return null;
      ctx = { m, pulse };
      if (!section.firstChild) {
        section.append(
          h("h2", { id: "sremgr-team-pulse", text: pulse.title || t("dash.pulse.title") }),
          h("p", { class: "sremgr-quiet sremgr-team-help" }),
          h("p", { class: "sremgr-team-ask" }, [t("dash.pulse.ask") + " ", h("a", { href: link(pulse.url), text: pulse.title || t("dash.pulse.title") })]),
          drop, answer, results,
        );
      }
      const q = period();
      /** @type {Element} */ (section.querySelector(".sremgr-team-help")).textContent = t("dash.pulse.help", { period: q });
      const view = teamView({ data: store.data, manifest: m, pulse, handbook: m.storage_key, quarter: q, now: now() });
      drawResults(results, view);
      const kept = quarterPulse(store.data, m.storage_key, q);
      return "agg" in kept && kept.agg.answers ? sheetTeam(view, pulse.title || t("dash.pulse.title")) : null;
    },
  };
}

/** The quarter on a page's team part: a line, and from the threshold on a column per lesson.
 * @returns {import("./sheet.js").SheetTeam | null} */
function sheetTeam(/** @type {import("./teamview.js").TeamView} */ v, /** @type {string} */ title) {
  if ("bad" in v) return null;
  const line = t("dash.pulse.named", { name: title, text: v.text });
  if ("needed" in v) return { line };
  return { line, head: t("dash.pulse.team"), cells: Object.fromEntries(v.lessons.map((l) => [l.id, l.team])) };
}

/** The figures, or only how many more answers are needed, or why the kept ones are not shown. */
function drawResults(/** @type {Element} */ el, /** @type {import("./teamview.js").TeamView} */ v) {
  clear(el);
  if ("bad" in v) {
    el.appendChild(h("p", { class: "sremgr-notice", "data-sremgr-team": "bad", text: v.bad }));
    return;
  }
  if ("needed" in v) {
    el.appendChild(h("p", { class: "sremgr-team-needed", "data-sremgr-team": "needed", "data-sremgr-needed": String(v.needed), text: v.text }));
    return;
  }
  el.appendChild(h("p", { "data-sremgr-team": "shown", "data-sremgr-answers": String(v.answers), text: v.text }));
  el.appendChild(h("h3", { text: t("dash.pulse.lessonsCaption") }));
  el.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.pulse.lessonsHelp") }));
  const table = h("table", { class: "sremgr-table sremgr-team-lessons" }, [
    h("thead", {}, [h("tr", {}, [h("th", { scope: "col", text: t("dash.lesson") }), h("th", { scope: "col", text: t("dash.pulse.team") }), h("th", { scope: "col", text: t("dash.pulse.yours") })])]),
    h("tbody", {}, v.lessons.map((l) => h("tr", { "data-sremgr-lesson": l.id }, [
      h("th", { scope: "row", text: l.title }),
      h("td", { "data-sremgr-team-pct": l.teamPct === null ? "" : String(l.teamPct) }, [gap(l.teamPct), l.team]),
      h("td", { "data-sremgr-yours-pct": String(l.yoursPct) }, [gap(l.yoursPct), l.yours]),
    ]))),
  ]);
  el.appendChild(table);
  el.appendChild(h("h3", { text: t("dash.pulse.statementsCaption") }));
  el.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.pulse.scaleHelp") }));
  el.appendChild(h("ul", { class: "sremgr-team-statements" }, v.statements.map((s) => {
    if ("needed" in s) return h("li", { "data-sremgr-statement": s.id }, [h("span", { class: "sremgr-team-text", text: s.text }), h("span", { class: "sremgr-quiet", text: s.needed })]);
    const bar = h("span", { class: "sremgr-team-spread", "aria-hidden": "true" }, s.shares.map((share, i) => sized(h("span", { class: `sremgr-team-v${i + 1}` }), share * 100)));
    return h("li", { "data-sremgr-statement": s.id }, [
      h("span", { class: "sremgr-team-text", text: s.text }),
      bar,
      h("span", { class: "sremgr-team-figures", text: `${s.median} · ${s.answers} · ${s.spread}` }),
    ]);
  })));
}

/** A small bar for a 0–100 figure beside its text (hidden from screen readers: the text says it). */
function gap(/** @type {number | null} */ pct) {
  return h("span", { class: "sremgr-team-bar", "aria-hidden": "true" }, [sized(h("span"), pct === null ? 0 : pct)]);
}

/** `el` with its width set through the CSSOM (a style attribute would break a strict CSP). */
function sized(/** @type {HTMLElement} */ el, /** @type {number} */ pct) {
  el.style.width = pct.toFixed(1) + "%";
  return el;
}
