// One checklist on a page: binds its HTML (docs/design.md, "Rendered HTML") to the store.
import { button, drawBar, h, noticeArea, progressText } from "./dom.js";
import { fiscalStart, lastClosedBefore, periodOf, snapshotOf } from "./periods.js";
import { checklistRecord, stateOf } from "./records.js";
import { count, finish, findItem, tally } from "./score.js";
import { day, t } from "./strings.js";
import { stamp } from "./util.js";
import { MAX_NOTE } from "./validate.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {import("./score.js").Tally} Tally */
/** @typedef {{el: Element | null, label: string}} Section */
/**
 * @typedef {{id: string, aliases: string[], weight: number, fp: string, li: Element,
 *   input: HTMLInputElement | null, section: Section | null, tools: Element | null | undefined,
 *   shown: string, state: string, mark: Element | null, box: HTMLTextAreaElement | null}} Item
 */

/** Splits a space-separated attribute into ids. */
export function words(/** @type {string | null} */ text) {
  return text ? text.split(" ").filter(Boolean) : [];
}

function readItems(/** @type {Element} */ scope, /** @type {Section | null} */ section) {
  /** @type {Item[]} */
  const out = [];
  for (const li of Array.from(scope.querySelectorAll("li[data-sremgr-item]"))) {
    let input = /** @type {HTMLInputElement | null} */ (li.firstElementChild);
    if (!input || !input.classList.contains("sremgr-check")) input = li.querySelector("input.sremgr-check");
    out.push({
      id: li.getAttribute("data-sremgr-item") || "",
      aliases: words(li.getAttribute("data-sremgr-aliases")),
      weight: parseFloat(li.getAttribute("data-sremgr-weight") || "") || 1,
      fp: li.getAttribute("data-sremgr-fp") || "",
      li, input, section, tools: undefined, shown: "open", state: "open", mark: null, box: null,
    });
  }
  return out;
}

/** The item's "Not for me" and "Note" buttons, looked up once, when first needed. */
function toolsOf(/** @type {Item} */ it) {
  if (it.tools === undefined) {
    const next = it.input && it.input.nextElementSibling && it.input.nextElementSibling.nextElementSibling;
    it.tools = next && next.classList.contains("sremgr-tools") ? next : it.li.querySelector(".sremgr-tools");
  }
  return it.tools;
}
function toolButton(/** @type {Item} */ it, /** @type {string} */ action) {
  const tools = toolsOf(it);
  return tools && tools.querySelector(`[data-sremgr-action="${action}"]`);
}

/**
 * Binds one checklist root to the store; returns its view (paint on every store change).
 * @param {Element} root
 * @param {Store} store
 * @param {{askPersistence: () => void, now: () => number}} env
 */
