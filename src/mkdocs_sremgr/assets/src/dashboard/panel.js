// The dashboard's question panel: a group named by the question, its choices as buttons.
import { clear, h } from "../dom.js";

/**
 * Asks questions in `panel`. After a choice (or Escape, which cancels) the panel closes and
 * focus returns to the control in `controls` that opened it (else to `fallback`).
 * @param {HTMLElement} panel @param {Element} controls @param {HTMLElement} fallback @param {AbortSignal} signal
 */
export function questions(panel, controls, fallback, signal) {
  /** The control that opened the panel. @type {HTMLElement | null} */
  let opener = null;
  /** What Escape does while the panel is open (the panel's "cancel"). @type {(() => void) | null} */
  let onEscape = null;
  /** The focused element of the panel's document, or of the shadow root it is drawn in. */
  const focused = () => /** @type {Document | ShadowRoot} */ (panel.getRootNode()).activeElement;
  function hide() {
    const inside = panel.contains(focused());
    panel.hidden = true;
    clear(panel);
    onEscape = null;
    if (inside) (opener && opener.isConnected ? opener : fallback).focus();
  }
  panel.addEventListener("keydown", (/** @type {Event} */ e) => {
    if (/** @type {KeyboardEvent} */ (e).key !== "Escape" || panel.hidden) return;
    e.preventDefault();
    const cancel = onEscape;
    hide();
    if (cancel) cancel();
  }, { signal });
  return {
    /** @param {string} text @param {[string, () => void, string?][]} buttons @param {() => void} [cancel] */
    show(text, buttons, cancel) {
      clear(panel);
      panel.appendChild(h("p", { id: "sremgr-panel-question", text }));
      const active = /** @type {HTMLElement | null} */ (focused());
      if (active && controls.contains(active)) opener = active;
      for (const [label, act, cls] of buttons) {
        panel.appendChild(h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), text: label, on: () => { hide(); act(); } }));
      }
      onEscape = cancel || null;
      panel.hidden = false;
      /** @type {HTMLElement} */ (panel.querySelector("button") || panel).focus();
    },
  };
}
