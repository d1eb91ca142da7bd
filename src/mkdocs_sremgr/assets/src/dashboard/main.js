// mkdocs-sremgr's dashboard: quarters, charts, backups, import and export, the 1:1 summary.
// Added by sremgr.js only on a page with a dashboard; it gets the page's store and strings
// through `bindDashboard(root, host)` and registers that one function on window.sremgr. What it
// shows is worked out by view.js (pure, unit-tested); this file draws it and runs the actions.
import { button, clear, drawBar, h, noticeArea } from "../dom.js";
import { daysLeft, fiscalStart, periodOf, quarterEnd } from "../periods.js";
import { day, t } from "../strings.js";
import { MAX_IMPORT_BYTES, validateImport } from "../validate.js";
import { dataTable, legend, lineChart, radarChart, radarNumbered } from "./charts.js";
import { markdownSummary } from "./markdown.js";
import { merge } from "../merge.js";
import * as kept from "../backups.js";
import * as bulk from "../bulk.js";
import { prepare } from "./model.js";
import { useStrings } from "./strings.js";
import { dashboardView, snapshot } from "./view.js";

/** The site's root: this file is <root>/assets/sremgr/sremgr-dashboard.js. */
const siteRoot = new URL("../../", (document.currentScript && /** @type {HTMLScriptElement} */ (document.currentScript).src) || location.href).href;

/** @typedef {import("../main.js").Host} Host */
/** @typedef {import("../main.js").View} View */
/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("./view.js").View} Model */

/** The listeners of the dashboard bound last: a new bind (instant navigation swapped the page)
 * or a root no longer in the document removes them all at once. */
let bound = /** @type {AbortController | null} */ (null);

