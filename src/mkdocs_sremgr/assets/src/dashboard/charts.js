// The dashboard's charts: plain SVG, with a table of the same numbers under each.
// Each drawing is made at the width it is shown at (one user unit = one CSS pixel), so its text
// is 12 px on a phone as on a desktop; values are written on the drawing, never hover-only.
import { h } from "../dom.js";
import { percent, t } from "../strings.js";

/** @typedef {{name: string, id?: string, cls: string, started?: boolean, points: [string, number | null][]}} Series */
/** @typedef {{label: string, now: number, before: number | null}} Axis */

/** Text size in CSS px (WCAG-friendly on a phone) and the average width of one character. */
export const FONT = 12;
const CHAR = 6.8;

function svg(/** @type {string} */ tag, /** @type {Record<string, string | number>} */ attrs = {}, /** @type {Node[]} */ kids = []) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of kids) el.appendChild(c);
  return el;
}
function label(/** @type {string} */ tag, /** @type {Record<string, string | number>} */ attrs, /** @type {string} */ text) {
  const el = svg(tag, attrs);
  el.textContent = text;
  return el;
}

/** `text` cut to at most `max` characters (with an ellipsis), never below 4. */
export function fit(/** @type {string} */ text, /** @type {number} */ max) {
  const n = Math.max(4, Math.floor(max));
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

/**
 * Splits `text` into at most two lines of `max` characters at spaces; the rest is cut.
 * @returns {string[]}
 */
export function wrap(/** @type {string} */ text, /** @type {number} */ max) {
  const n = Math.max(4, Math.floor(max));
  if (text.length <= n) return [text];
  const cut = text.lastIndexOf(" ", n);
  if (cut <= 0) return [fit(text, n)];
  return [text.slice(0, cut), fit(text.slice(cut + 1), n)];
}

/** How many line colours there are (sremgr.css: --sremgr-c1 … --sremgr-c6); more lines reuse them. */
export const COLOURS = 6;

/** @type {CanvasRenderingContext2D | null | undefined} */
let pen;
/** A measure of text at 12 px in the page's font (a canvas measures it: the drawing is made
 *  detached, where nothing can be measured); an estimate where no canvas exists. */
export function measurer(/** @type {Element | null} */ at, /** @type {boolean} */ bold = false) {
  if (pen === undefined) {
    try {
      pen = document.createElement("canvas").getContext("2d");
    } catch {
      pen = null;
    }
  }
  const ctx = pen;
  if (!ctx || !at) return (/** @type {string} */ s) => s.length * CHAR * (bold ? 1.06 : 1);
  const font = `${bold ? "600 " : ""}${FONT}px ${getComputedStyle(at).fontFamily || "sans-serif"}`;
  // A little room on top of the measure: a print or a zoom may round glyphs up.
  return (/** @type {string} */ s) => {
    ctx.font = font;
    return ctx.measureText(s).width * 1.04 + 1;
  };
}

/**
 * `text` on at most two lines no wider than `max` (measured by `measure`): broken at spaces,
 * or anywhere in a script written without them; what does not fit is cut with an ellipsis.
 * @returns {string[]}
 */
export function wrapTo(/** @type {string} */ text, /** @type {number} */ max, /** @type {(s: string) => number} */ measure) {
  if (measure(text) <= max) return [text];
  const spaced = text.includes(" ");
  const parts = spaced ? text.split(" ") : [...text];
  const glue = spaced ? " " : "";
  let first = parts[0], k = 1;
  while (k < parts.length && measure(first + glue + parts[k]) <= max) first += glue + parts[k++];
  if (measure(first) > max) return [cut(text, max, measure)];
  return [first, cut(parts.slice(k).join(glue), max, measure)];
}

function cut(/** @type {string} */ text, /** @type {number} */ max, /** @type {(s: string) => number} */ measure) {
  if (measure(text) <= max) return text;
  let s = text;
  while (s.length > 1 && measure(s + "…") > max) s = s.slice(0, -1);
  return s.trimEnd() + "…";
}

/**
 * Places boxes of `heights` as near as they can be to the wanted centres `wants`, never
 * overlapping (at least `gap` apart) and inside [lo, hi] when they fit there; returns each
 * box's top, in the same order. A box pushed off its place keeps the order of the wants.
 * @returns {number[]}
 */
export function place(/** @type {number[]} */ wants, /** @type {number[]} */ heights, /** @type {number} */ gap, /** @type {number} */ lo, /** @type {number} */ hi) {
  const order = wants.map((_, i) => i).sort((a, b) => wants[a] - wants[b] || a - b);
  /** @type {number[]} */
  const top = new Array(wants.length);
  let edge = lo;
  for (const i of order) {
    top[i] = Math.max(wants[i] - heights[i] / 2, edge);
    edge = top[i] + heights[i] + gap;
  }
  // Pushed past the bottom: move the stack back up, from the last box, only as far as needed.
  edge = hi;
  for (const i of order.slice().reverse()) {
    if (top[i] + heights[i] > edge) top[i] = edge - heights[i];
    edge = top[i] - gap;
  }
  return top;
}

/** The height one label line takes, and the space between two labels. */
const LINE = FONT + 3, GAP = 3;

/** Whether a checklist's line has nothing to draw: never started and 0 (or no record) at every quarter. */
export function untouched(/** @type {Series} */ s) {
  return !!s.id && !s.started && s.points.every((pt) => !pt[1]);
}

/**
 * The history: one line per checklist in a colour of its own, each labelled at its end with its
 * value and name, the labels placed so that none overlaps another or leaves the drawing (a thin
 * leader joins a label moved off its line's end); the checklists never started share one line
 * and one label ("10 not started"); the overall line thick, with its value at every quarter.
 * `at` is the element the drawing goes in (its font is measured); `picked`, a line to highlight.
 */
export function lineChart(/** @type {string[]} */ labels, /** @type {Series[]} */ series, /** @type {number} */ width = 640, /** @type {Element | null} */ at = null, /** @type {string | null} */ picked = null) {
  const W = Math.round(Math.max(300, Math.min(width, 720)));
  const n = labels.length;
  const quiet = series.filter(untouched), shown = series.filter((s) => !untouched(s));
  const R = Math.min(210, Math.round(W * 0.42)), L = 40, T = 14, B = 44;
  const room = R - 18; // the labels' width: from W - R + 14 to 4 px before the edge
  const plain = measurer(at), bold = measurer(at, true);
  /** @type {{key: string, lines: string[], want: number, cls: string, title: string, end: [number, number] | null, colour: number}[]} */
  const ends = [];
  // The end of each line: its last value; its label says the value, then the name.
  const lastOf = (/** @type {Series} */ s) => {
    for (let i = s.points.length - 1; i >= 0; i--) if (s.points[i][1] != null) return /** @type {[number, number]} */ ([i, /** @type {number} */ (s.points[i][1])]);
    return /** @type {[number, number]} */ ([n - 1, 0]);
  };
  let colour = 0;
  /** @type {Map<Series, number>} */
  const colours = new Map();
  for (const s of shown) {
    const [i, v] = lastOf(s);
    const c = s.id ? (colour++ % COLOURS) + 1 : 0;
    colours.set(s, c);
    ends.push({ key: s.id || "overall", lines: wrapTo(`${percent(v)} ${s.name}`, room, s.id ? plain : bold), want: v, cls: s.id ? "" : " sremgr-end-overall", title: `${s.name}: ${percent(v)}`, end: [i, v], colour: c });
  }
  if (quiet.length) {
    const text = t("dash.chartQuiet", { n: quiet.length });
    ends.push({ key: "quiet", lines: wrapTo(`${percent(0)} ${text}`, room, plain), want: 0, cls: " sremgr-end-quiet", title: `${text}: ${quiet.map((s) => s.name).join(", ")}`, end: null, colour: 0 });
  }
  const heights = ends.map((e) => e.lines.length * LINE);
  const need = heights.reduce((a, b) => a + b, 0) + GAP * ends.length + 8;
  const H = Math.max(240, need + T + B - 30);
  const x = (/** @type {number} */ i) => L + (n > 1 ? (i * (W - L - R - 12)) / (n - 1) : (W - L - R) / 2);
  const y = (/** @type {number} */ v) => T + ((100 - v) * (H - T - B)) / 100;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "sremgr-chart sremgr-history-chart", role: "img", "aria-label": t("dash.chartLabel") });
  if (picked) g.setAttribute("data-sremgr-picked", picked);
  for (const v of [0, 25, 50, 75, 100]) {
    g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "sremgr-grid" }));
    g.appendChild(label("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "sremgr-axis" }, percent(v)));
  }
  // Quarters: "Q1" with its year on a second line where the year starts (or changes), so that
  // four quarters fit a phone's width.
  labels.forEach((l, i) => {
    const anchor = n > 1 && i === n - 1 ? "end" : n > 1 && i === 0 ? "start" : "middle";
    const text = label("text", { x: x(i), y: H - 22, "text-anchor": anchor, class: "sremgr-axis" }, l.slice(5));
    if (!i || l.slice(0, 4) !== labels[i - 1].slice(0, 4)) text.appendChild(label("tspan", { x: x(i), dy: FONT + 2 }, l.slice(0, 4)));
    g.appendChild(text);
  });
  // The lines: the untouched ones first (under the others, all at 0), the overall one last (on top).
  const mark = (/** @type {string} */ key) => (picked ? (key === picked ? " sremgr-picked" : " sremgr-dim") : "");
  for (const s of [...quiet, ...shown.filter((s) => s.id), ...shown.filter((s) => !s.id)]) {
    const key = untouched(s) ? "quiet" : s.id || "overall";
    const c = colours.get(s) || 0;
    /** @type {string[]} */
    const pts = [];
    const grp = svg("g", { class: s.cls + (c ? " sremgr-c" + c : "") + (key === "quiet" ? " sremgr-line-quiet" : "") + mark(key), "data-series": key });
    s.points.forEach((pt, i) => {
      const v = pt[1];
      if (v == null) return;
      pts.push(x(i) + "," + y(v));
      const dot = svg("circle", { cx: x(i), cy: y(v), r: s.id ? 2.5 : 4, "data-period": pt[0], "data-score": v });
      dot.appendChild(label("title", {}, `${s.name}, ${pt[0]}: ${percent(v)}`));
      grp.appendChild(dot);
      // The overall line carries its value at every quarter: readable without hover or the table.
      if (!s.id && i < n - 1) grp.appendChild(label("text", { x: x(i), y: y(v) - 8, "text-anchor": i === 0 ? "start" : "middle", class: "sremgr-axis sremgr-value" }, percent(v)));
    });
    grp.insertBefore(svg("polyline", { points: pts.join(" "), fill: "none" }), grp.firstChild);
    g.appendChild(grp);
  }
  // The labels, each as near its line's end as the others let it be, with a leader when moved.
  const tops = place(ends.map((e) => y(e.want)), heights, GAP, 2, H - 2);
  const lx = W - R + 14;
  ends.forEach((e, k) => {
    const mid = tops[k] + heights[k] / 2;
    const grp = svg("g", { class: "sremgr-end-label" + (e.colour ? " sremgr-c" + e.colour : "") + mark(e.key), "data-series": e.key });
    const from = e.end ? [x(e.end[0]) + 4, y(e.end[1])] : [W - R + 2, y(0)];
    grp.appendChild(svg("polyline", { points: `${from[0]},${from[1]} ${lx - 8},${mid} ${lx - 3},${mid}`, fill: "none", class: "sremgr-leader" }));
    const text = svg("text", { x: lx, y: tops[k] + FONT - 1, class: "sremgr-axis sremgr-end" + e.cls });
    e.lines.forEach((line, i) => text.appendChild(label("tspan", { x: lx, dy: i ? LINE : 0 }, line)));
    text.appendChild(label("title", {}, e.title));
    grp.appendChild(text);
    g.appendChild(grp);
  });
  return g;
}

