// The site's manifest (docs/design.md), made safe to use: every list and weight checked.
import { defaultWeight } from "../rules.generated.js";
import { isObj } from "../util.js";
import { preparePulse } from "./teamview.js";

/**
 * @typedef {{id: string, aliases: string[], weight: number, text: string, section: string, evidence: string}} ManifestItem
 * @typedef {{id: string, aliases: string[], title: string, url: string, cadence: string,
 *   tags: string[], items: ManifestItem[]}} ManifestChecklist
 * @typedef {{storage_key: string, checklists: ManifestChecklist[], pulse?: import("./teamview.js").ManifestPulse | null}} Manifest
 */

const strings = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);
const str = (/** @type {unknown} */ v) => (typeof v === "string" ? v : "");

/** @returns {Manifest} */
export function prepare(/** @type {any} */ raw) {
  const checklists = (Array.isArray(raw.checklists) ? raw.checklists : []).filter(isObj).map((/** @type {any} */ c) => {
    /** @type {ManifestItem[]} */
    const items = [];
    for (const sec of Array.isArray(c.sections) ? c.sections.filter(isObj) : []) {
      for (const it of Array.isArray(sec.items) ? sec.items.filter(isObj) : []) {
        const w = it.weight;
        items.push({
          id: str(it.id), aliases: strings(it.aliases), text: str(it.text), section: str(sec.title), evidence: str(it.evidence),
          weight: typeof w === "number" && Number.isFinite(w) && w > 0 ? w : defaultWeight,
        });
      }
    }
    return { id: str(c.id), aliases: strings(c.aliases), title: str(c.title), url: str(c.url), cadence: str(c.cadence), tags: strings(c.tags), items };
  });
  return { storage_key: str(raw.storage_key), checklists, pulse: preparePulse(raw.pulse) };
}
