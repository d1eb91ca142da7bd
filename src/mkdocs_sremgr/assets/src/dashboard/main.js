// mkdocs-sremgr's dashboard: quarters, charts, backups, import and export, the 1:1 summary.
// Added by sremgr.js only on a page with a dashboard; it gets the page's store and strings
// through `bindDashboard(root, host)` and registers that one function on window.sremgr. What it
// shows is worked out by view.js (pure, unit-tested) and drawn by render.js; this file binds
// them to the page and runs the actions.
import { h, noticeArea } from "../dom.js";
import { daysLeft, fiscalStart, periodOf, quarterEnd } from "../periods.js";
import { day, t } from "../strings.js";
import { MAX_IMPORT_BYTES, validateImport } from "../validate.js";
import { markdownSummary } from "./markdown.js";
import { merge } from "../merge.js";
import * as kept from "../backups.js";
import * as bulk from "../bulk.js";
import { prepare } from "./model.js";
import { questions } from "./panel.js";
import { teamSection } from "./team.js";
import { pulseSnapshot } from "./teamview.js";
import { storedPulse } from "../pulse/stored.js";
import { draw, layout } from "./render.js";
import { drawSheet, quarterSheet } from "./sheet.js";
import { useStrings } from "./strings.js";
import { dashboardView, holdsText, snapshot } from "./view.js";

/** The site's root: this file is <root>/assets/sremgr/sremgr-dashboard.js (a host that brings
 * its own copy, the Backstage addon, says where the site is: `host.base`). */
const siteRoot = new URL("../../", (document.currentScript && /** @type {HTMLScriptElement} */ (document.currentScript).src) || location.href).href;

/** @typedef {import("../page.js").Host} Host */
/** @typedef {import("../page.js").View} View */
/** @typedef {import("./model.js").Manifest} Manifest */

/** Each bound dashboard's listeners, by its root: a root no longer in the document (instant
 * navigation swapped the page) has them all removed at once, at the next bind or event. */
const bound = new Map(/** @type {[Element, AbortController][]} */ ([]));