/** The line picked on the history chart, kept across repaints (null: none). */
let picked = /** @type {string | null} */ (null);

/**
 * The history chart with the buttons that pick one of its lines (by keyboard, pointer or
 * touch): the picked line and its label stand out, the others are muted; the same button again,
 * or Escape, shows them all alike.
 */
export function historyChart(/** @type {string[]} */ labels, /** @type {Series[]} */ series, /** @type {number} */ width, /** @type {Element} */ at) {
  const shown = series.filter((s) => !untouched(s));
  if (picked && !shown.some((s) => (s.id || "overall") === picked)) picked = null;
  const box = h("div", { class: "sremgr-history" });
  let chart = lineChart(labels, series, width, at, picked);
  let colour = 0;
  const buttons = shown.map((s) => {
    const key = s.id || "overall";
    const c = s.id ? (colour++ % COLOURS) + 1 : 0;
    return h("button", { type: "button", class: "sremgr-btn sremgr-pick" + (c ? " sremgr-c" + c : " sremgr-pick-overall"), "data-series": key, "aria-pressed": String(key === picked) }, [
      h("span", { class: "sremgr-swatch", "aria-hidden": "true" }), s.name,
    ]);
  });
  const pick = (/** @type {string | null} */ key) => {
    picked = key;
    const next = lineChart(labels, series, width, at, picked);
    chart.replaceWith(next);
    chart = next;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.getAttribute("data-series") === picked));
  };
  const group = h("div", { class: "sremgr-picks", role: "group", "aria-label": t("dash.pickLine") }, buttons);
  group.addEventListener("click", (e) => {
    const b = /** @type {Element} */ (e.target).closest("button[data-series]");
    if (b) pick(b.getAttribute("data-series") === picked ? null : b.getAttribute("data-series"));
  });
  group.addEventListener("keydown", (e) => {
    if (/** @type {KeyboardEvent} */ (e).key === "Escape" && picked) pick(null);
  });
  // A tap on a line's label picks that line too (the buttons are the way in for a keyboard).
  box.addEventListener("click", (e) => {
    const end = /** @type {Element} */ (e.target).closest("svg g[data-series]");
    const key = end && end.getAttribute("data-series");
    if (key && key !== "quiet") pick(key === picked ? null : key);
  });
  box.appendChild(chart);
  box.appendChild(group);
  return box;
}

