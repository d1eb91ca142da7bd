// The Markdown summary a reader pastes into their 1:1 notes.
import { lastClosedBefore, snapshotOf } from "../periods.js";
import { itemRecord, stateOf } from "../records.js";
import { mean, score } from "../score.js";
import { t } from "../strings.js";

/** @typedef {import("./model.js").Manifest} Manifest */
/** @typedef {import("../records.js").Data} Data */

/** "+1 since 2026-Q3", "−2 since …", "no change since …", or "" when the quarter has no record. */
export function sinceText(/** @type {Data} */ d, /** @type {number} */ done, /** @type {string} */ period, /** @type {string} */ cid) {
  const snap = snapshotOf(d, period, cid);
  if (!snap || !Array.isArray(snap.done)) return "";
  const n = done - snap.done.length;
  return n > 0 ? t("since.up", { n, period }) : n < 0 ? t("since.down", { n: -n, period }) : t("since.same", { period });
}

export function markdownSummary(/** @type {Data} */ d, /** @type {Manifest} */ m, /** @type {string} */ p, /** @type {number} */ now) {
  const prev = lastClosedBefore(d, p);
  const lines = [t("md.title", { period: p }), ""];
  const sc = m.checklists.map((c) => score(d, c, c.items, now));
  const overall = mean(sc.filter((s) => s.total > 0).map((s) => s.pct));
  lines.push(t("md.overall", { pct: overall }) + (prev ? t("md.overallPrev", { period: prev }) : ""), "");
  m.checklists.forEach((c, i) => {
    const s = sc[i];
    const since = prev ? sinceText(d, s.done, prev, c.id) : "";
    lines.push("## " + c.title, "", t("md.count", s) + (since ? ` (${since})` : ""), "");
    for (const it of c.items) {
      const r = itemRecord(d, c, it);
      const st = stateOf(r);
      lines.push(`- [${st === "done" ? "x" : " "}] ${it.text}` + (st === "na" ? t("md.na") : ""));
      if (r && typeof r.note === "string" && r.note.trim()) lines.push(t("md.note", { note: r.note.trim().replace(/\s*\n\s*/g, " ") }));
    }
    lines.push("");
  });
  return lines.join("\n");
}
