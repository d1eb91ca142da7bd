// The dashboard's renderer: its parts on the page (layout) and the drawing of a view model
// (view.js) into them. It works nothing out: every number and word comes from the model.
import { button, clear, drawBar, h } from "../dom.js";
import { t } from "../strings.js";
import { dataTable, historyChart, legend, radarChart, radarNumbered } from "./charts.js";

/** @typedef {import("./view.js").View} Model */
/**
 * The dashboard's elements: made once per bind, drawn into on every paint.
 * @typedef {{list: Element | null, summary: Element, closeGroup: HTMLElement, controls: Element, picker: HTMLInputElement,
 *   panel: HTMLElement, answer: HTMLElement, charts: Element, extra: Element, safety: Element, safetyAnswer: HTMLElement,
 *   rows: Map<string, {bar: Element, meta: Element}>, sheet: Element}} Parts
 */

/** Adds the dashboard's parts around the handbook's list of checklists in `root`. @returns {Parts} */
export function layout(/** @type {Element} */ root) {
  const list = root.querySelector(".sremgr-dashboard-list");
  const summary = h("section", { class: "sremgr-summary-panel", "aria-label": t("dash.yourProgress") });
  // The toolbar in groups, by what the reader wants to do; "Reset everything" sits apart, with the backups.
  const group = (/** @type {string} */ name, /** @type {Element[]} */ kids) => h("div", { class: "sremgr-group", role: "group", "aria-label": name }, kids);
  const closeGroup = group(t("dash.groupQuarter"), [button(t("dash.close"), "close")]);
  const controls = h("div", { class: "sremgr-toolbar" }, [
    closeGroup,
    group(t("dash.groupShare"), [button(t("dash.copy"), "copy"), button(t("dash.copyFull"), "copy-full"), button(t("dash.download"), "download"), button(t("dash.print"), "print")]),
    group(t("dash.groupCopy"), [button(t("dash.export"), "export"), button(t("dash.import"), "import")]),
  ]);
  const picker = /** @type {HTMLInputElement} */ (h("input", { type: "file", accept: ".json,application/json", class: "sremgr-file", "aria-label": t("dash.pickerLabel"), tabindex: "-1" }));
  const panel = h("div", { class: "sremgr-panel", role: "group", "aria-labelledby": "sremgr-panel-question", hidden: "" });
  const charts = h("section", { class: "sremgr-charts" });
  const extra = h("section", { class: "sremgr-extra" });
  for (const el of [summary, controls, panel, picker]) root.insertBefore(el, list);
  // Each action's answer, beside the controls that were used: visible and spoken (role=status).
  const answer = h("p", { class: "sremgr-feedback", role: "status" });
  controls.after(answer);
  const safety = h("section", { class: "sremgr-safety", "aria-labelledby": "sremgr-backups" });
  const safetyAnswer = h("p", { class: "sremgr-feedback", role: "status" });
  if (list && list.parentNode) {
    list.parentNode.insertBefore(charts, list.nextSibling);
    list.parentNode.insertBefore(extra, charts.nextSibling);
    list.parentNode.insertBefore(safety, extra.nextSibling);
  }
  // The quarter on a page (sheet.js): hidden on screen, printed first (the charts follow).
  const sheet = h("section", { class: "sremgr-sheet", "aria-labelledby": "sremgr-sheet-title" });
  root.insertBefore(sheet, root.firstChild);
  return { list, summary, closeGroup, controls, picker, panel, answer, charts, extra, safety, safetyAnswer, rows: new Map(), sheet };
}

/** Draws the whole view model; the charts for `width` CSS pixels. */
export function draw(/** @type {Parts} */ parts, /** @type {Model} */ v, /** @type {number} */ width, /** @type {(id: string, url: string) => string} */ startLink) {
  drawSummary(parts, v, startLink);
  drawRows(parts, v);
  drawCharts(parts, v, width);
  drawTags(parts, v);
  drawSafety(parts, v);
}

/** The top of the page: the headline, where to start or the overall bar, the quarter, the export reminder. */
export function drawSummary(/** @type {Parts} */ parts, /** @type {Model} */ v, /** @type {(id: string, url: string) => string} */ startLink) {
  const { summary, closeGroup } = parts;
  const s = v.summary;
  clear(summary);
  // tabindex: focus lands here when the control an action used is gone (main.js, keepFocus).
  summary.appendChild(h("h2", { id: "sremgr-overall", tabindex: "-1", text: s.title }));
  if (s.fresh) summary.appendChild(h("p", { class: "sremgr-start", text: s.fresh }));
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
  // Nothing to close before the reader has done anything; after a fresh start, there is.
  /** @type {HTMLElement} */ (closeGroup).hidden = !s.anything;
}

