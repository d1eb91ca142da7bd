// Quarters (with a fiscal year) and how long a checklist of each cadence stays fresh.
import { cadenceDays } from "./rules.generated.js";
import { isObj, isPeriod, own, stamp } from "./util.js";

/** @typedef {import("./records.js").Data} Data */

/** A fiscal year's first month, 1–12, from the attribute's text (1 when unreadable). */
export function fiscalStart(/** @type {string | null} */ text) {
  const m = parseInt(text || "", 10);
  return m >= 1 && m <= 12 ? m : 1;
}

/** `2026-Q4`; with a fiscal year starting in month `fys`, the year is the one it starts in. */
export function periodOf(/** @type {Date} */ date, /** @type {number} */ fys = 1) {
  const m = date.getMonth() + 1;
  const y = date.getFullYear();
  const i = (m - fys + 12) % 12;
  return `${m >= fys ? y : y - 1}-Q${Math.floor(i / 3) + 1}`;
}

/** The closed quarters in the record, oldest first. */
export function closedPeriods(/** @type {Data} */ d) {
  return Object.keys(d.snapshots).filter((p) => isPeriod(p) && isObj(d.snapshots[p])).sort();
}

/** The latest quarter closed before `period`, or null. */
export function lastClosedBefore(/** @type {Data} */ d, /** @type {string} */ period) {
  const all = closedPeriods(d).filter((p) => p < period);
  return all.length ? all[all.length - 1] : null;
}

/** What quarter `period` recorded for a checklist, or undefined. */
export function snapshotOf(/** @type {Data} */ d, /** @type {string} */ period, /** @type {string} */ cid) {
  const s = own(own(own(d.snapshots, period), "checklists"), cid);
  return isObj(s) ? /** @type {import("./types.js").SnapshotEntry} */ (s) : undefined;
}

/** Days a checklist of this cadence stays fresh (quarterly's when unknown). */
export function cadenceLimit(/** @type {string} */ cadence) {
  return Object.prototype.hasOwnProperty.call(cadenceDays, cadence)
    ? cadenceDays[/** @type {keyof typeof cadenceDays} */ (cadence)]
    : cadenceDays.quarterly;
}

/** Whole days from `iso` to `now`; Infinity when `iso` is not a date. */
export function daysSince(/** @type {unknown} */ iso, /** @type {number} */ now) {
  const t = stamp(iso, now);
  return t === -Infinity ? Infinity : Math.floor((now - t) / 864e5);
}

/** The first day of `period` (local midnight), with a fiscal year starting in month `fys`. */
export function quarterStart(/** @type {string} */ period, /** @type {number} */ fys = 1) {
  const y = parseInt(period.slice(0, 4), 10);
  const q = parseInt(period.slice(-1), 10);
  return new Date(y, fys - 1 + (q - 1) * 3, 1);
}

/** The last day of `period` (local midnight): closing on 15 August closes a quarter that ends on 30 September. */
export function quarterEnd(/** @type {string} */ period, /** @type {number} */ fys = 1) {
  const s = quarterStart(period, fys);
  return new Date(s.getFullYear(), s.getMonth() + 3, 0);
}

/** Whole calendar days from `now` to the end of `period` (0 on its last day). */
export function daysLeft(/** @type {string} */ period, /** @type {number} */ fys, /** @type {number} */ now) {
  const d = new Date(now);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.max(0, Math.round((quarterEnd(period, fys).getTime() - today.getTime()) / 864e5));
}

/** The latest closed quarter up to and including `period`, or null. */
export function lastClosedUpTo(/** @type {Data} */ d, /** @type {string} */ period) {
  const all = closedPeriods(d).filter((p) => p <= period);
  return all.length ? all[all.length - 1] : null;
}
