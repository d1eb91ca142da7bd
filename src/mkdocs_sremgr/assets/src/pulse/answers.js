// A team member's pulse answers: the anonymous answer file, its short code, and the check every
// file or code from someone else goes through (docs/pulse.md). Pure: no DOM, no storage.
import { dict, isObj } from "../util.js";

export const FORMAT = "mkdocs-sremgr-pulse";
export const VERSION = 1;
export const CODE_PREFIX = "sremgr-pulse1:";
/** An answer file or code longer than this (in UTF-16 units) is refused unread. */
export const MAX_CHARS = 16384;
export const MAX_DEPTH = 8;
export const MAX_STATEMENTS = 64;
/** The scale's values as stored: 1 (strongly disagree) to 5 (strongly agree), "dk" don't know. */
export const SCALE = /** @type {const} */ ([1, 2, 3, 4, 5, "dk"]);

const FIELDS = ["format", "version", "handbook", "quarter", "random_id", "answers"];
const RANDOM_ID = /^[0-9a-f]{32}$/;
const FP = /^[0-9a-f]{8}$/;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** What a pasted code may be wrapped in: ASCII spaces, tabs and line breaks only. */
const SPACE = /[ \t\r\n]+/g;

/** @typedef {1 | 2 | 3 | 4 | 5 | "dk"} Value */
/** @typedef {{id: string, fp: string}} Statement */
/** @typedef {{fp: string, value: Value}} Answer */
/**
 * @typedef {{format: string, version: number, handbook: string, quarter: string,
 *   random_id: string, answers: Record<string, Answer>}} Answers
 */
/** @typedef {{handbook: string, quarter: string, statements: readonly Statement[]}} Context */
/** A refusal: a `dash.pulse.why.*` catalog key and what it is about (shown as text, never HTML). */
/** @typedef {{refused: string, detail: string}} Refusal */

/** Whether `v` is a value on the scale. */
export function isValue(/** @type {unknown} */ v) {
  return v === "dk" || (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5);
}

/** 128 random bits as 32 hex digits: drawn for each answer file, derived from nothing. */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The answer object for `values` (statement id -> value); statements without a value on the
 * scale are left out. `random` is the random id (a fresh one when omitted).
 * @param {{handbook: string, quarter: string, statements: readonly Statement[],
 *   values: Record<string, unknown>, random?: string}} given
 * @returns {Answers}
 */
export function makeAnswers({ handbook, quarter, statements, values, random }) {
  /** @type {Record<string, Answer>} */
  const answers = dict();
  for (const s of statements) {
    const v = Object.prototype.hasOwnProperty.call(values, s.id) ? values[s.id] : undefined;
    if (isValue(v)) answers[s.id] = { fp: s.fp, value: /** @type {Value} */ (v) };
  }
  return { format: FORMAT, version: VERSION, handbook, quarter, random_id: random || randomId(), answers };
}

/** The answer file's text: the object as indented JSON, answers in the pulse's order. */
export function answerFile(/** @type {Answers} */ obj) {
  return JSON.stringify(obj, null, 2) + "\n";
}

const refuse = (/** @type {string} */ reason, detail = "") => /** @type {Refusal} */ ({ refused: reason, detail });
/** A value from a file as a message may show it: a string, cut short; nothing else. */
const shown = (/** @type {unknown} */ v) => (typeof v === "string" ? v.slice(0, 60) : "");

/**
 * Checks an answer file's text, a pasted code, or an already parsed object against the pulse
 * that is current for `ctx`. Never throws; on success the answers are a fresh copy holding
 * exactly the answer file's fields.
 * @returns {{ok: Answers} | Refusal}
 */
export function checkAnswers(/** @type {unknown} */ input, /** @type {Context} */ ctx) {
  try {
    return check(input, ctx);
  } catch {
    return refuse("dash.pulse.why.unreadable");
  }
}

