// mkdocs-sremgr's team pulse page (sremgr-pulse.js): binds the form the template drew (one
// fieldset of radio buttons per statement) to a draft kept in this browser, and sends it as an
// anonymous answer file or a short code (docs/pulse.md). Loaded only on the pulse page, never
// part of sremgr.js. No network: the file is a download made here, the code goes to the
// clipboard or is shown to copy by hand. Text only ever goes into the page as text.
import { h } from "../dom.js";
import { fiscalStart, periodOf } from "../periods.js";
import { catalog, extend, given, t } from "../strings.js";
import { answerFile, encodeCode, isValue, makeAnswers, randomId } from "./answers.js";
import { draftKey, emptyDraft, readDraft, removeDraft, valuesOf, withAnswer, writeDraft } from "./draft.js";
import { EN_PULSE } from "./strings.generated.js";

/** @typedef {import("./answers.js").Statement} Statement */
/** @typedef {import("./draft.js").Draft} Draft */

catalog.c = { ...EN_PULSE, ...catalog.c };

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const assetBase = script ? script.src : location.href;

function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A value as the radio buttons carry it ("1"–"5", "dk") read back onto the scale. */
function valueOf(/** @type {string} */ text) {
  const v = text === "dk" ? "dk" : Number(text);
  return isValue(v) ? v : null;
}