/** Each checklist's bar and line in the handbook's list (made once per row, then updated). */
export function drawRows(/** @type {Parts} */ parts, /** @type {Model} */ v) {
  const { list, rows } = parts;
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

/**
 * The history and the radar, each with its table, drawn for `width` CSS pixels, each heading
 * kept with its chart (one block, printed on one page). Only once there is something to draw:
 * the radar from the first closed quarter, the history from its second point; until then one
 * line says when they come.
 */
export function drawCharts(/** @type {Parts} */ parts, /** @type {Model} */ v, /** @type {number} */ width) {
  const { charts } = parts;
  // A repaint (another tab, a resize) must not drop the focus of a reader picking lines.
  const active = document.activeElement;
  const had = active && charts.contains(active) ? active.getAttribute("data-series") : null;
  clear(charts);
  const hist = v.history;
  const r = v.prev || v.closedNow ? v.radar : null;
  if (hist.labels.length < 2) charts.appendChild(h("p", { class: "sremgr-quiet sremgr-charts-later", text: t(r ? "dash.historyLater" : "dash.chartsLater") }));
  else {
    const block = h("div", { class: "sremgr-chart-block" }, [
      h("h2", { id: "sremgr-history", text: t("dash.history") }), h("p", { class: "sremgr-quiet", text: t("dash.historyHelp") }),
    ]);
    charts.appendChild(block);
    block.appendChild(historyChart(hist.labels, hist.series, width, charts));
    const again = had && Array.from(block.querySelectorAll("button[data-series]")).find((b) => b.getAttribute("data-series") === had);
    if (again) /** @type {HTMLElement} */ (again).focus();
    charts.appendChild(dataTable(t("dash.tableCaption"), hist.head, hist.rows));
  }
  if (!r) return;
  const block = h("div", { class: "sremgr-chart-block" }, [
    h("h2", { id: "sremgr-radar", text: r.title }), h("p", { class: "sremgr-quiet", text: r.help }), radarChart(r.axes, v.period, v.prev, width),
  ]);
  charts.appendChild(block);
  if (radarNumbered(Math.min(width, 640), r.axes.length)) {
    block.appendChild(h("ol", { class: "sremgr-radar-key" }, r.key.map((k) => h("li", {}, [k.label + " ", h("b", { text: k.value })]))));
  }
  block.appendChild(legend(r.legend));
  charts.appendChild(dataTable(t("dash.lessonsCaption"), r.head, r.rows));
}

/** Tags shared by several checklists, each with its bar. */
export function drawTags(/** @type {Parts} */ parts, /** @type {Model} */ v) {
  const { extra } = parts;
  clear(extra);
  // Before anything is started, every tag would read 0%: nothing to show yet.
  if (!v.tags.length || !v.summary.started) return;
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
export function drawSafety(/** @type {Parts} */ parts, /** @type {Model} */ v) {
  const { safety, safetyAnswer } = parts;
  const s = v.safety;
  const active = /** @type {Document | ShadowRoot} */ (safety.getRootNode()).activeElement; // a shadow root's own
  const focused = safety.contains(active) ? active : null;
  const keep = focused && focused.getAttribute("data-sremgr-action");
  // The list stays as open as the reader left it, and focus goes to the same control of the row
  // that now stands where the used one stood (a restore adds a row on top, a delete removes one).
  const wasOpen = !!safety.querySelector("details[open]");
  const rowsBefore = Array.from(safety.querySelectorAll("[data-sremgr-backup]"));
  const at = focused ? rowsBefore.findIndex((r) => r.contains(focused)) : -1;
  clear(safety);
  if (!s.show) return;
  safety.appendChild(h("h2", { id: "sremgr-backups", tabindex: "-1", text: t("dash.safety") }));
  safety.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.backupsHelp") }));
  if (s.backups.length) {
    const bl = h("ul", { class: "sremgr-backup-list" });
    for (const b of s.backups) {
      bl.appendChild(h("li", { "data-sremgr-backup": b.name }, [
        // What made it and when, then what it holds: enough to choose between two backups.
        h("span", { class: "sremgr-backup-text" }, [h("span", { text: b.text }), " ", h("span", { class: "sremgr-quiet sremgr-backup-holds", text: b.holds })]), " ",
        button(t("dash.restore"), "restore"), button(t("dash.delete"), "delete-backup", "sremgr-danger"),
      ]));
    }
    safety.appendChild(h("details", { class: "sremgr-backups", open: wasOpen ? "" : null }, [h("summary", { text: t("dash.backups", { n: s.count }) }), bl]));
  } else safety.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.noBackups") }));
  if (s.reset) safety.appendChild(h("div", { class: "sremgr-toolbar sremgr-danger-zone" }, [button(t("dash.resetAll"), "reset-all", "sremgr-danger")]));
  safety.appendChild(safetyAnswer);
  // A repaint must not drop the reader's focus to <body>.
  if (focused && !safety.contains(focused)) {
    const rows = safety.querySelectorAll("[data-sremgr-backup]");
    const row = at >= 0 && rows.length ? rows[Math.min(at, rows.length - 1)] : safety;
    const again = keep && (row.querySelector(`[data-sremgr-action="${keep}"]`) || safety.querySelector(`[data-sremgr-action="${keep}"]`));
    /** @type {HTMLElement} */ (again || safety.querySelector("summary") || safety.querySelector("h2") || safety).focus();
  }
}
