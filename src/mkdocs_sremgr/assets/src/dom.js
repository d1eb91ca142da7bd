// DOM helpers shared by the checklist and the dashboard. Text only ever goes in as text.
import { has, t } from "./strings.js";

/** @typedef {import("./store.js").Store} Store */

/**
 * Builds an element; `text` becomes its text content, `on` a click listener.
 * @param {string} tag
 * @param {Record<string, string | number | null | undefined | ((e: Event) => void)>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} [kids]
 */
export function h(tag, attrs = {}, kids = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "on") el.addEventListener("click", /** @type {(e: Event) => void} */ (v));
    else el.setAttribute(k, String(v));
  }
  for (const c of kids) if (c) el.append(c);
  return el;
}

export function button(/** @type {string} */ label, /** @type {string} */ action, /** @type {string} */ cls = "") {
  return h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), "data-sremgr-action": action, text: label });
}

/** Removes every child of `el`. */
export function clear(/** @type {Element} */ el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** "3 of 5 points · 60%" when weights count (some item in play is worth more or less than 1
 *  point), "2 of 4 done · 50%" when every item is worth 1: the count always matches the percent.
 *  Items set aside are left out of both, and the text says how many (" · 2 set aside"); when
 *  every item is set aside, no percentage at all ("nothing scored this quarter"). */
export function progressText(/** @type {{done: number, total: number, pct: number, w?: number, tw?: number, aside?: number}} */ s) {
  const n = s.aside;
  return t(!s.total && n ? "progress.none" : s.tw != null && s.tw !== s.total ? "progress.points" : "progress.text", /** @type {Record<string, number>} */ (s)) + (n ? t("progress.aside", { n }) : "");
}

/** Draws (or updates) a progress bar inside `el`. */
export function drawBar(/** @type {Element} */ el, /** @type {string} */ label, /** @type {{done: number, total: number, pct: number, w?: number, tw?: number, aside?: number}} */ s, /** @type {string} */ own = "") {
  let bar = /** @type {HTMLElement | null} */ (el.firstElementChild);
  if (!bar) {
    bar = h("div", { class: "sremgr-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-label": label }, [
      h("span", { class: "sremgr-fill" }),
    ]);
    el.append(bar, h("span", { class: "sremgr-bar-text" }));
  }
  const text = own || progressText(s);
  bar.setAttribute("aria-valuenow", String(s.pct));
  bar.setAttribute("aria-valuetext", text);
  /** @type {HTMLElement} */ (bar.firstElementChild).style.width = s.pct + "%";
  /** @type {Element} */ (el.lastElementChild).textContent = text;
}

/** A notice box at the top of `root` (the store's notices) and a polite live region. */
export function noticeArea(/** @type {Element} */ root, /** @type {Store} */ store) {
  const box = h("div", { class: "sremgr-notices", role: "status" });
  const live = h("div", { class: "sremgr-live", "aria-live": "polite" });
  root.insertBefore(box, root.firstChild);
  root.append(live);
  let shown = "";
  return {
    render() {
      // A rare notice's English text may still be on its way (sremgr-notices.js): it shows
      // once it is there, never as its key.
      const ids = Object.keys(store.notices).filter((id) => has(store.notices[id].key));
      const next = ids.map((id) => id + "\u0000" + store.notices[id].key + JSON.stringify(store.notices[id].params || {})).join("\u0001");
      if (next === shown) return;
      shown = next;
      clear(box);
      for (const id of ids) {
        const n = store.notices[id];
        box.append(h("p", { class: "sremgr-notice", "data-sremgr-notice": id, text: t(n.key, n.params) }));
      }
    },
    say(/** @type {string} */ text) {
      live.textContent = text;
    },
  };
}