/** Binds one pulse form. */
function bind(/** @type {HTMLElement} */ root) {
  root.setAttribute("data-sremgr-pulse-bound", "");
  const handbook = root.getAttribute("data-sremgr-storage-key") || "";
  const quarter = periodOf(new Date(), fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start")));
  const fields = Array.from(root.querySelectorAll("fieldset[data-sremgr-statement]"));
  /** @type {Statement[]} */
  const statements = fields.map((f) => ({ id: f.getAttribute("data-sremgr-statement") || "", fp: f.getAttribute("data-sremgr-fp") || "" }));
  const byId = new Map(statements.map((s, i) => [s.id, { s, field: fields[i] }]));
  const storage = localStore();
  const key = draftKey(handbook);
  let draft = readDraft(storage, key, quarter, statements);
  let kept = true;

  // The template's parts (docs/design.md, "The pulse page"); a custom template without one
  // gets it made here.
  const status = root.querySelector(".sremgr-feedback") || h("p", { class: "sremgr-feedback", role: "status" });
  const send = root.querySelector(".sremgr-pulse-send") || root.lastElementChild || root;
  if (!status.parentNode) send.after(status);
  let codeWrap = /** @type {HTMLElement | null} */ (root.querySelector(".sremgr-pulse-code"));
  if (!codeWrap) {
    codeWrap = h("p", { class: "sremgr-pulse-code", hidden: "" }, [h("textarea", { class: "sremgr-pulse-code-text", rows: "3", readonly: "", "aria-label": t("pulse.js.codeLabel") })]);
    status.after(codeWrap);
  }
  const codeBox = /** @type {HTMLTextAreaElement} */ (codeWrap.querySelector("textarea"));
  const sentBox = h("div", { class: "sremgr-pulse-sent", role: "group", "aria-label": t("pulse.js.sentLabel"), hidden: "" }, [
    h("p", { "data-sremgr-pulse-sent-text": "" }),
    h("button", { type: "button", class: "sremgr-btn", "data-sremgr-action": "start-over", text: t("pulse.js.startOver") }),
  ]);
  codeWrap.after(sentBox);
  const quarterText = root.querySelector(".sremgr-pulse-quarter");
  if (quarterText) quarterText.textContent = t("pulse.js.quarter", { period: quarter });

  function save() {
    kept = writeDraft(storage, key, draft);
  }

  function say(/** @type {string} */ text, ok = true) {
    status.textContent = text;
    status.classList.toggle("sremgr-feedback-bad", !ok);
  }

  /** The radio buttons show the draft; once sent they are locked until the reader starts over. */
  function paint() {
    for (const [id, { field }] of byId) {
      const a = draft.answers[id];
      for (const input of Array.from(field.querySelectorAll("input[type=radio]"))) {
        const r = /** @type {HTMLInputElement} */ (input);
        r.checked = !!a && valueOf(r.value) === a.value;
      }
      /** @type {HTMLFieldSetElement} */ (field).disabled = !!draft.sent;
    }
    const sent = !!draft.sent;
    root.toggleAttribute("data-sremgr-pulse-sent", sent);
    sentBox.hidden = !sent;
    /** @type {Element} */ (sentBox.firstElementChild).textContent = sent ? t(draft.sent === "code" ? "pulse.js.sentCode" : "pulse.js.sentFile") : "";
  }

  function progress() {
    const n = Object.keys(draft.answers).length;
    say(t("pulse.js.answered", { n, total: statements.length }) + " " + t(kept ? "pulse.js.kept" : "pulse.js.notKept"), kept);
  }

  /** The answers to send, drawing the random id once: the same answers sent twice are one answer. */
  function answers() {
    if (!draft.random) draft = { ...draft, random: randomId() };
    return makeAnswers({ handbook, quarter, statements, values: valuesOf(draft), random: draft.random });
  }

  function sent(/** @type {string} */ how) {
    draft = { ...draft, sent: how };
    save();
    paint();
  }

  function download() {
    if (!Object.keys(draft.answers).length) return say(t("pulse.js.nothing"), false);
    const name = `team-pulse-${quarter}.json`;
    const url = URL.createObjectURL(new Blob([answerFile(answers())], { type: "application/json" }));
    const a = h("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    sent("file");
    say(t("pulse.js.downloaded", { name }));
  }

  function copyCode() {
    if (!Object.keys(draft.answers).length) return say(t("pulse.js.nothing"), false);
    const code = encodeCode(answers());
    sent("code");
    codeBox.value = code;
    /** @type {HTMLElement} */ (codeWrap).hidden = false;
    const byHand = () => {
      codeBox.focus();
      codeBox.select();
      say(t("pulse.js.copyThis"), false);
    };
    const clip = navigator.clipboard;
    if (clip && clip.writeText) clip.writeText(code).then(() => say(t("pulse.js.copied")), byHand);
    else byHand();
  }

  function startOver() {
    if (!window.confirm(t("pulse.js.startOverAsk"))) return;
    draft = emptyDraft(quarter);
    kept = removeDraft(storage, key) && kept;
    codeBox.value = "";
    /** @type {HTMLElement} */ (codeWrap).hidden = true;
    paint();
    say(t("pulse.js.cleared"));
    const first = root.querySelector("fieldset[data-sremgr-statement] input[type=radio]");
    if (first) /** @type {HTMLElement} */ (first).focus();
  }

  root.addEventListener("change", (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    if (!input || input.type !== "radio" || draft.sent) return;
    const field = input.closest("fieldset[data-sremgr-statement]");
    const entry = field && byId.get(field.getAttribute("data-sremgr-statement") || "");
    if (!entry) return;
    draft = withAnswer(draft, entry.s, valueOf(input.value));
    save();
    progress();
  });
  root.addEventListener("click", (e) => {
    const btn = /** @type {Element} */ (e.target).closest("[data-sremgr-action]");
    if (!btn || !root.contains(btn)) return;
    const a = btn.getAttribute("data-sremgr-action");
    if (a === "download") download();
    else if (a === "copy-code") copyCode();
    else if (a === "start-over") startOver();
  });
  // The form has no server to go to: Enter in it must not reload the page and lose nothing.
  root.addEventListener("submit", (e) => e.preventDefault());

  paint();
  if (Object.keys(draft.answers).length) progress();
  root.classList.add("sremgr-js");
  // Not data-sremgr-ready: sremgr.js sets that on every .sremgr root, this one included.
  root.setAttribute("data-sremgr-pulse-ready", "");
}

/**
 * A translated site's strings: its data script (strings.<lang>.js) sets window.sremgrStrings and
 * names a second one with the pulse script's strings, which is added here. Read when binding,
 * not when this file runs: the theme may list the site's scripts after the page's content,
 * where this file's <script> is. Should they fail to load, the page speaks English.
 * @returns {Promise<unknown>}
 */
let strings = /** @type {Promise<unknown> | null} */ (null);
function pulseStrings() {
  if (strings) return strings;
  const site = /** @type {any} */ (window).sremgrStrings || given;
  const name = site && typeof site.pulse === "string" ? site.pulse : "";
  const adopt = () => extend((site && site.strings) || {});
  strings = !name ? Promise.resolve().then(adopt) : new Promise((resolve) => {
    const tag = document.createElement("script");
    tag.src = new URL(name, assetBase).href;
    tag.onload = tag.onerror = resolve;
    document.head.appendChild(tag);
  }).then(adopt);
  return strings;
}

function init() {
  const roots = Array.from(document.querySelectorAll("[data-sremgr-pulse]:not([data-sremgr-pulse-bound])"));
  if (!roots.length) return;
  pulseStrings().then(() => {
    for (const root of roots) if (document.documentElement.contains(root) && !root.hasAttribute("data-sremgr-pulse-bound")) bind(/** @type {HTMLElement} */ (root));
  });
}

// Once per page life, however often the script is evaluated (Material's instant navigation runs
// a page's scripts again): bind now, on DOMContentLoaded, and on every page it swaps in.
const w = /** @type {any} */ (window);
if (!w.sremgrPulse) {
  w.sremgrPulse = { init };
  const doc$ = w.document$;
  if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(() => init());
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
}
// While the page still loads, the site's strings may come after this file: DOMContentLoaded binds.
if (document.readyState !== "loading") w.sremgrPulse.init();
