// The dashboard's strings: the page script's catalog (handed over by the bind call), to which
// the dashboard's part of the English catalog is added (strings.generated.js, written from
// en.json by scripts/build_assets.py): it ships with the dashboard's code, so the per-page
// bundle stays small, and the rare notice texts the page loads show here as well.
import { adopt, extend } from "../strings.js";
import { EN_DASHBOARD } from "./strings.generated.js";

/** @typedef {import("../strings.js").Strings} Strings */

/** Answers every string of the dashboard from `page`'s catalog, with the dashboard's English added. */
export function useStrings(/** @type {Strings} */ page) {
  adopt(page);
  extend(EN_DASHBOARD);
}
