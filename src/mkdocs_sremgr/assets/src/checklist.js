// One checklist on a page: binds its HTML (docs/design.md, "Rendered HTML") to the store.
import { button, drawBar, h, noticeArea, progressText } from "./dom.js";
import { fiscalStart, lastClosedBefore, periodOf, snapshotOf } from "./periods.js";
import { DONE, OPEN, checklistRecord, isDone, isSetAside, moved, stateOf } from "./records.js";
import { count, finish, findItem, tally } from "./score.js";
import { day, t } from "./strings.js";
import { stamp } from "./util.js";
import { MAX_NOTE } from "./validate.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {import("./score.js").Tally} Tally */
/** @typedef {{el: Element | null, scope: Element, count: number, points: number}} Section */
/**
 * @typedef {{id: string, aliases: string[], weight: number, fp: string, li: Element,
 *   input: HTMLInputElement | null, section: Section, tools: Element | null | undefined,
 *   shown: string, state: string, mark: Element | null, box: HTMLTextAreaElement | null}} Item
 */

/** Splits a space-separated attribute into ids. */
export function words(/** @type {string | null} */ text) {
  return text ? text.split(" ").filter(Boolean) : [];
}

/** A section's bar, and its totals were every item open, from two native queries rather than a
 * walk over its items: only weighted items carry `data-sremgr-weight`. @returns {Section} */
function sectionAt(/** @type {Element} */ scope, /** @type {Element | null} */ el) {
  const count = scope.querySelectorAll("li[data-sremgr-item]").length;
  let points = count;
  for (const li of scope.querySelectorAll("li[data-sremgr-weight]")) points += weightOf(li) - 1;
  return { el, scope, count, points };
}

function weightOf(/** @type {Element} */ li) {
  return parseFloat(li.getAttribute("data-sremgr-weight") || "") || 1;
}

function sectionTitle(/** @type {Element} */ field) {
  const legend = field.querySelector("legend");
  return legend ? legend.textContent || "" : t("section.fallback");
}

/** Fills in a bar the template drew (a custom template without one gets one drawn here, named
 * by `title()`, asked only then). */
function fill(/** @type {Element} */ el, /** @type {() => string} */ title, /** @type {import("./score.js").Tally} */ s) {
  drawBar(el, el.firstElementChild ? "" : t("progress.label", { title: title() }), s);
}