/** @returns {View} */
function bindDashboard(/** @type {Element} */ root, /** @type {Host} */ host) {
  useStrings(host.strings);
  if (bound) bound.abort();
  const life = (bound = new AbortController());
  const { signal } = life;
  const store = host.store;
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const area = noticeArea(root, store);
  /** @type {Manifest | null} */
  let m = null;
  const list = root.querySelector(".sremgr-dashboard-list");
  const summary = h("section", { class: "sremgr-summary-panel", "aria-label": t("dash.yourProgress") });
  // The toolbar in groups, by what the reader wants to do; "Reset everything" sits apart, with the backups.
  const group = (/** @type {string} */ name, /** @type {Element[]} */ kids) => h("div", { class: "sremgr-group", role: "group", "aria-label": name }, kids);
  const closeGroup = group(t("dash.groupQuarter"), [button(t("dash.close"), "close")]);
  const controls = h("div", { class: "sremgr-toolbar" }, [
    closeGroup,
    group(t("dash.groupShare"), [button(t("dash.copy"), "copy"), button(t("dash.copyFull"), "copy-full"), button(t("dash.download"), "download")]),
    group(t("dash.groupCopy"), [button(t("dash.export"), "export"), button(t("dash.import"), "import")]),
  ]);
  const picker = /** @type {HTMLInputElement} */ (h("input", { type: "file", accept: ".json,application/json", class: "sremgr-file", "aria-label": t("dash.pickerLabel"), tabindex: "-1" }));
  const panel = h("div", { class: "sremgr-panel", role: "group", "aria-labelledby": "sremgr-panel-question", hidden: "" });
  const charts = h("section", { class: "sremgr-charts" });
  const extra = h("section", { class: "sremgr-extra" });
  for (const el of [summary, controls, panel, picker]) root.insertBefore(el, list);
  // Each action's answer, beside the controls that were used: visible and spoken (role=status).
  const answer = { el: h("p", { class: "sremgr-feedback", role: "status" }) };
  controls.after(answer.el);
  const safety = h("section", { class: "sremgr-safety", "aria-labelledby": "sremgr-backups" });
  const safetyAnswer = h("p", { class: "sremgr-feedback", role: "status" });
  /** Where the last action's answer goes: beside the control that was used. */
  let answerAt = answer.el;
  if (list && list.parentNode) {
    list.parentNode.insertBefore(charts, list.nextSibling);
    list.parentNode.insertBefore(extra, charts.nextSibling);
    list.parentNode.insertBefore(safety, extra.nextSibling);
  }
  /** @type {Map<string, {bar: Element, meta: Element}>} */
  const rows = new Map();
  const now = () => host.now();
  /** The width the charts were drawn for: a resize that changes it redraws them. */
  let drawnAt = 0;
  let resizing = 0;
  /** Whether this dashboard is still on the page; once it is not, its listeners go. */
  const alive = () => {
    if (!signal.aborted && !document.documentElement.contains(root)) life.abort();
    return !signal.aborted;
  };
  window.addEventListener("resize", () => {
    if (resizing || !alive()) return;
    resizing = requestAnimationFrame(() => {
      resizing = 0;
      if (m && alive() && Math.abs(charts.clientWidth - drawnAt) > 24) paint();
    });
  }, { signal });
  signal.addEventListener("abort", () => cancelAnimationFrame(resizing));
  const period = () => periodOf(new Date(now()), fys);

  /** The link to a checklist: the list's own (relative to this page), else the manifest's from the site root. */
  function startLink(/** @type {string} */ id, /** @type {string} */ url) {
    const a = list && list.querySelector(`li[data-sremgr-checklist="${id}"] a`);
    return a ? /** @type {HTMLAnchorElement} */ (a).href : new URL(url, siteRoot).href;
  }

  /** The view model of now. */
  function model(/** @type {Manifest} */ man) {
    const saved = kept.backups(store);
    return dashboardView({ data: store.data, manifest: man, now: now(), fys, backups: saved, backupPrefix: kept.backupPrefix(store.key) }, period());
  }

  function paint() {
    if (!alive()) return;
    area.render();
    if (!m) return;
    // Read before any write below: reading a size after them would force a layout of the whole list.
    drawnAt = charts.clientWidth || 640;
    const v = model(m);
    drawSummary(v);
    drawRows(v);
    drawCharts(v, drawnAt);
    drawTags(v);
    drawSafety(v);
  }

  function drawSummary(/** @type {Model} */ v) {
    const s = v.summary;
    clear(summary);
    summary.appendChild(h("h2", { id: "sremgr-overall", text: s.title }));
    if (s.start) {
      // First visit (or nothing ticked yet): say what this is and where to start, no alarm.
      const first = s.start.first;
      summary.appendChild(h("p", { class: "sremgr-start" }, first ? [
        t("dash.startIntro") + " ",
        t("dash.startWith"), " ", h("a", { href: startLink(first.id, first.url), text: first.title }), t("dash.startWhy"),
      ] : [t("dash.startIntro")]));
    }
    if (s.overall) {
      const bar = h("div", { class: "sremgr-progress", "data-sremgr-progress": "overall", "data-sremgr-aside": String(s.overall.aside) });
      summary.appendChild(bar);
      drawBar(bar, s.overall.label, s.overall.bar, s.overall.text);
    }
    // The quarter in words: what a close covers, when it ends, and what is closed already.
    summary.appendChild(h("p", { class: "sremgr-quiet", "data-sremgr-quarter": s.quarter.period }, [s.quarter.text]));
    if (s.exported) {
      summary.appendChild(h("p", {
        class: "sremgr-quiet", "data-sremgr-export-age": s.exported.age, "data-sremgr-export-due": s.exported.due ? "" : null, text: s.exported.text,
      }));
    }
    if (s.dueHelp) summary.appendChild(h("p", { class: "sremgr-quiet sremgr-due-help", text: s.dueHelp }));
    // Nothing to close or reset before the reader has done anything.
    /** @type {HTMLElement} */ (closeGroup).hidden = !s.started;
  }

  function drawRows(/** @type {Model} */ v) {
    // One pass over the list, not one search per checklist: a handbook may have a thousand.
    /** @type {Map<string, Element>} */
    const lis = new Map();
    if (list) for (const el of Array.from(list.querySelectorAll("li[data-sremgr-checklist]"))) lis.set(el.getAttribute("data-sremgr-checklist") || "", el);
    for (const r of v.rows) {
      const li = lis.get(r.id);
      if (!li) continue;
      let row = rows.get(r.id);
      if (!row) {
        row = { bar: h("div", { class: "sremgr-progress" }), meta: h("span", { class: "sremgr-row-meta" }) };
        rows.set(r.id, row);
        li.appendChild(row.bar);
        li.appendChild(row.meta);
      }
      drawBar(row.bar, r.label, r.bar, r.text);
      clear(row.meta);
      if (!r.started) row.meta.appendChild(h("span", { class: "sremgr-not-started", text: t("dash.notStarted") }));
      else row.meta.appendChild(document.createTextNode(r.meta));
      if (r.due) row.meta.appendChild(h("span", { class: "sremgr-due", text: r.due }));
      li.classList.toggle("sremgr-is-due", !!r.due);
      li.setAttribute("data-sremgr-score", String(r.pct));
      li.setAttribute("data-sremgr-aside", String(r.aside));
    }
  }

  function drawCharts(/** @type {Model} */ v, /** @type {number} */ width) {
    clear(charts);
    const hist = v.history;
    charts.appendChild(h("h2", { id: "sremgr-history", text: t("dash.history") }));
    charts.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.historyHelp") }));
    charts.appendChild(lineChart(hist.labels, hist.series, width));
    charts.appendChild(dataTable(t("dash.tableCaption"), hist.head, hist.rows));
    const r = v.radar;
    if (!r) return;
    charts.appendChild(h("h2", { id: "sremgr-radar", text: r.title }));
    charts.appendChild(h("p", { class: "sremgr-quiet", text: r.help }));
    charts.appendChild(radarChart(r.axes, v.period, v.prev, width));
    if (radarNumbered(Math.min(width, 640), r.axes.length)) {
      charts.appendChild(h("ol", { class: "sremgr-radar-key" }, r.key.map((k) => h("li", {}, [k.label + " ", h("b", { text: k.value })]))));
    }
    charts.appendChild(legend(r.legend));
    charts.appendChild(dataTable(t("dash.lessonsCaption"), r.head, r.rows));
  }

  function drawTags(/** @type {Model} */ v) {
    clear(extra);
    if (!v.tags.length) return;
    extra.appendChild(h("h2", { id: "sremgr-tags", text: t("dash.byTag") }));
    extra.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.byTagHelp") }));
    const shared = h("ul", { class: "sremgr-tag-list" });
    for (const tag of v.tags) {
      const bar = h("div", { class: "sremgr-progress" });
      drawBar(bar, tag.label, tag.bar, tag.text);
      shared.appendChild(h("li", { "data-sremgr-tag": tag.tag }, [h("span", { class: "sremgr-tag", text: tag.tag }), bar]));
    }
    extra.appendChild(shared);
  }

  /** Backups in words, then the list, then "Reset everything" (not offered before there is anything to reset). */
  function drawSafety(/** @type {Model} */ v) {
    const s = v.safety;
    const focused = safety.contains(document.activeElement) ? document.activeElement : null;
    const keep = focused && focused.getAttribute("data-sremgr-action");
    clear(safety);
    if (!s.show) return;
    safety.appendChild(h("h2", { id: "sremgr-backups", tabindex: "-1", text: t("dash.safety") }));
    safety.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.backupsHelp") }));
    if (s.backups.length) {
      const bl = h("ul", { class: "sremgr-backup-list" });
      for (const b of s.backups) {
        bl.appendChild(h("li", { "data-sremgr-backup": b.name }, [
          h("span", { text: b.text }), " ",
          button(t("dash.restore"), "restore"), button(t("dash.delete"), "delete-backup", "sremgr-danger"),
        ]));
      }
      safety.appendChild(h("details", { class: "sremgr-backups" }, [h("summary", { text: t("dash.backups", { n: s.count }) }), bl]));
    } else safety.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.noBackups") }));
    if (s.reset) safety.appendChild(h("div", { class: "sremgr-toolbar sremgr-danger-zone" }, [button(t("dash.resetAll"), "reset-all", "sremgr-danger")]));
    safety.appendChild(safetyAnswer);
    // A repaint must not drop the reader's focus to <body>.
    if (focused && !safety.contains(focused)) {
      const again = keep && safety.querySelector(`[data-sremgr-action="${keep}"]`);
      /** @type {HTMLElement} */ (again || safety.querySelector("h2") || safety).focus();
    }
  }

  // ---- actions
  /** The control that opened the panel: focus goes back to it after a choice. @type {HTMLElement | null} */
  let opener = null;
  /** What Escape does while the panel is open (the panel's "cancel"). @type {(() => void) | null} */
  let onEscape = null;
  /**
   * Asks a question in the panel: a group named by the question, its choices as buttons. After a
   * choice (or Escape, which cancels) the panel closes and focus returns to the control that opened it.
   * @param {string} text @param {[string, () => void, string?][]} buttons @param {() => void} [cancel]
   */
  function show(text, buttons, cancel) {
    clear(panel);
    panel.appendChild(h("p", { id: "sremgr-panel-question", text }));
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    if (active && controls.contains(active)) opener = active;
    for (const [label, act, cls] of buttons) {
      panel.appendChild(h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), text: label, on: () => { hide(); act(); } }));
    }
    onEscape = cancel || null;
    panel.hidden = false;
    /** @type {HTMLElement} */ (panel.querySelector("button") || panel).focus();
  }
  function hide() {
    const inside = panel.contains(document.activeElement);
    panel.hidden = true;
    clear(panel);
    onEscape = null;
    if (inside) /** @type {HTMLElement} */ (opener && document.documentElement.contains(opener) ? opener : answer.el).focus();
  }
  panel.addEventListener("keydown", (/** @type {Event} */ e) => {
    if (/** @type {KeyboardEvent} */ (e).key !== "Escape" || panel.hidden) return;
    e.preventDefault();
    const cancel = onEscape;
    hide();
    if (cancel) cancel();
  }, { signal });
  /** The answer to an action, shown beside the control that was used and announced (role=status). */
  function say(/** @type {string} */ text, /** @type {boolean} */ ok = true) {
    const el = answerAt;
    el.textContent = text;
    el.classList.toggle("sremgr-feedback-bad", !ok);
    if (!ok) store.notice("action", "notice.text", { text });
    else if ("action" in store.notices) {
      delete store.notices.action;
      store.notify();
    }
  }
  const iso = () => new Date(now()).toISOString();

  /** Asks first, saying which quarter a close covers and how long that quarter still runs. */
  function askClose(/** @type {Manifest} */ man) {
    const p = period();
    const old = /** @type {any} */ (store.data.snapshots[p]);
    if (old && !window.confirm(t("dash.replaceSnapshot", { period: p, day: day(old.closed) }))) return;
    const left = daysLeft(p, fys, now());
    const end = day(quarterEnd(p, fys).toISOString());
    show(t("dash.closeAsk", { period: p }) + (left > 0 ? t(left === 1 ? "dash.closeEarlyOne" : "dash.closeEarly", { period: p, end, n: left }) : t("dash.closeLastDay", { period: p })) + t("dash.keepOrFresh"), [
      [t("dash.keep"), () => closeQuarter(man, false)],
      [t("dash.fresh"), () => closeQuarter(man, true), "sremgr-danger"],
      [t("dash.cancel"), () => say(t("dash.closeCancelled"))],
    ], () => say(t("dash.closeCancelled")));
  }
  function closeQuarter(/** @type {Manifest} */ man, /** @type {boolean} */ fresh) {
    const p = period();
    const snap = snapshot(store.data, man, now(), iso());
    const ok = store.apply({ kind: "snapshot", period: p, snapshot: snap });
    if (!ok) return say(t("dash.closedNotSaved", { period: p }), false);
    if (!fresh) return say(t("dash.closed", { period: p }) + t("dash.kept"));
    if (!store.backupCurrent()) return say(t("dash.closed", { period: p }) + t("dash.noBackupClear"), false);
    say(store.apply(bulk.freshQuarter(iso())) ? t("dash.closed", { period: p }) + t("dash.freshDone") : t("dash.freshNotSaved"), true);
  }
  function resetAll() {
    if (!window.confirm(t("dash.resetConfirm"))) return say(t("dash.resetCancelled"));
    if (!store.backupCurrent()) return say(t("dash.noBackupReset"), false);
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
      const incoming = result.data;
      const n = Object.keys(incoming.checklists).length;
      show(t("dash.importAsk", { what: t("dash.checklists", { n }), day: day(result.exported) }), [
        [t("dash.merge"), () => say(store.apply({ kind: "transform", run: (d) => merge(d, incoming, now()) }) ? t("dash.merged") : t("dash.mergedNotSaved"))],
        [t("dash.replace"), () => {
          if (!store.backupCurrent()) return say(t("dash.noBackupReplace"), false);
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
    if (!window.confirm(t("dash.restoreConfirm", { day: day(name.slice(kept.backupPrefix(store.key).length)) }))) return;
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
    const done = () => say(t("dash.copied", { n: text.split("\n").length }));
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, () => showText(text));
    else showText(text);
  }
  function showText(/** @type {string} */ text) {
    show(t("dash.copyThis"), [[t("dash.closeBtn"), () => {}]]);
    const box = /** @type {HTMLTextAreaElement} */ (h("textarea", { class: "sremgr-note", rows: "10", readonly: "" }));
    box.value = text;
    panel.insertBefore(box, panel.lastChild);
    box.select();
  }

  root.addEventListener("click", (e) => {
    const btn = /** @type {Element} */ (e.target).closest("[data-sremgr-action]");
    if (!btn || !m) return;
    const man = m;
    const a = btn.getAttribute("data-sremgr-action");
    const backupRow = btn.closest("[data-sremgr-backup]");
    const backupName = backupRow && backupRow.getAttribute("data-sremgr-backup");
    answerAt = safety.contains(btn) ? safetyAnswer : answer.el;
    if (store.mode === "newer" && a !== "copy" && a !== "download" && a !== "copy-full") return say(t("dash.newer"), false);
    if (a === "close") askClose(man);
    else if (a === "copy") copyMarkdown(man, false);
    else if (a === "copy-full") copyMarkdown(man, true);
    else if (a === "download") {
      download(markdownSummary(store.data, man, period(), now(), { full: true }), "text/markdown", `self-check-${period()}.md`);
      say(t("dash.downloaded", { name: `self-check-${period()}.md` }));
    }
    else if (a === "export") exportFile();
    else if (a === "import") picker.click();
    else if (a === "reset-all") resetAll();
    else if (a === "restore" && backupName) restore(backupName);
    else if (a === "delete-backup" && backupName) removeBackup(backupName);
  }, { signal });
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
