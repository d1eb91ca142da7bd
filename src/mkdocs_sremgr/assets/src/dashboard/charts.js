// The dashboard's charts: plain SVG, with a table of the same numbers under each.
import { h } from "../dom.js";
import { t } from "../strings.js";

/** @typedef {{name: string, id?: string, cls: string, points: [string, number | null][]}} Series */
/** @typedef {{label: string, now: number, before: number | null}} Axis */

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

export function lineChart(/** @type {string[]} */ labels, /** @type {Series[]} */ series) {
  const W = 640, H = 260, L = 40, R = 16, T = 12, B = 36, n = labels.length;
  const x = (/** @type {number} */ i) => L + (n > 1 ? (i * (W - L - R)) / (n - 1) : (W - L - R) / 2);
  const y = (/** @type {number} */ v) => T + ((100 - v) * (H - T - B)) / 100;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "sremgr-chart", role: "img", "aria-label": t("dash.chartLabel") });
  for (const v of [0, 25, 50, 75, 100]) {
    g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "sremgr-grid" }));
    g.appendChild(label("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "sremgr-axis" }, v + "%"));
  }
  labels.forEach((l, i) => {
    const anchor = n > 1 && i === n - 1 ? "end" : n > 1 && i === 0 ? "start" : "middle";
    g.appendChild(label("text", { x: x(i), y: H - 12, "text-anchor": anchor, class: "sremgr-axis" }, l));
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
      c.appendChild(label("title", {}, `${s.name}, ${pt[0]}: ${v}%`));
      grp.appendChild(c);
    });
    grp.insertBefore(svg("polyline", { points: pts.join(" "), fill: "none" }), grp.firstChild);
    g.appendChild(grp);
  }
  return g;
}

export function radarChart(/** @type {Axis[]} */ axes, /** @type {string} */ p, /** @type {string | null} */ prev) {
  const S2 = 360, C = S2 / 2, Rr = 120, n = axes.length;
  const at = (/** @type {number} */ i, /** @type {number} */ v) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [C + (Math.cos(a) * Rr * v) / 100, C + (Math.sin(a) * Rr * v) / 100];
  };
  const g = svg("svg", {
    viewBox: `-100 -10 ${S2 + 200} ${S2 + 20}`, class: "sremgr-chart sremgr-radar", role: "img",
    "aria-label": prev ? t("dash.radarLabelPrev", { period: prev }) : t("dash.radarLabel"),
  });
  for (const v of [25, 50, 75, 100]) {
    g.appendChild(svg("polygon", { points: axes.map((_, i) => at(i, v).join(",")).join(" "), class: "sremgr-grid", fill: "none" }));
  }
  axes.forEach((a, i) => {
    const end = at(i, 100), lab = at(i, 118);
    g.appendChild(svg("line", { x1: C, y1: C, x2: end[0], y2: end[1], class: "sremgr-grid" }));
    const text = label("text", { x: lab[0], y: lab[1] + 4, "text-anchor": lab[0] < C - 5 ? "end" : lab[0] > C + 5 ? "start" : "middle", class: "sremgr-axis" },
      a.label.length > 18 ? a.label.slice(0, 17) + "…" : a.label);
    text.appendChild(label("title", {}, a.label));
    g.appendChild(text);
  });
  /** @type {[ "before" | "now", string | null, string][]} */
  const specs = [["before", prev, "sremgr-area-before"], ["now", p, "sremgr-area-now"]];
  for (const [which, name, cls] of specs) {
    if (!name) continue;
    const grp = svg("g", { class: cls, "data-series": name });
    grp.appendChild(svg("polygon", { points: axes.map((a, i) => at(i, a[which] || 0).join(",")).join(" ") }));
    axes.forEach((a, i) => {
      const pt = at(i, a[which] || 0);
      const v = a[which];
      grp.appendChild(svg("circle", { cx: pt[0], cy: pt[1], r: 3, "data-axis": a.label, "data-score": v == null ? "" : v }));
    });
    g.appendChild(grp);
  }
  return g;
}

export function dataTable(/** @type {string} */ caption, /** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  const table = h("table", { class: "sremgr-table" }, [h("caption", { text: caption })]);
  table.appendChild(h("thead", {}, [h("tr", {}, head.map((c) => h("th", { scope: "col", text: c })))]));
  table.appendChild(h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, i) => h(i ? "td" : "th", i ? { text: c } : { scope: "row", text: c }))))));
  return h("details", { class: "sremgr-table-wrap" }, [h("summary", { text: t("dash.showTable") }), table]);
}