function check(/** @type {unknown} */ input, /** @type {Context} */ ctx) {
  let obj = input;
  if (typeof input === "string") {
    if (input.length > MAX_CHARS) return refuse("dash.pulse.why.tooBig");
    const code = input.replace(SPACE, "");
    if (code.startsWith(CODE_PREFIX)) {
      const decoded = decodeCode(code);
      if (!("ok" in decoded)) return decoded;
      obj = decoded.ok;
    } else {
      try {
        obj = JSON.parse(input);
      } catch {
        return refuse("dash.pulse.why.notJson");
      }
    }
  }
  if (!shallow(obj, MAX_DEPTH)) return refuse("dash.pulse.why.nested");
  if (!isObj(obj)) return refuse("dash.pulse.why.notAnswers");
  const f = /** @type {Record<string, unknown>} */ (obj);
  if (f.format !== FORMAT) return refuse("dash.pulse.why.notAnswers");
  if (typeof f.version === "number" && f.version > VERSION) return refuse("dash.pulse.why.newer");
  if (f.version !== VERSION) return refuse("dash.pulse.why.notAnswers");
  const extra = Object.keys(f).filter((k) => !FIELDS.includes(k)).sort();
  if (extra.length) return refuse("dash.pulse.why.extraField", shown(extra[0]));
  if (f.handbook !== ctx.handbook) return refuse("dash.pulse.why.otherHandbook", shown(f.handbook));
  if (f.quarter !== ctx.quarter) return refuse("dash.pulse.why.otherQuarter", shown(f.quarter));
  if (typeof f.random_id !== "string" || !RANDOM_ID.test(f.random_id)) return refuse("dash.pulse.why.badId");
  if (!isObj(f.answers)) return refuse("dash.pulse.why.invalid", "answers");
  const given = /** @type {Record<string, unknown>} */ (f.answers);
  const ids = Object.keys(given).sort();
  if (!ids.length) return refuse("dash.pulse.why.empty");
  if (ids.length > MAX_STATEMENTS) return refuse("dash.pulse.why.tooBig");
  const current = new Map(ctx.statements.map((s) => [s.id, s]));
  /** @type {Record<string, Answer>} */
  const answers = dict();
  for (const id of ids) {
    const a = given[id];
    if (!isObj(a)) return refuse("dash.pulse.why.invalid", shown(id));
    const entry = /** @type {Record<string, unknown>} */ (a);
    const wrong = Object.keys(entry).filter((k) => k !== "fp" && k !== "value").sort();
    if (wrong.length) return refuse("dash.pulse.why.extraField", shown(wrong[0]));
    if (typeof entry.fp !== "string" || !FP.test(entry.fp)) return refuse("dash.pulse.why.invalid", shown(id));
    const s = current.get(id);
    if (!s) return refuse("dash.pulse.why.unknownStatement", shown(id));
    if (entry.fp !== s.fp) return refuse("dash.pulse.why.changed", id);
    if (!isValue(entry.value)) return refuse("dash.pulse.why.badValue", id);
    answers[id] = { fp: entry.fp, value: /** @type {Value} */ (entry.value) };
  }
  // In the pulse's order, as makeAnswers writes them.
  /** @type {Record<string, Answer>} */
  const ordered = dict();
  for (const s of ctx.statements) if (answers[s.id]) ordered[s.id] = answers[s.id];
  return { ok: { format: FORMAT, version: VERSION, handbook: ctx.handbook, quarter: ctx.quarter, random_id: f.random_id, answers: ordered } };
}

/** Whether `v` nests no deeper than `max` levels (checked without recursion). */
function shallow(/** @type {unknown} */ v, /** @type {number} */ max) {
  /** @type {[unknown, number][]} */
  const todo = [[v, 0]];
  while (todo.length) {
    const [x, depth] = /** @type {[unknown, number]} */ (todo.pop());
    if (x === null || typeof x !== "object") continue;
    if (depth >= max) return false;
    for (const y of Object.values(/** @type {object} */ (x))) todo.push([y, depth + 1]);
  }
  return true;
}

// ---- The short code -------------------------------------------------------------------------