/** Binds one dashboard root (in a document or a shadow root) to the page's store. @returns {View} */
export function bindDashboard(/** @type {Element} */ root, /** @type {Host} */ host) {
  useStrings(host.strings);
  for (const [old, life] of bound) if (!old.isConnected) life.abort();
  const life = new AbortController();
  const { signal } = life;
  bound.set(root, life);
  signal.addEventListener("abort", () => bound.delete(root));
  const store = host.store;
  const now = () => host.now();
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const period = () => periodOf(new Date(now()), fys);
  const area = noticeArea(root, store);
  const parts = layout(root);
  const { show } = questions(parts.panel, parts.controls, parts.answer, signal);
  const team = teamSection(parts.charts, { store, period, now, signal, link: (url) => new URL(url, siteRoot).href });
  /** The manifest, once it has loaded. @type {Manifest | null} */
  let m = null;
  /** Where the last action's answer goes: beside the control that was used. */
  let answerAt = parts.answer;
  /** The width the charts were drawn for: a resize that changes it redraws them. */
  let drawnAt = 0;
  let resizing = 0;

  /** Whether this dashboard is still on the page; once it is not, its listeners go. */
  const alive = () => {
    if (!signal.aborted && !root.isConnected) life.abort();
    return !signal.aborted;
  };
  window.addEventListener("resize", () => {
    if (resizing || !alive()) return;
    resizing = requestAnimationFrame(() => {
      resizing = 0;
      if (m && alive() && Math.abs(parts.charts.clientWidth - drawnAt) > 24) paint();
    });
  }, { signal });
  signal.addEventListener("abort", () => cancelAnimationFrame(resizing));

  /** The link to a checklist: the list's own (relative to this page), else the manifest's from the site root. */
  function startLink(/** @type {string} */ id, /** @type {string} */ url) {
    const a = parts.list && parts.list.querySelector(`li[data-sremgr-checklist="${id}"] a`);
    return a ? /** @type {HTMLAnchorElement} */ (a).href : new URL(url, host.base || siteRoot).href;
  }

  function paint() {
    if (!alive()) return;
    area.render();
    if (!m) return;
    // Read before any write below: reading a size after them would force a layout of the whole list.
    drawnAt = parts.charts.clientWidth || 640;
    const input = { data: store.data, manifest: m, now: now(), fys, backups: kept.backups(store).map((name) => kept.describe(store, name)) };
    draw(parts, dashboardView(input, period()), drawnAt, startLink);
    drawSheet(parts.sheet, quarterSheet(store.data, m, period(), now(), team.paint(m)));
  }

  // ---- actions
  /** The answer to an action, shown beside the control that was used and announced (role=status). */
  // One answer at a time: a new one (or a new question) clears every earlier one, here and at
  // the top of the page, so an old "Exported" or "Import refused" never stands beside it.
  function say(/** @type {string} */ text, /** @type {boolean} */ ok = true) {
    hush();
    const el = answerAt;
    el.textContent = text;
    el.classList.toggle("sremgr-feedback-bad", !ok);
    keepFocus();
  }
  function hush() {
    for (const el of [parts.answer, parts.safetyAnswer]) {
      el.textContent = "";
      el.classList.remove("sremgr-feedback-bad");
    }
  }
  /** Asks a question in the panel, alone: the earlier answers go first. @type {typeof show} */
  const ask = (text, buttons, cancel) => {
    hush();
    show(text, buttons, cancel);
  };
  /** After an action the page was redrawn: focus that fell to <body> (its control gone or
   * hidden) goes to the heading of the part that answered. */
  function keepFocus() {
    const a = /** @type {HTMLElement | null} */ (document.activeElement);
    if (a && a !== document.body && a.getClientRects().length) return;
    const heading = /** @type {HTMLElement | null} */ (root.querySelector(answerAt === parts.safetyAnswer ? "#sremgr-backups" : "#sremgr-overall"));
    if (heading) heading.focus();
  }
  const iso = () => new Date(now()).toISOString();

  /** Asks first, saying which quarter a close covers and how long that quarter still runs. */
  function askClose(/** @type {Manifest} */ man) {
    const p = period();
    const old = store.data.snapshots[p];
    if (old && !window.confirm(t("dash.replaceSnapshot", { period: p, day: day(old.closed) }))) return;
    const left = daysLeft(p, fys, now());
    const end = day(quarterEnd(p, fys).toISOString());
    ask(t("dash.closeAsk", { period: p }) + (left > 0 ? t(left === 1 ? "dash.closeEarlyOne" : "dash.closeEarly", { period: p, end, n: left }) : t("dash.closeLastDay", { period: p })) + t("dash.keepOrFresh"), [
      [t("dash.keep"), () => closeQuarter(man, false)],
      [t("dash.fresh"), () => closeQuarter(man, true), "sremgr-danger"],
      [t("dash.cancel"), () => say(t("dash.closeCancelled"))],
    ], () => say(t("dash.closeCancelled")));
  }
  function closeQuarter(/** @type {Manifest} */ man, /** @type {boolean} */ fresh) {
    const p = period();
    const snap = snapshot(store.data, man, now(), iso());
    const pulse = pulseSnapshot(store.data, man.pulse || null, store.key, p);
    if (pulse) Object.assign(snap, { pulse }); // the team's view, from the threshold on
    const ok = store.apply({ kind: "snapshot", period: p, snapshot: snap });
    if (!ok) return say(t("dash.closedNotSaved", { period: p }), false);
    if (!fresh) return say(t("dash.closed", { period: p }) + t("dash.kept"));
    if (!store.backupCurrent("~fresh")) return say(t("dash.closed", { period: p }) + t("dash.noBackupClear"), false);
    say(store.apply(bulk.freshQuarter(iso())) ? t("dash.closed", { period: p }) + t("dash.freshDone") : t("dash.freshNotSaved"), true);
  }
  function resetAll() {
    if (!window.confirm(t("dash.resetConfirm"))) return say(t("dash.resetCancelled"));
    if (!store.backupCurrent("~reset")) return say(t("dash.noBackupReset"), false);
    say(store.apply(bulk.resetAll()) ? t("dash.resetDone") : t("dash.resetNotSaved"));
  }
  function exportFile() {
    const text = kept.exportFile(store);
    const at = String(store.data.meta.exported || iso());
    download(text, "application/json", store.key.replace(/[^a-z0-9-]+/gi, "-") + "-" + at.slice(0, 10) + ".json");
    say(t("dash.exported"));
  }
  function importFile(/** @type {Manifest} */ man, /** @type {File} */ file) {
    if (file.size > MAX_IMPORT_BYTES) return refuse("dash.tooLarge");
    file.text().then((text) => {
      const known = new Set(man.checklists.flatMap((c) => [c.id, ...c.aliases]));
      const result = validateImport(text, { key: store.key, known, at: iso() });
      if ("error" in result) return refuse(result.error, result.detail);
      // The team pulse's aggregates, each checked exactly (pulse/stored.js): one wrong, none
      // taken. Here, not in validate.js: the per-page bundle carries that file.
      const pulseWrong = storedPulse(result.data, store.key).problems;
      if (pulseWrong.length) return refuse("dash.why.invalid", pulseWrong[0]);
      const incoming = result.data;
      ask(t("dash.importAsk", { what: holdsText(kept.holds(incoming)), day: day(result.exported), mine: holdsText(kept.holds(store.data)) }), [
        [t("dash.merge"), () => say(store.apply({ kind: "transform", run: (d) => merge(d, incoming, now(), result.exported, store.key) }) ? t("dash.merged") : t("dash.mergedNotSaved"))],
        [t("dash.replace"), () => {
          if (!store.backupCurrent("~replace")) return say(t("dash.noBackupReplace"), false);
          say(store.apply(bulk.replaceWith(incoming)) ? t("dash.replaced") : t("dash.replacedNotSaved"));
        }, "sremgr-danger"],
        [t("dash.cancel"), () => say(t("dash.cancelled"))],
      ], () => say(t("dash.cancelled")));
    }, () => refuse("dash.unreadable"));
  }
  /** Says why an import was refused; `why` is a catalog key (validate.js returns keys). */
  function refuse(/** @type {string} */ why, /** @type {string | undefined} */ detail = "") {
    say(t("dash.refused", { why: t(why, { key: detail || "" }) }), false);
  }
  function restore(/** @type {string} */ name) {
    if (!kept.readBackup(store, name)) return say(t("dash.backupUnreadable"), false);
    if (!window.confirm(t("dash.restoreConfirm", { day: day(kept.backupTime(store.key, name)) }))) return;
    const r = kept.restore(store, name);
    if (r === "no-backup") return say(t("dash.noBackupRestore"), false);
    say(r === "ok" ? t("dash.restored") : t("dash.restoredNotSaved"));
  }
  function removeBackup(/** @type {string} */ name) {
    if (!window.confirm(t("dash.deleteConfirm"))) return;
    kept.removeBackup(store, name);
    say(t("dash.deleted"));
  }
  function copyMarkdown(/** @type {Manifest} */ man, /** @type {boolean} */ full) {
    const text = markdownSummary(store.data, man, period(), now(), { full });
    const done = () => say(t(full ? "dash.copiedFull" : "dash.copied", { n: text.split("\n").length }));
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, () => showText(text));
    else showText(text);
  }
  function showText(/** @type {string} */ text) {
    ask(t("dash.copyThis"), [[t("dash.closeBtn"), () => {}]]);
    const box = /** @type {HTMLTextAreaElement} */ (h("textarea", { class: "sremgr-note", rows: "10", readonly: "" }));
    box.value = text;
    parts.panel.insertBefore(box, parts.panel.lastChild);
    box.select();
  }

  root.addEventListener("click", (e) => {
    const btn = /** @type {Element} */ (e.target).closest("[data-sremgr-action]");
    if (!btn || !m) return;
    const man = m;
    const a = btn.getAttribute("data-sremgr-action");
    const backupRow = btn.closest("[data-sremgr-backup]");
    const backupName = backupRow && backupRow.getAttribute("data-sremgr-backup");
    answerAt = parts.safety.contains(btn) ? parts.safetyAnswer : parts.answer;
    if (a === "print") return window.print(); // the print stylesheet prints the quarter on a page
    if (store.mode === "newer" && a !== "copy" && a !== "download" && a !== "copy-full") return say(t("dash.newer"), false);
    if (a === "close") askClose(man);
    else if (a === "copy") copyMarkdown(man, false);
    else if (a === "copy-full") copyMarkdown(man, true);
    else if (a === "download") {
      download(markdownSummary(store.data, man, period(), now(), { full: true }), "text/markdown", `self-check-${period()}.md`);
      say(t("dash.downloaded", { name: `self-check-${period()}.md` }));
    }
    else if (a === "export") exportFile();
    else if (a === "import") parts.picker.click();
    else if (a === "reset-all") resetAll();
    else if (a === "restore" && backupName) restore(backupName);
    else if (a === "delete-backup" && backupName) removeBackup(backupName);
  }, { signal });
  const picker = parts.picker;
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    if (file && m) importFile(m, file);
    picker.value = "";
  }, { signal });
  root.classList.add("sremgr-js");
  const ready = host.manifest().then(
    (raw) => {
      m = prepare(raw);
      paint();
    },
    () => store.notice("manifest", "dash.noManifest"),
  );
  return { paint, notices: area.render, ready };
}

function download(/** @type {string} */ text, /** @type {string} */ type, /** @type {string} */ name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: "" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const api = /** @type {any} */ (window).sremgr;
if (api) api.bindDashboard = bindDashboard;
