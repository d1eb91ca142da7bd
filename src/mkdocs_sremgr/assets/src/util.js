// Small pure helpers shared by every module. No DOM.
import { idMaxLength, idPattern, periodPattern } from "./rules.generated.js";

/** @typedef {Record<string, unknown>} Obj */

const ID = new RegExp(`^(?:${idPattern})$`);
const PERIOD = new RegExp(`^(?:${periodPattern})$`);

/** Whether `v` is a plain JSON object (not null, not an array). */
export function isObj(/** @type {unknown} */ v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A map with no prototype: ids such as `constructor` or `__proto__` are ordinary keys. */
export function dict() {
  return /** @type {Record<string, any>} */ (Object.create(null));
}

/** Own-property read that never reaches the prototype. */
export function own(/** @type {unknown} */ o, /** @type {string} */ k) {
  return isObj(o) && Object.prototype.hasOwnProperty.call(o, k)
    ? /** @type {Obj} */ (o)[k]
    : undefined;
}

/** A kebab-case id as the build makes them (the whole string: "a\n" is not one). */
export function isId(/** @type {unknown} */ v) {
  return typeof v === "string" && v.length <= idMaxLength && ID.test(v);
}

/** A closed quarter's name such as 2026-Q4. */
export function isPeriod(/** @type {unknown} */ v) {
  return typeof v === "string" && PERIOD.test(v);
}

/** The instant a date string names, in ms since the epoch; NaN when it is not a date. */
export function instant(/** @type {unknown} */ v) {
  return typeof v === "string" && v.length <= 64 ? Date.parse(v) : NaN;
}

/** Whether `v` is a date string the engine can compare. */
export function isDate(/** @type {unknown} */ v) {
  return !Number.isNaN(instant(v));
}

/**
 * A change time for comparisons: parsed, and clamped to `now` so a clock set to the year
 * 9999 cannot win every merge; an unreadable time counts as the oldest (-Infinity).
 */
export function stamp(/** @type {unknown} */ v, /** @type {number} */ now) {
  const t = instant(v);
  return Number.isNaN(t) ? -Infinity : Math.min(t, now);
}

/** Deep copy of JSON data into prototype-free objects (arrays stay arrays). */
export function clone(/** @type {unknown} */ v) {
  /** @type {any} */
  let out = v;
  if (Array.isArray(v)) out = v.map(clone);
  else if (isObj(v)) {
    out = dict();
    for (const k of Object.keys(/** @type {Obj} */ (v))) out[k] = clone(/** @type {Obj} */ (v)[k]);
  }
  return out;
}

/** Rounded percentage, 0 when there is nothing to count. */
export function pct(/** @type {number} */ part, /** @type {number} */ whole) {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