/** FNV-1a, 32 bits: catches a code damaged in copying (not a defence against a forger). */
function fnv1a(/** @type {Uint8Array} */ bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/**
 * The answers as one line of text: CODE_PREFIX + base64url of the compact bytes (docs/pulse.md).
 * `obj` is an answer object as makeAnswers or checkAnswers give it.
 */
export function encodeCode(/** @type {Answers} */ obj) {
  const utf8 = new TextEncoder();
  /** @type {number[]} */
  const out = [VERSION];
  for (let i = 0; i < 32; i += 2) out.push(parseInt(obj.random_id.slice(i, i + 2), 16));
  const [year, q] = obj.quarter.split("-Q").map(Number);
  out.push(year >> 8, year & 255, q);
  const hb = utf8.encode(obj.handbook);
  out.push(hb.length >> 8, hb.length & 255, ...hb);
  const ids = Object.keys(obj.answers);
  out.push(ids.length);
  for (const id of ids) {
    const a = obj.answers[id];
    const ib = utf8.encode(id);
    out.push(ib.length, ...ib);
    for (let i = 0; i < 8; i += 2) out.push(parseInt(a.fp.slice(i, i + 2), 16));
    out.push(a.value === "dk" ? 0 : a.value);
  }
  const sum = fnv1a(Uint8Array.from(out));
  out.push(sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255);
  return CODE_PREFIX + base64urlOf(Uint8Array.from(out));
}

/**
 * The answer object a code carries, unchecked against any pulse (checkAnswers does that).
 * Spaces and line breaks are ignored. Never throws.
 * @returns {{ok: Answers} | Refusal}
 */
export function decodeCode(/** @type {unknown} */ text) {
  if (typeof text !== "string") return refuse("dash.pulse.why.badCode");
  if (text.length > MAX_CHARS) return refuse("dash.pulse.why.tooBig");
  const code = text.replace(SPACE, "");
  if (!code.startsWith(CODE_PREFIX)) return refuse("dash.pulse.why.badCode");
  const bytes = bytesOf(code.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length < 4) return refuse("dash.pulse.why.badCode");
  const body = bytes.subarray(0, bytes.length - 4);
  const t = bytes.length - 4;
  const sum = ((bytes[t] << 24) | (bytes[t + 1] << 16) | (bytes[t + 2] << 8) | bytes[t + 3]) >>> 0;
  if (sum !== fnv1a(body)) return refuse("dash.pulse.why.badCode");
  const obj = parseBody(body);
  return obj ? { ok: obj } : refuse("dash.pulse.why.badCode");
}

/** @returns {Answers | null} */
function parseBody(/** @type {Uint8Array} */ b) {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let at = 0;
  const take = (/** @type {number} */ n) => {
    if (at + n > b.length) throw new RangeError("short");
    const part = b.subarray(at, at + n);
    at += n;
    return part;
  };
  const hex = (/** @type {Uint8Array} */ part) => Array.from(part, (x) => x.toString(16).padStart(2, "0")).join("");
  try {
    const version = take(1)[0];
    const random = hex(take(16));
    const [y1, y2, q] = take(3);
    const hl = take(2);
    const handbook = utf8.decode(take((hl[0] << 8) | hl[1]));
    const n = take(1)[0];
    /** @type {Record<string, Answer>} */
    const answers = dict();
    for (let i = 0; i < n; i++) {
      const id = utf8.decode(take(take(1)[0]));
      const fp = hex(take(4));
      const v = take(1)[0];
      if (Object.prototype.hasOwnProperty.call(answers, id)) return null;
      answers[id] = { fp, value: /** @type {Value} */ (v === 0 ? "dk" : v) };
    }
    if (at !== b.length) return null;
    const quarter = `${String((y1 << 8) | y2).padStart(4, "0")}-Q${q}`;
    return { format: FORMAT, version, handbook, quarter, random_id: random, answers };
  } catch {
    return null;
  }
}

function base64urlOf(/** @type {Uint8Array} */ bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += B64[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The bytes of unpadded base64url text; null when it is not that. Stray bits of the last
 * character are ignored, as Python's decoder does. */
function bytesOf(/** @type {string} */ text) {
  if (text.length % 4 === 1) return null;
  /** @type {number[]} */
  const out = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}
