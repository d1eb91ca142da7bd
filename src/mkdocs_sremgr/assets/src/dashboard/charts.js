// The dashboard's charts: plain SVG, with a table of the same numbers under each.
// Each drawing is made at the width it is shown at (one user unit = one CSS pixel), so its text
// is 12 px on a phone as on a desktop; values are written on the drawing, never hover-only.
import { h } from "../dom.js";
import { percent, t } from "../strings.js";

/** @typedef {{name: string, id?: string, cls: string, points: [string, number | null][]}} Series */
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

/**
 * Places labels at wanted heights `ys` so that none overlaps (at least `gap` apart), inside
 * [lo, hi]; returns the heights in the same order.
 */
export function spread(/** @type {number[]} */ ys, /** @type {number} */ gap, /** @type {number} */ lo, /** @type {number} */ hi) {
  const order = ys.map((y, i) => [y, i]).sort((a, b) => a[0] - b[0]);
  const out = new Array(ys.length);
  let prev = lo - gap;
  for (const [y, i] of order) out[i] = prev = Math.max(y, prev + gap);
  // Pushed past the bottom: shift the stack up.
  const over = prev - hi;
  if (over > 0) for (let i = 0; i < out.length; i++) out[i] = Math.max(lo, out[i] - over);
  return out;
}

/** The history: one line per checklist, labelled at its end with its name and value; the overall line thick, every point valued. */
export function lineChart(/** @type {string[]} */ labels, /** @type {Series[]} */ series, /** @type {number} */ width = 640) {
  const W = Math.round(Math.max(300, Math.min(width, 720)));
  const n = labels.length, named = series.filter((s) => s.id);
  const R = Math.min(200, Math.round(W * 0.42)), L = 40, T = 14, B = 44;
  const H = Math.max(240, T + B + (named.length + 1) * (FONT + 3));
  const x = (/** @type {number} */ i) => L + (n > 1 ? (i * (W - L - R - 12)) / (n - 1) : (W - L - R) / 2);
  const y = (/** @type {number} */ v) => T + ((100 - v) * (H - T - B)) / 100;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "sremgr-chart", role: "img", "aria-label": t("dash.chartLabel") });
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
  // End labels: name and value at the right of each line, spread so that none overlaps.
  const ends = series.map((s) => {
    const last = [...s.points].reverse().find((pt) => pt[1] != null);
    return last ? /** @type {number} */ (last[1]) : 0;
  });
  const at = spread(ends.map((v) => y(v) + 4), FONT + 2, T + 4, H - B);
  const room = (R - 10) / CHAR;
  series.forEach((s, k) => {
    const v = ends[k];
    const text = label("text", { x: W - R + 8, y: at[k], class: "sremgr-axis sremgr-end" + (s.id ? "" : " sremgr-end-overall"), "data-series": s.id || "overall" },
      fit(`${percent(v)} ${s.name}`, room));
    text.appendChild(label("title", {}, `${s.name}: ${percent(v)}`));
    g.appendChild(text);
  });
  for (const s of series.slice().reverse()) {
    /** @type {string[]} */
    const pts = [];
    const grp = svg("g", { class: s.cls, "data-series": s.id || "overall" });
    s.points.forEach((pt, i) => {
      const v = pt[1];
      if (v == null) return;
      pts.push(x(i) + "," + y(v));
      const c = svg("circle", { cx: x(i), cy: y(v), r: s.id ? 2.5 : 4, "data-period": pt[0], "data-score": v });
      c.appendChild(label("title", {}, `${s.name}, ${pt[0]}: ${percent(v)}`));
      grp.appendChild(c);
      // The overall line carries its value at every quarter: readable without hover or the table.
      if (!s.id && i < n - 1) grp.appendChild(label("text", { x: x(i), y: y(v) - 8, "text-anchor": i === 0 ? "start" : "middle", class: "sremgr-axis sremgr-value" }, percent(v)));
    });
    grp.insertBefore(svg("polyline", { points: pts.join(" "), fill: "none" }), grp.firstChild);
    g.appendChild(grp);
  }
  return g;
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
