// mkdocs-sremgr's dashboard: quarters, charts, backups, import and export, the 1:1 summary.
// Added by sremgr.js only on a page with a dashboard; it gets the page's store through
// `bindDashboard(root, host)` and registers that one function on window.sremgr.
import "./strings.js";
import { button, clear, drawBar, h, noticeArea } from "../dom.js";
import { cadenceLimit, closedPeriods, daysSince, fiscalStart, lastClosedBefore, periodOf, snapshotOf } from "../periods.js";
import { itemRecord, stateOf } from "../records.js";
import { mean, score } from "../score.js";
import { day, t, time } from "../strings.js";
import { isDate } from "../util.js";
import { MAX_IMPORT_BYTES, validateImport } from "../validate.js";
import { dataTable, lineChart, radarChart } from "./charts.js";
import { markdownSummary, sinceText } from "./markdown.js";
import { merge } from "../merge.js";
import { prepare } from "./model.js";

/** @typedef {import("../main.js").Host} Host */
/** @typedef {import("../main.js").View} View */
/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("../score.js").Tally} Tally */

/** @returns {View} */
function bindDashboard(/** @type {Element} */ root, /** @type {Host} */ host) {
  const store = host.store;
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const area = noticeArea(root, store);
  /** @type {Manifest | null} */
  let m = null;
  const list = root.querySelector(".sremgr-dashboard-list");
  const summary = h("section", { class: "sremgr-summary-panel", "aria-label": t("dash.yourProgress") });
  const controls = h("div", { class: "sremgr-toolbar" }, [
    button(t("dash.close"), "close"), button(t("dash.copy"), "copy"), button(t("dash.download"), "download"),
    button(t("dash.export"), "export"), button(t("dash.import"), "import"), button(t("dash.resetAll"), "reset-all", "sremgr-danger"),
  ]);
  const picker = /** @type {HTMLInputElement} */ (h("input", { type: "file", accept: ".json,application/json", class: "sremgr-file", "aria-label": t("dash.pickerLabel"), tabindex: "-1" }));
  const panel = h("div", { class: "sremgr-panel", role: "group", hidden: "" });
  const charts = h("section", { class: "sremgr-charts" });
  const extra = h("section", { class: "sremgr-extra" });
  for (const el of [summary, controls, panel, picker]) root.insertBefore(el, list);
  if (list && list.parentNode) {
    list.parentNode.insertBefore(charts, list.nextSibling);
    list.parentNode.insertBefore(extra, charts.nextSibling);
  }
  /** @type {Map<string, {bar: Element, meta: Element}>} */
  const rows = new Map();
  const now = () => host.now();
  const period = () => periodOf(new Date(now()), fys);

  /** @returns {Map<string, Tally>} */
  function scores(/** @type {Manifest} */ man) {
    return new Map(man.checklists.map((c) => [c.id, score(store.data, c, c.items, now())]));
  }
  function snapshotMean(/** @type {Manifest} */ man, /** @type {string} */ p) {
    return mean(man.checklists.map((c) => {
      const s = snapshotOf(store.data, p, c.id);
      return s && s.total > 0 ? s.score : null;
    }));
  }

  function paint() {
    area.render();
    if (!m) return;
    const man = m;
    const now_ = scores(man);
    const sc = (/** @type {string} */ id) => /** @type {Tally} */ (now_.get(id));
    const p = period();
    const prev = lastClosedBefore(store.data, p);
    const overall = mean(man.checklists.filter((c) => sc(c.id).total > 0).map((c) => sc(c.id).pct));
    let done = 0, total = 0;
    for (const c of man.checklists) {
      done += sc(c.id).done;
      total += sc(c.id).total;
    }
    clear(summary);
    const bar = h("div", { class: "sremgr-progress", "data-sremgr-progress": "overall" });
    summary.appendChild(h("h2", { id: "sremgr-overall", text: t("dash.overall", { pct: overall }) }));
    summary.appendChild(bar);
    drawBar(bar, t("dash.overallLabel"), { done, total, pct: overall });
    const ago = daysSince(store.data.meta.exported, now());
    const exportText = !Number.isFinite(ago) ? t("dash.notExported")
      : ago === 0 ? t("dash.exportedToday") : ago === 1 ? t("dash.exportedYesterday") : t("dash.exportedDays", { n: ago });
    // Safari erases script-written storage after 7 days without a visit: the reminder counts for it.
    const due = done > 0 && ago >= 7;
    summary.appendChild(h("p", {
      class: "sremgr-quiet", "data-sremgr-export-age": Number.isFinite(ago) ? String(ago) : "never", "data-sremgr-export-due": due ? "" : null,
      text: t("dash.quarter", { period: p }) + (prev ? t("dash.lastClosed", { period: prev }) : "") + exportText + (due ? t("dash.exportDue") : ""),
    }));
    // One pass over the list, not one search per checklist: a handbook may have a thousand.
    /** @type {Map<string, Element>} */
    const lis = new Map();
    if (list) for (const el of Array.from(list.querySelectorAll("li[data-sremgr-checklist]"))) lis.set(el.getAttribute("data-sremgr-checklist") || "", el);
    for (const c of man.checklists) {
      const li = lis.get(c.id);
      if (!li) continue;
      let row = rows.get(c.id);
      if (!row) {
        row = { bar: h("div", { class: "sremgr-progress" }), meta: h("span", { class: "sremgr-row-meta" }) };
        rows.set(c.id, row);
        li.appendChild(row.bar);
        li.appendChild(row.meta);
      }
      const s = sc(c.id);
      const limit = cadenceLimit(c.cadence);
      const isDue = daysSince(s.last, now()) > limit;
      drawBar(row.bar, t("progress.label", { title: c.title }), s);
      clear(row.meta);
      const since = prev ? sinceText(store.data, s.done, prev, c.id) : "";
      row.meta.appendChild(document.createTextNode(t("dash.lastChange", { day: s.last ? day(s.last) : t("dash.never") }) + (since ? " · " + since : "")));
      if (isDue) row.meta.appendChild(h("span", { class: "sremgr-due", text: t("dash.due"), title: t("dash.dueTitle", { n: limit, cadence: t("cadence." + c.cadence) }) }));
      li.classList.toggle("sremgr-is-due", isDue);
      li.setAttribute("data-sremgr-score", String(s.pct));
    }
    paintCharts(man, sc, overall, p, prev);
    paintExtra(man, sc);
  }

  function paintCharts(/** @type {Manifest} */ man, /** @type {(id: string) => Tally} */ sc, /** @type {number} */ overall, /** @type {string} */ p, /** @type {string | null} */ prev) {
    clear(charts);
    const periods = closedPeriods(store.data).filter((x) => x !== p);
    /** @type {import("./charts.js").Series[]} */
    const series = [{ name: t("dash.overallSeries"), cls: "sremgr-line-overall", points: [...periods.map((x) => /** @type {[string, number]} */ ([x, snapshotMean(man, x)])), [p, overall]] }];
    for (const c of man.checklists) {
      series.push({
        name: c.title, id: c.id, cls: "sremgr-line",
        points: [...periods.map((x) => {
          const s = snapshotOf(store.data, x, c.id);
          return /** @type {[string, number | null]} */ ([x, s && typeof s.score === "number" ? s.score : null]);
        }), [p, sc(c.id).pct]],
      });
    }
    const labels = [...periods, p];
    charts.appendChild(h("h2", { id: "sremgr-history", text: t("dash.history") }));
    charts.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.historyHelp") }));
    charts.appendChild(lineChart(labels, series));
    charts.appendChild(dataTable(t("dash.tableCaption"), [t("dash.checklist"), ...labels.map((l) => (l === p ? t("dash.now", { period: l }) : l))],
      series.map((s) => [s.name, ...s.points.map((pt) => (pt[1] == null ? "–" : pt[1] + "%"))])));
    if (man.checklists.length < 3) return;
    charts.appendChild(h("h2", { id: "sremgr-radar", text: prev ? t("dash.radarPrev", { period: prev }) : t("dash.radar") }));
    const axes = man.checklists.map((c) => {
      const s = prev ? snapshotOf(store.data, prev, c.id) : undefined;
      return { label: c.title, now: sc(c.id).pct, before: s && typeof s.score === "number" ? s.score : null };
    });
    charts.appendChild(h("p", { class: "sremgr-quiet", text: prev ? t("dash.radarHelpPrev", { period: p, prev }) : t("dash.radarHelp") }));
    charts.appendChild(radarChart(axes, p, prev));
    charts.appendChild(dataTable(t("dash.lessonsCaption"), [t("dash.lesson"), p, ...(prev ? [prev] : [])],
      axes.map((a) => [a.label, a.now + "%", ...(prev ? [a.before == null ? "–" : a.before + "%"] : [])])));
  }

  function paintExtra(/** @type {Manifest} */ man, /** @type {(id: string) => Tally} */ sc) {
    clear(extra);
    /** @type {Map<string, Tally[]>} */
    const tags = new Map(); // a Map: tags such as `constructor` or `__proto__` are plain keys
    for (const c of man.checklists) {
      for (const tag of c.tags) {
        const all = tags.get(tag) || [];
        all.push(sc(c.id));
        tags.set(tag, all);
      }
    }
    const names = [...tags.keys()].sort();
    if (names.length) {
      extra.appendChild(h("h2", { id: "sremgr-tags", text: t("dash.byTag") }));
      // Tags shared by several checklists first; a tag of one checklist repeats its row, so fold those.
      const shared = h("ul", { class: "sremgr-tag-list" }), single = h("ul", { class: "sremgr-tag-list" });
      for (const tag of names) {
        const all = /** @type {Tally[]} */ (tags.get(tag));
        let d = 0, tot = 0;
        for (const s of all) {
          d += s.done;
          tot += s.total;
        }
        const bar = h("div", { class: "sremgr-progress" });
        drawBar(bar, t("dash.tagLabel", { tag }), { done: d, total: tot, pct: mean(all.filter((s) => s.total > 0).map((s) => s.pct)) });
        (all.length > 1 ? shared : single).appendChild(h("li", { "data-sremgr-tag": tag }, [h("span", { class: "sremgr-tag", text: tag }), bar]));
      }
      if (shared.firstChild) extra.appendChild(shared);
      if (single.firstChild) {
        extra.appendChild(shared.firstChild
          ? h("details", { class: "sremgr-more-tags" }, [h("summary", { text: t("dash.moreTags", { n: single.children.length }) }), single])
          : single);
      }
    }
    const saved = store.backups();
    if (saved.length) {
      const bl = h("ul");
      for (const k of saved) {
        const when = k.slice(`${store.key}:backup:`.length);
        bl.appendChild(h("li", { "data-sremgr-backup": k }, [
          (isDate(when) ? day(when) + " " + time(when) : when) + " ", button(t("dash.restore"), "restore"), button(t("dash.delete"), "delete-backup", "sremgr-danger"),
        ]));
      }
      extra.appendChild(h("details", { class: "sremgr-backups" }, [h("summary", { text: t("dash.backups", { n: saved.length }) }), bl]));
    }
  }

  // ---- actions
  /** @param {string} text @param {[string, () => void, string?][]} buttons */
  function show(text, buttons) {
    clear(panel);
    panel.appendChild(h("p", { text }));
    for (const [label, act, cls] of buttons) {
      panel.appendChild(h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), text: label, on: () => { hide(); act(); } }));
    }
    panel.hidden = false;
    /** @type {HTMLElement} */ (panel.querySelector("button") || panel).focus();
  }
  function hide() {
    panel.hidden = true;
    clear(panel);
  }
  function say(/** @type {string} */ text, /** @type {boolean} */ ok = true) {
    area.say(text);
    if (!ok) store.notice("action", "notice.text", { text });
    else store.clearNotice("action");
  }
  const iso = () => new Date(now()).toISOString();

  function closeQuarter(/** @type {Manifest} */ man) {
    const p = period();
    const old = /** @type {any} */ (store.data.snapshots[p]);
    if (old && !window.confirm(t("dash.replaceSnapshot", { period: p, day: day(old.closed) }))) return;
    /** @type {import("../records.js").Snapshot} */
    const snap = { closed: iso(), checklists: Object.create(null) };
    for (const c of man.checklists) {
      const s = score(store.data, c, c.items, now());
      snap.checklists[c.id] = { done: c.items.filter((it) => stateOf(itemRecord(store.data, c, it)) === "done").map((it) => it.id), total: s.total, score: s.pct };
    }
    const ok = store.apply({ kind: "snapshot", period: p, snapshot: snap });
    show((ok ? t("dash.closed", { period: p }) : t("dash.closedNotSaved", { period: p })) + t("dash.keepOrFresh"), [
      [t("dash.keep"), () => say(t("dash.kept"))],
      [t("dash.fresh"), startFresh, "sremgr-danger"],
    ]);
  }
  function startFresh() {
    if (!store.backupCurrent()) return say(t("dash.noBackupClear"), false);
    say(store.apply({ kind: "fresh-quarter", at: iso() }) ? t("dash.freshDone") : t("dash.freshNotSaved"));
  }
  function resetAll() {
    if (!window.confirm(t("dash.resetConfirm"))) return;
    if (!store.backupCurrent()) return say(t("dash.noBackupReset"), false);
    say(store.apply({ kind: "reset-all" }) ? t("dash.resetDone") : t("dash.resetNotSaved"));
  }
  function exportFile() {
    const text = store.exportFile();
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
          say(store.apply({ kind: "replace", data: incoming }) ? t("dash.replaced") : t("dash.replacedNotSaved"));
        }, "sremgr-danger"],
        [t("dash.cancel"), () => say(t("dash.cancelled"))],
      ]);
    }, () => refuse("dash.unreadable"));
  }
  /** Says why an import was refused; `why` is a catalog key (validate.js returns keys). */
  function refuse(/** @type {string} */ why, /** @type {string | undefined} */ detail = "") {
    say(t("dash.refused", { why: t(why, { key: detail || "" }) }), false);
  }
  function restore(/** @type {string} */ name) {
    if (!store.readBackup(name)) return say(t("dash.backupUnreadable"), false);
    if (!window.confirm(t("dash.restoreConfirm", { day: day(name.slice(`${store.key}:backup:`.length)) }))) return;
    const r = store.restore(name);
    if (r === "no-backup") return say(t("dash.noBackupRestore"), false);
    say(r === "ok" ? t("dash.restored") : t("dash.restoredNotSaved"));
  }
  function removeBackup(/** @type {string} */ name) {
    if (window.confirm(t("dash.deleteConfirm"))) store.removeBackup(name);
  }
  function copyMarkdown(/** @type {Manifest} */ man) {
    const text = markdownSummary(store.data, man, period(), now());
    const done = () => say(t("dash.copied"));
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
    if (store.mode === "newer" && a !== "copy" && a !== "download") return say(t("dash.newer"), false);
    if (a === "close") closeQuarter(man);
    else if (a === "copy") copyMarkdown(man);
    else if (a === "download") download(markdownSummary(store.data, man, period(), now()), "text/markdown", `self-check-${period()}.md`);
    else if (a === "export") exportFile();
    else if (a === "import") picker.click();
    else if (a === "reset-all") resetAll();
    else if (a === "restore" && backupName) restore(backupName);
    else if (a === "delete-backup" && backupName) removeBackup(backupName);
  });
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    if (file && m) importFile(m, file);
    picker.value = "";
  });
  root.classList.add("sremgr-js");
  const ready = host.manifest().then(
    (raw) => {
      m = prepare(raw);
      paint();
    },
    () => store.notice("manifest", "notice.manifest"),
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