/** The item's buttons (one per set-aside state, and "Note"), looked up once, when first needed. */
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
  // The page's document, or the shadow root a host (Backstage's TechDocs reader) drew it into.
  const doc = /** @type {Document | ShadowRoot} */ (root.getRootNode());
  // Start-up does work for the items the reader has a record of, not for every item on the
  // page: an untouched item is already right in the HTML (open), and the sections' totals come
  // from the page. An item is read from the page the first time it is needed.
  /** @type {Map<Element, Section>} */
  const sections = new Map();
  for (const field of root.querySelectorAll("fieldset[data-sremgr-section]")) {
    sections.set(field, sectionAt(field, field.querySelector(".sremgr-progress")));
  }
  // A custom template without sections: the whole checklist is one, with no bar of its own.
  const whole = sections.size ? null : sectionAt(root, null);
  /** Old ids (aliases) → the items that took them over: few, so read at once. */
  /** @type {Map<string, Element[]>} */
  const byAlias = new Map();
  for (const li of root.querySelectorAll("li[data-sremgr-aliases]")) {
    for (const old of words(li.getAttribute("data-sremgr-aliases"))) byAlias.set(old, (byAlias.get(old) || []).concat(li));
  }
  /** @type {Map<Element, Item>} */
  const known = new Map();
  /** Items whose page differs from the HTML's open state: the ones a repaint may have to reset. */
  /** @type {Set<Item>} */
  const drawn = new Set();
  /** @returns {Item | null} */
  function itemAt(/** @type {Element} */ li) {
    let it = known.get(li);
    if (!it) {
      // In the template an item's section is two levels up (fieldset > ul > li).
      const up = li.parentElement?.parentElement;
      const field = up && sections.has(up) ? up : li.closest("fieldset[data-sremgr-section]");
      const section = whole ? root.contains(li) && whole : field && sections.get(field);
      if (!section) return null; // not one of this checklist's items (another copy's, say)
      let input = /** @type {HTMLInputElement | null} */ (li.firstElementChild);
      if (!input || !input.classList.contains("sremgr-check")) input = li.querySelector("input.sremgr-check");
      it = {
        id: li.getAttribute("data-sremgr-item") || "",
        aliases: words(li.getAttribute("data-sremgr-aliases")),
        weight: weightOf(li),
        fp: li.getAttribute("data-sremgr-fp") || "",
        li, input, section, tools: undefined, shown: OPEN, state: OPEN, mark: null, box: null,
      };
      known.set(li, it);
    }
    return it;
  }
  // An item by id: the template names each box `sremgr-<checklist>--<item>`, so the browser's id
  // index finds it. Where it does not (a record of a retired item, a custom template, the same
  // checklist twice on a page), one walk over the items, reading one attribute each, maps them.
  /** @type {Map<string, Element> | null} */
  let walked = null;
  function itemById(/** @type {string} */ id) {
    const li = doc.getElementById(`sremgr-${checklist.id}--${id}`)?.parentElement;
    const it = li && li.getAttribute("data-sremgr-item") === id ? itemAt(li) : null;
    if (it) return it;
    if (!walked) {
      walked = new Map();
      for (const el of root.querySelectorAll("li[data-sremgr-item]")) walked.set(el.getAttribute("data-sremgr-item") || "", el);
    }
    const found = walked.get(id);
    return found ? itemAt(found) : null;
  }
  const overall = root.querySelector(`.sremgr-progress[data-sremgr-progress="${checklist.id}"]`);
  const since = root.querySelector(".sremgr-since"); // the change since the last closed quarter
  const area = noticeArea(root, store);
  // "Last reviewed", and the answer to "Mark reviewed today" and "Reset" under the toolbar,
  // visible and spoken (role=status): empty elements of the template (a custom one may drop them).
  const reviewed = root.querySelector(".sremgr-reviewed");
  const answer = root.querySelector(".sremgr-feedback");
  const tell = (/** @type {string} */ text) => answer && (answer.textContent = text);

  /** Brings one item's DOM up to date with its record, writing only what changed: the
   *  HTML starts every item open, so untouched items cost one comparison. */
  function paintItem(/** @type {Item} */ it, /** @type {Record<string, any> | null} */ r, /** @type {string} */ st) {
    const stale = isDone(st) && r && typeof r.fp === "string" && r.fp && it.fp && r.fp !== it.fp;
    const note = r && typeof r.note === "string" ? r.note : "";
    const shown = st + (stale ? "!" : "") + note;
    if (shown === it.shown) return;
    const was = it.state;
    it.shown = shown;
    if (shown === OPEN) drawn.delete(it);
    else drawn.add(it);
    it.state = st;
    if (it.input && isDone(st) !== it.input.checked) it.input.checked = isDone(st);
    if (st !== was) {
      // The stylesheet draws each state by this attribute; a set-aside item's box is off, and
      // its state's button (named by the state it sets) is pressed.
      it.li.setAttribute("data-sremgr-state", st);
      if (it.input) it.input.disabled = isSetAside(st);
      for (const b of it.li.querySelectorAll("[aria-pressed]")) b.setAttribute("aria-pressed", String(b.getAttribute("data-sremgr-action") === st));
    }
    if (stale && !it.mark) {
      it.mark = h("span", { class: "sremgr-changed" }, [t("item.changed"), button(t("item.confirm"), "confirm")]);
      it.li.insertBefore(it.mark, toolsOf(it) || null);
    } else if (!stale && it.mark) {
      it.li.removeChild(it.mark);
      it.mark = null;
    }
    if (note && !it.box) noteBox(it);
    if (it.box && doc.activeElement !== it.box) it.box.value = note;
  }
  function noteBox(/** @type {Item} */ it) {
    const label = it.li.querySelector("label");
    const box = /** @type {HTMLTextAreaElement} */ (h("textarea", {
      class: "sremgr-note", maxlength: String(MAX_NOTE), rows: "2",
      "aria-label": t("note.label", { text: label ? label.textContent || "" : it.id }), placeholder: root.getAttribute("data-sremgr-note-placeholder"),
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
  let lastTimer = 0;
  function showLast(/** @type {Record<string, any> | null} */ c, /** @type {Record<string, any>[]} */ used) {
    const now = env.now();
    let last = c ? stamp(c.reviewed, now) : -Infinity;
    for (const r of used) if (r.changed) last = Math.max(last, stamp(r.changed, now));
    if (last === lastShown) return;
    lastShown = last;
    /** @type {Element} */ (reviewed).textContent = last > -Infinity ? t("reviewed.last", { day: day(last) }) : "";
  }
  /** Every section's tally with all its items open: a record then moves its item. */
  const open = (/** @type {Section} */ sec) => /** @type {Tally} */ ({ ...tally(), total: sec.count, tw: sec.points });
  /** One pass over the reader's records of this checklist, each looked up as its item would be
   * (under its id, else an alias), plus the items drawn earlier whose record has gone. */
  function paint() {
    const c = checklistRecord(store.data, checklist);
    const recs = c ? c.items : null;
    /** @type {Map<Section, Tally>} */
    const tallies = new Map();
    for (const sec of whole ? [whole] : sections.values()) tallies.set(sec, open(sec));
    /** @type {Record<string, any>[]} */
    const used = [];
    /** @type {Set<Item>} */
    const seen = new Set();
    const visit = (/** @type {Item | null} */ it) => {
      if (!it || seen.has(it)) return;
      const r = findItem(recs, it) || moved(store.data, it);
      if (!r) return; // drawn open below, if it was drawn before
      seen.add(it);
      used.push(r);
      const state = stateOf(r);
      const st = /** @type {Tally} */ (tallies.get(it.section));
      st.total--; // no longer counted as open…
      st.tw -= it.weight;
      count(st, it.weight, state); // …but as what its record says
      paintItem(it, r, state);
    };
    // The few items with former ids, whose record may be under one of them (in another
    // checklist's record, `old-checklist/old-item`, for an item moved here), then the rest.
    for (const lis of byAlias.values()) for (const li of lis) visit(itemAt(li));
    if (recs) for (const key of Object.keys(recs)) visit(itemById(key));
    for (const it of Array.from(drawn)) if (!seen.has(it)) paintItem(it, null, OPEN);
    const total = tally();
    for (const [sec, st] of tallies) {
      for (const k of /** @type {const} */ (["done", "total", "w", "tw", "aside"])) total[k] += st[k];
      if (sec.el) fill(sec.el, () => sectionTitle(sec.scope), finish(st));
    }
    finish(total);
    if (overall) fill(overall, () => title, total);
    // "Last reviewed" (the latest change or review) after start-up: it parses every record's
    // date, and the page's first Intl date formatter costs more than the whole start-up.
    if (reviewed) {
      clearTimeout(lastTimer);
      lastTimer = setTimeout(() => showLast(c, used));
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
    return (li && root.contains(li) && itemAt(li)) || undefined;
  }
  const at = () => new Date(env.now()).toISOString();
  /** @param {Item} it @param {import("./records.js").ItemPatch} patch */
  const change = (it, patch) => store.apply({ kind: "item", checklist, item: it, patch, at: at() });

  root.addEventListener("change", (e) => {
    const target = /** @type {HTMLInputElement} */ (e.target);
    const it = target.classList.contains("sremgr-check") && itemOf(target);
    if (!it) return;
    const saved = change(it, { state: target.checked ? DONE : OPEN, fp: it.fp });
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
    if (action && isSetAside(action) && it) {
      // A set-aside state's button (the template draws one per state of rules.py's table that
      // is not scored) sets it, or, pressed again, opens the item again.
      const r = findItem(checklistRecord(store.data, checklist)?.items, it) || moved(store.data, it);
      changed(change(it, { state: stateOf(r) === action ? OPEN : action, fp: it.fp }));
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
      // The question is the template's (translated there), with the checklist's title in it.
      if (!window.confirm(btn.getAttribute("data-sremgr-confirm") || title)) return;
      if (!store.backupCurrent()) return store.notice("full", "notice.noBackup"); // shown at the top
      const ok = store.apply({ kind: "reset-checklist", checklist });
      changed(ok);
      tell(ok ? t("reset.done") : t("reviewed.failed"));
    }
  });
  // Until this class is set, the stylesheet hides the boxes and the buttons, and one line says
  // ticking needs JavaScript: without this script nothing pretends to work.
  for (const nojs of root.querySelectorAll(".sremgr-nojs")) nojs.remove();
  root.classList.add("sremgr-js");
  return { paint, notices: area.render };
}
