// A team member's answers before they send them: kept in their own browser (localStorage), under
// a key of the pulse's own, so a reload loses nothing (docs/pulse.md, "On the pulse page"). The
// key and everything here stay in this browser: the answer file is made from the values only
// (answers.js, makeAnswers). Pure apart from the storage it is given; damaged or foreign data
// reads as an empty draft, never as an error.
import { dict, isObj } from "../util.js";
import { isValue } from "./answers.js";

/** @typedef {import("./answers.js").Value} Value */
/** @typedef {import("./answers.js").Statement} Statement */
/** @typedef {{getItem(k: string): string | null, setItem(k: string, v: string): void, removeItem(k: string): void}} StorageLike */
/**
 * What is kept: the quarter it is for, per statement the wording's fingerprint and the value,
 * the random id once drawn (at the first send, kept so the same answers sent twice are one
 * answer), and how they were last sent ("" not yet, "file" or "code").
 * @typedef {{quarter: string, answers: Record<string, {fp: string, value: Value}>, random: string, sent: string}} Draft
 */

/** The draft's storage key: the handbook's key with a suffix no other entry uses. */
export const draftKey = (/** @type {string} */ handbook) => `${handbook}:pulse-draft`;

/** Larger than any draft of a 64-statement pulse: a longer entry is not ours and is not read. */
const MAX_RAW = 16384;
const RANDOM_ID = /^[0-9a-f]{32}$/;
const SENT = ["", "file", "code"];

/** An empty draft for `quarter`. @returns {Draft} */
export function emptyDraft(/** @type {string} */ quarter) {
  return { quarter, answers: dict(), random: "", sent: "" };
}

/**
 * The draft kept for `quarter`, keeping only answers to the pulse's current statements under
 * their current wording; an entry from another quarter, damaged or foreign, reads as empty.
 * Never throws.
 * @param {StorageLike | null} storage @param {string} key @param {string} quarter @param {readonly Statement[]} statements
 * @returns {Draft}
 */
export function readDraft(storage, key, quarter, statements) {
  const out = emptyDraft(quarter);
  try {
    const raw = storage ? storage.getItem(key) : null;
    if (typeof raw !== "string" || raw.length > MAX_RAW) return out;
    const d = JSON.parse(raw);
    if (!isObj(d) || d.quarter !== quarter || !isObj(d.answers)) return out;
    for (const s of statements) {
      const a = Object.prototype.hasOwnProperty.call(d.answers, s.id) ? d.answers[s.id] : null;
      if (isObj(a) && a.fp === s.fp && isValue(a.value)) out.answers[s.id] = { fp: s.fp, value: a.value };
    }
    if (typeof d.random === "string" && RANDOM_ID.test(d.random)) out.random = d.random;
    if (SENT.includes(d.sent) && out.random) out.sent = d.sent;
  } catch {
    /* damaged: an empty draft */
  }
  return out;
}

/** Writes the draft; false when the browser refused (blocked storage, full). Never throws. */
export function writeDraft(/** @type {StorageLike | null} */ storage, /** @type {string} */ key, /** @type {Draft} */ draft) {
  try {
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Removes the draft (start over); false when the browser refused. Never throws. */
export function removeDraft(/** @type {StorageLike | null} */ storage, /** @type {string} */ key) {
  try {
    if (storage) storage.removeItem(key);
    return !!storage;
  } catch {
    return false;
  }
}

/** The draft with statement `id` answered `value` (or its answer removed when `value` is not on
 * the scale). A changed answer makes the draft unsent: it must be sent again. @returns {Draft} */
export function withAnswer(/** @type {Draft} */ draft, /** @type {Statement} */ s, /** @type {unknown} */ value) {
  const answers = dict();
  Object.assign(answers, draft.answers);
  if (isValue(value)) answers[s.id] = { fp: s.fp, value: /** @type {Value} */ (value) };
  else delete answers[s.id];
  return { ...draft, answers, sent: "" };
}

/** The values of a draft, by statement id, as makeAnswers takes them. */
export function valuesOf(/** @type {Draft} */ draft) {
  /** @type {Record<string, Value>} */
  const values = dict();
  for (const id of Object.keys(draft.answers)) values[id] = draft.answers[id].value;
  return values;
}