export function bindChecklist(root, store, env) {
  const checklist = { id: root.getAttribute("data-sremgr-checklist") || "", aliases: words(root.getAttribute("data-sremgr-checklist-aliases")) };
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const title = root.getAttribute("data-sremgr-title") || checklist.id;
  /** @type {Item[]} */
  let items = [];
  for (const field of Array.from(root.querySelectorAll("fieldset[data-sremgr-section]"))) {
    const legend = field.querySelector("legend");
    const sec = { el: field.querySelector(".sremgr-progress"), label: t("progress.label", { title: legend ? legend.textContent || "" : t("section.fallback") }) };
    items = items.concat(readItems(field, sec));
  }
  if (!items.length) items = readItems(root, null); // a custom template without sections
  /** @type {Map<string, Item>} */
  const byId = new Map(items.map((it) => [it.id, it]));
  const overall = root.querySelector(`.sremgr-progress[data-sremgr-progress="${checklist.id}"]`);
  const since = overall && h("p", { class: "sremgr-since" });
  if (overall && since && overall.parentNode) overall.parentNode.insertBefore(since, overall.nextSibling);
  const area = noticeArea(root, store);
  // "Last reviewed", and the answer to "Mark reviewed today" and "Reset" under the toolbar,
  // visible and spoken (role=status): empty elements of the template (a custom one may drop them).
  const reviewed = root.querySelector(".sremgr-reviewed");
  const answer = root.querySelector(".sremgr-feedback");
  const tell = (/** @type {string} */ text) => answer && (answer.textContent = text);

  /** Brings one item's DOM up to date with its record, writing only what changed: the
   *  HTML starts every item open, so untouched items cost one comparison. */
  function paintItem(/** @type {Item} */ it, /** @type {Record<string, any> | null} */ r, /** @type {string} */ st) {
    const stale = st === "done" && r && typeof r.fp === "string" && r.fp && it.fp && r.fp !== it.fp;
    const note = r && typeof r.note === "string" ? r.note : "";
    const shown = st + (stale ? "!" : "") + note;
    if (shown === it.shown) return;
    const was = it.state;
    it.shown = shown;
    it.state = st;
    if (it.input && (st === "done") !== it.input.checked) it.input.checked = st === "done";
    if ((st === "na") !== (was === "na")) {
      if (it.input) it.input.disabled = st === "na";
      it.li.classList.toggle("sremgr-is-na", st === "na");
      const na = toolButton(it, "na");
      if (na) na.setAttribute("aria-pressed", st === "na" ? "true" : "false");
    }
    if (stale && !it.mark) {
      it.mark = h("span", { class: "sremgr-changed" }, [t("item.changed"), button(t("item.confirm"), "confirm")]);
      it.li.insertBefore(it.mark, toolsOf(it) || null);
    } else if (!stale && it.mark) {
      it.li.removeChild(it.mark);
      it.mark = null;
    }
    if (note && !it.box) noteBox(it);
    if (it.box && document.activeElement !== it.box) it.box.value = note;
  }
  function noteBox(/** @type {Item} */ it) {
    const label = it.li.querySelector("label");
    const box = /** @type {HTMLTextAreaElement} */ (h("textarea", {
      class: "sremgr-note", maxlength: String(MAX_NOTE), rows: "2",
      "aria-label": t("note.label", { text: label ? label.textContent || "" : it.id }), placeholder: t("note.placeholder"),
    }));
    it.box = box;
    const tools = toolsOf(it);
    it.li.insertBefore(box, tools ? tools.nextSibling : null);
    const toggle = toolButton(it, "note");
    if (toggle) toggle.setAttribute("aria-expanded", "true");
    return box;
  }
  function closeNote(/** @type {Item} */ it) {
    if (it.box) it.li.removeChild(it.box);
    it.box = null;
    const toggle = toolButton(it, "note");
    if (toggle) toggle.setAttribute("aria-expanded", "false");
  }

  let lastShown = NaN;
  /** One pass over the items: each record is looked up once for the item, its section and the total. */
  function paint() {
    const c = checklistRecord(store.data, checklist);
    const recs = c ? c.items : null;
    const total = tally();
    /** @type {Section | null} */
    let sec = null;
    /** @type {Tally | null} */
    let st = null;
    let last = c ? stamp(c.reviewed, env.now()) : -Infinity;
    for (const it of items) {
      const r = recs ? findItem(recs, it) : null;
      if (r && r.changed) last = Math.max(last, stamp(r.changed, env.now()));
      const state = stateOf(r);
      if (it.section !== sec) {
        if (sec && sec.el && st) drawBar(sec.el, sec.label, finish(st));
        sec = it.section;
        st = tally();
      }
      count(total, it.weight, state);
      if (st) count(st, it.weight, state);
      if (r || it.shown !== "open") paintItem(it, r, state);
    }
    if (sec && sec.el && st) drawBar(sec.el, sec.label, finish(st));
    finish(total);
    if (overall) drawBar(overall, t("progress.label", { title }), total);
    if (reviewed && last !== lastShown) {
      lastShown = last;
      // After start-up: the page's first Intl date formatter costs more than the whole start-up.
      setTimeout(() => (/** @type {Element} */ (reviewed).textContent = lastShown > -Infinity ? t("reviewed.last", { day: day(lastShown) }) : ""));
    }
    if (since) {
      const prev = lastClosedBefore(store.data, periodOf(new Date(env.now()), fys));
      since.textContent = prev ? sinceText(total, prev) : "";
    }
    area.render();
    return total;
  }
  function sinceText(/** @type {Tally} */ current, /** @type {string} */ period) {
    const snap = snapshotOf(store.data, period, checklist.id);
    if (!snap || !Array.isArray(snap.done)) return "";
    const d = current.done - snap.done.length;
    return d > 0 ? t("since.up", { n: d, period }) : d < 0 ? t("since.down", { n: -d, period }) : t("since.same", { period });
  }
  function changed(/** @type {boolean} */ saved) {
    const s = paint();
    area.say(`${title}: ${progressText(s)}${saved ? "" : t("progress.notSaved")}`);
  }
  function itemOf(/** @type {Element} */ el) {
    const li = el.closest("li[data-sremgr-item]");
    return li ? byId.get(li.getAttribute("data-sremgr-item") || "") : undefined;
  }
  const at = () => new Date(env.now()).toISOString();
  /** @param {Item} it @param {import("./records.js").ItemPatch} patch */
  const change = (it, patch) => store.apply({ kind: "item", checklist, item: it, patch, at: at() });

  root.addEventListener("change", (e) => {
    const target = /** @type {HTMLInputElement} */ (e.target);
    const it = target.classList.contains("sremgr-check") && itemOf(target);
    if (!it) return;
    const saved = change(it, { state: target.checked ? "done" : "open", fp: it.fp });
    if (target.checked) env.askPersistence();
    changed(saved);
  });
  root.addEventListener("input", (e) => {
    const target = /** @type {HTMLTextAreaElement} */ (e.target);
    const it = target.classList.contains("sremgr-note") && itemOf(target);
    if (it) change(it, { note: target.value.slice(0, MAX_NOTE) });
  });
  root.addEventListener("click", (e) => {
    const btn = /** @type {Element} */ (e.target).closest("[data-sremgr-action]");
    if (!btn || !root.contains(btn)) return;
    const action = btn.getAttribute("data-sremgr-action");
    const it = itemOf(btn);
    if (action === "na" && it) {
      const r = findItem(checklistRecord(store.data, checklist)?.items, it);
      changed(change(it, { state: stateOf(r) === "na" ? "open" : "na", fp: it.fp }));
    } else if (action === "confirm" && it) {
      changed(change(it, { fp: it.fp }));
      if (it.input) it.input.focus();
    } else if (action === "note" && it) {
      if (!it.box) noteBox(it).focus();
      else if (!it.box.value) closeNote(it);
      else it.box.focus();
    } else if (action === "reviewed") {
      const ok = store.apply({ kind: "reviewed", checklist, at: at() });
      tell(ok ? t("reviewed.ok") : t("reviewed.failed"));
    } else if (action === "reset") {
      if (!window.confirm(t("reset.confirm", { title }))) return;
      if (!store.backupCurrent()) return store.notice("full", "notice.noBackup"); // shown at the top
      const ok = store.apply({ kind: "reset-checklist", checklist });
      changed(ok);
      tell(ok ? t("reset.done") : t("reviewed.failed"));
    }
  });
  // The HTML renders each section as a disabled fieldset (and says ticking needs JavaScript),
  // so without this script no box pretends to work.
  for (const field of Array.from(root.querySelectorAll("fieldset[data-sremgr-section][disabled]"))) field.removeAttribute("disabled");
  for (const nojs of Array.from(root.querySelectorAll(".sremgr-nojs"))) nojs.remove();
  root.classList.add("sremgr-js");
  return { paint, notices: area.render };
}