/**
 * The lessons this quarter (filled) against the last closed quarter (dashed). A score of 0
 * still draws a small ring, so a radar with most axes at 0 keeps a shape; every axis label says
 * its values, on up to two lines, as long as the room on its side allows.
 */
export function radarChart(/** @type {Axis[]} */ axes, /** @type {string} */ p, /** @type {string | null} */ prev, /** @type {number} */ width = 560) {
  const W = Math.round(Math.max(300, Math.min(width, 640)));
  const n = axes.length;
  const numbered = radarNumbered(W, n);
  const Rr = Math.round(Math.min(150, W * 0.27)), C = W / 2, top = 3 * FONT + 8;
  const H = Math.round(2 * Rr + 2 * top + 12), CY = H / 2;
  const FLOOR = 6; // percent of the radius a 0 is drawn at
  const r = (/** @type {number} */ v) => FLOOR + (v * (100 - FLOOR)) / 100;
  const at = (/** @type {number} */ i, /** @type {number} */ v) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [C + (Math.cos(a) * Rr * v) / 100, CY + (Math.sin(a) * Rr * v) / 100];
  };
  const g = svg("svg", {
    viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "sremgr-chart sremgr-radar", role: "img",
    "aria-label": prev ? t("dash.radarLabelPrev", { period: prev }) : t("dash.radarLabel"),
  });
  for (const v of [25, 50, 75, 100]) {
    g.appendChild(svg("polygon", { points: axes.map((_, i) => at(i, r(v)).join(",")).join(" "), class: "sremgr-grid", fill: "none" }));
  }
  axes.forEach((a, i) => {
    const end = at(i, 100), lab = at(i, 108);
    g.appendChild(svg("line", { x1: C, y1: CY, x2: end[0], y2: end[1], class: "sremgr-grid" }));
    const side = lab[0] < C - 5 ? "end" : lab[0] > C + 5 ? "start" : "middle";
    const room = (side === "end" ? lab[0] : side === "start" ? W - lab[0] : W * 0.6) / CHAR - 1;
    const value = percent(a.now) + (prev ? " · " + (a.before == null ? "–" : percent(a.before)) : "");
    const lines = numbered ? [String(i + 1)] : [...wrap(a.label, room), value];
    const up = lab[1] < CY - 5 ? lines.length - 1 : lab[1] > CY + 5 ? 0 : (lines.length - 1) / 2;
    const text = svg("text", { x: lab[0], y: lab[1] + 4 - up * (FONT + 1), "text-anchor": side, class: "sremgr-axis" });
    lines.forEach((line, k) => {
      const ts = label("tspan", { x: lab[0], dy: k ? FONT + 1 : 0, class: k === lines.length - 1 ? "sremgr-value" : "" }, line);
      text.appendChild(ts);
    });
    text.appendChild(label("title", {}, `${a.label}: ${value}`));
    g.appendChild(text);
  });
  /** @type {[ "before" | "now", string | null, string][]} */
  const specs = [["before", prev, "sremgr-area-before"], ["now", p, "sremgr-area-now"]];
  for (const [which, name, cls] of specs) {
    if (!name) continue;
    const grp = svg("g", { class: cls, "data-series": name });
    grp.appendChild(svg("polygon", { points: axes.map((a, i) => at(i, r(a[which] || 0)).join(",")).join(" ") }));
    axes.forEach((a, i) => {
      const pt = at(i, r(a[which] || 0));
      const v = a[which];
      grp.appendChild(svg("circle", { cx: pt[0], cy: pt[1], r: 3.5, "data-axis": a.label, "data-score": v == null ? "" : v }));
    });
    g.appendChild(grp);
  }
  return g;
}

/** Whether a radar this wide names its axes by number (a list under it gives names and values):
 *  on a phone, a dozen names around a circle overlap. */
export function radarNumbered(/** @type {number} */ width, /** @type {number} */ n) {
  return width < 520 && n > 6;
}

/** A legend in HTML: the line's look and what it stands for. */
export function legend(/** @type {[string, string][]} */ entries) {
  return h("ul", { class: "sremgr-legend-list" }, entries.map(([cls, text]) => h("li", {}, [h("span", { class: "sremgr-key " + cls, "aria-hidden": "true" }), text])));
}

export function dataTable(/** @type {string} */ caption, /** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  const table = h("table", { class: "sremgr-table" }, [h("caption", { text: caption })]);
  table.appendChild(h("thead", {}, [h("tr", {}, head.map((c) => h("th", { scope: "col", text: c })))]));
  table.appendChild(h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, i) => h(i ? "td" : "th", i ? { text: c } : { scope: "row", text: c }))))));
  return h("details", { class: "sremgr-table-wrap" }, [h("summary", { text: t("dash.showTable") }), table]);
}
