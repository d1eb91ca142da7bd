// The storage engine: one handbook's record in localStorage, with no DOM.
//
// API (docs/design.md, "The storage engine"):
//   createStore({key, storage, now, locks}) -> store
//   store.data           the record as last read or written (treat as read-only)
//   store.mode           "ok" | "memory" (storage blocked or unreadable) | "newer" (left untouched)
//   store.notices        id -> {key, params}: what the reader must be told (strings.js keys)
//   store.apply(change)  applies ONE change (records.js) to a fresh read and writes it; true when saved
//   store.subscribe(fn)  fn() after every change of data or notices, from this tab or another
//   store.external(v)    another tab wrote (the storage event's newValue): re-read, repair, notify
//   store.exportFile()   the export file's text (and records when it was exported)
//   store.backups(), store.backupCurrent(), store.restore(name), store.removeBackup(name)
//
// Why a write cannot lose another tab's work: it never writes a copy kept in memory. Each write
// reads the entry again, applies only its own change and writes the result, in one task. Two
// tabs in different processes may still read a stale copy for a moment (browsers do not promise
// more), so each tab remembers its recent item changes and, after its write (serialised across
// tabs by the Web Locks API where there is one, on a timer elsewhere) and on every storage event
// from another tab, re-applies any that a stale writer erased. The tick is written at once, so
// closing the tab right after a click loses nothing.
import { apply, emptyData } from "./records.js";
import { readStored } from "./validate.js";
import { clone, dict, instant, isObj, own, stamp } from "./util.js";

/** @typedef {import("./records.js").Data} Data */
/** @typedef {import("./records.js").Change} Change */
/** @typedef {{getItem(k: string): string | null, setItem(k: string, v: string): void,
 *   removeItem(k: string): void, key(i: number): string | null, readonly length: number}} StorageLike */
/** @typedef {{request(name: string, fn: () => void): Promise<unknown>}} LocksLike */
/** @typedef {{key: string, params?: Record<string, string | number>}} Notice */

/** How long a tab keeps its own item changes to repair them (ms). */
const REPAIR_WINDOW = 30000;
/** Changes that rewrite much of the record: older repairs must not undo them. */
const BULK = new Set(["reset-checklist", "reset-all", "fresh-quarter", "transform", "replace"]);

/**
 * @param {{key: string, storage: StorageLike | null, now?: () => number, locks?: LocksLike | null}} opts
 */
export function createStore(opts) {
  const key = opts.key;
  const now = opts.now || (() => Date.now());
  const locks = opts.locks || null;
  const iso = () => new Date(now()).toISOString();
  /** @type {Set<() => void>} */
  const listeners = new Set();
  /** @type {{change: Change, at: number}[]} */
  let recent = [];
  let lastRaw = /** @type {string | null} */ (null);
  let unsaved = false;

  const store = {
    key,
    /** @type {Data} */
    data: emptyData(iso()),
    /** @type {"ok" | "memory" | "newer"} */
    mode: /** @type {"ok" | "memory" | "newer"} */ ("ok"),
    /** @type {Record<string, Notice>} */
    notices: dict(),
    /** Milliseconds the first read of storage took (the browser opens it on first use). */
    storageMs: 0,
    apply: applyChange,
    subscribe,
    external,
    exportFile,
    backups,
    backupCurrent,
    restore,
    removeBackup,
    notice,
    clearNotice,
  };

  function storage() {
    return opts.storage;
  }

  function notify() {
    for (const fn of listeners) fn();
  }
  function subscribe(/** @type {() => void} */ fn) {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }
  function notice(/** @type {string} */ id, /** @type {string} */ textKey, /** @type {Record<string, string | number>} */ params = {}) {
    store.notices[id] = { key: textKey, params };
    notify();
  }
  function clearNotice(/** @type {string} */ id) {
    if (!(id in store.notices)) return;
    delete store.notices[id];
    notify();
  }

  /** The raw entry, or undefined when storage cannot be read at all. */
  function readRaw() {
    const ls = storage();
    if (!ls) return undefined;
    try {
      return ls.getItem(key);
    } catch {
      return undefined;
    }
  }

  /**
   * A fresh read of storage, as data this tab may write over; null when it must not write
   * (storage blocked, newer data, or unreadable data with no room for a backup).
   * @returns {Data | null}
   */
  function fresh() {
    const raw = readRaw();
    if (raw === undefined) return enterMemory();
    if (raw === null) return emptyData(iso());
    if (raw === lastRaw && store.mode === "ok") return /** @type {Data} */ (clone(store.data));
    const parsed = readStored(raw, iso());
    if ("newer" in parsed) {
      store.mode = "newer";
      store.data = emptyData(iso());
      store.notices.newer = { key: "notice.newer" };
      return null;
    }
    if ("bad" in parsed || parsed.problems.length) {
      // Never dropped: the whole entry as it was goes aside first, then the readable part is used.
      const name = backup(raw);
      if (!name) {
        store.mode = "memory";
        store.notices.moved = { key: "notice.movedNoRoom" };
        return null;
      }
      store.notices.moved = { key: "bad" in parsed ? "notice.moved" : "notice.partly", params: { name } };
      const data = "bad" in parsed ? emptyData(iso()) : parsed.data;
      if (!write(data)) return null;
      return /** @type {Data} */ (clone(data));
    }
    lastRaw = raw;
    return parsed.data;
  }

  function enterMemory() {
    store.mode = "memory";
    store.notices.blocked = { key: "notice.blocked" };
    return null;
  }

  /** Writes `data`; on failure keeps it in memory and says so. */
  function write(/** @type {Data} */ data) {
    const ls = storage();
    const raw = JSON.stringify(data);
    try {
      if (!ls) throw new Error("no storage");
      ls.setItem(key, raw);
    } catch {
      store.data = data;
      unsaved = true;
      store.notices.full = { key: "notice.full" };
      return false;
    }
    lastRaw = raw;
    store.data = data;
    unsaved = false;
    delete store.notices.full;
    return true;
  }

  /** Reads storage again, as at start-up (also after instant navigation to another page). */
  function load() {
    const t0 = typeof performance !== "undefined" ? performance.now() : 0;
    if (unsaved) {
      // A write failed earlier: what is in memory is newer than storage.
      store.notices.full = { key: "notice.full" };
      return;
    }
    const wasMemory = store.mode === "memory";
    store.mode = "ok";
    store.notices = dict();
    const d = fresh();
    store.storageMs = (typeof performance !== "undefined" ? performance.now() : 0) - t0;
    if (d) store.data = d;
    else if (/** @type {string} */ (store.mode) === "memory" && !wasMemory) store.data = emptyData(iso());
  }

  let lastAt = -Infinity;
  /** This tab's changes get distinct, increasing times (a fast typist makes several changes in
   * one millisecond), so the repair can tell its latest change of a field from earlier ones. */
  function ordered(/** @type {Change} */ change) {
    if (change.kind !== "item" && change.kind !== "reviewed") return change;
    const t = Math.max(instant(change.at), lastAt + 1);
    lastAt = t;
    return { ...change, at: new Date(t).toISOString() };
  }

  /** Applies one change to a fresh read and writes it. Returns whether it was saved. */
  function applyChange(/** @type {Change} */ next) {
    if (store.mode === "newer") return false;
    const change = ordered(next);
    let saved = false;
    if (store.mode === "ok") {
      // After a failed write, memory is newer than storage: keep building on it.
      const base = unsaved ? store.data : fresh();
      if (base) {
        const data = apply(base, change);
        if (BULK.has(change.kind)) data.meta.rewritten = iso();
        saved = write(data);
      }
    }
    if (store.mode !== "ok") store.data = apply(store.data, change);
    if (change.kind === "item" || change.kind === "reviewed") {
      recent.push({ change, at: now() });
      if (saved) afterWrite();
    }
    notify();
    return saved;
  }

  /** Once this write is done, check (serialised with other tabs' writes) that it stuck. */
  function afterWrite() {
    const check = () => {
      if (repair()) notify();
    };
    if (locks) locks.request(key, check).catch(() => setTimeout(check, 50));
    else setTimeout(check, 50);
  }

  /**
   * Re-applies this tab's recent item changes that a stale write from another tab erased.
   * @returns {boolean} whether anything was written
   */
  function repair() {
    if (store.mode !== "ok") return false;
    const t = now();
    recent = recent.filter((r) => t - r.at < REPAIR_WINDOW);
    if (!recent.length) return false;
    if (readRaw() === null) {
      // The whole entry was removed (site data cleared): deliberate, never undone from here.
      recent = [];
      return false;
    }
    let base = fresh();
    if (!base) return false;
    const rewritten = stamp(base.meta.rewritten, t);
    let fixed = false;
    for (const { change } of recent) {
      if (change.kind !== "item" && change.kind !== "reviewed") continue;
      if (instant(change.at) <= rewritten) continue; // a reset or an import came after it
      const c = own(base.checklists, change.checklist.id);
      const r = change.kind === "item" ? own(own(c, "items"), change.item.id) : c;
      const field = change.kind === "reviewed" ? "reviewed" : "note" in change.patch ? "noted" : "changed";
      const seen = change.kind === "reviewed" ? own(c, "reviewed") : own(r, field);
      if (stamp(seen, t) < instant(change.at)) {
        base = apply(base, change);
        fixed = true;
      }
    }
    return fixed && write(base);
  }

  /**
   * Another tab wrote our entry (the storage event, with its `newValue`): take its data, keep
   * ours, repaint. While this tab's own writes are in flight, Chromium's copy of storage in this
   * process can lag behind the event (measured: the typing tab kept showing a stale view); then
   * the event's value is shown, and storage is read again once the copy has caught up.
   */
  function external(/** @type {string | null} */ newValue = null) {
    if (store.mode === "newer" || unsaved) return;
    if (typeof newValue === "string" && readRaw() !== newValue) {
      const parsed = readStored(newValue, iso());
      if ("data" in parsed && !parsed.problems.length) store.data = parsed.data;
      setTimeout(() => external(), 200);
      notify();
      return;
    }
    const d = fresh();
    if (d) store.data = d;
    repair();
    notify();
  }

  /** The export file's text, after recording when it was exported. */
  function exportFile() {
    const at = iso();
    applyChange({ kind: "meta", patch: { exported: at } });
    const file = { format: "mkdocs-sremgr-export", storage_key: key, exported: at, data: store.data };
    return JSON.stringify(file, null, 1);
  }

  function backup(/** @type {string} */ raw) {
    const ls = storage();
    const name = `${key}:backup:${iso()}`;
    try {
      if (!ls) return null;
      ls.setItem(name, raw);
      return name;
    } catch {
      return null;
    }
  }

  /** Keeps the current record as a backup before a destructive change: its name, "memory"
   * when there is no storage to keep it in (nothing to lose), or null when it failed. */
  function backupCurrent() {
    if (store.mode === "memory") return "memory";
    if (store.mode !== "ok") return null;
    const raw = readRaw();
    return backup(typeof raw === "string" ? raw : JSON.stringify(store.data));
  }

  function backups() {
    const ls = storage();
    const prefix = `${key}:backup:`;
    /** @type {string[]} */
    const out = [];
    try {
      for (let i = 0; ls && i < ls.length; i++) {
        const k = ls.key(i);
        if (k && k.startsWith(prefix)) out.push(k);
      }
    } catch {
      /* unavailable: no backups to show */
    }
    return out.sort().reverse();
  }

  /** @returns {Data | null} a backup's data, if this version can read it */
  function readBackup(/** @type {string} */ name) {
    const ls = storage();
    let raw = null;
    try {
      raw = ls ? ls.getItem(name) : null;
    } catch {
      /* handled below */
    }
    if (raw === null) return null;
    const parsed = readStored(raw, iso());
    return "data" in parsed && !parsed.problems.length ? parsed.data : null;
  }

  /** Replaces the record with a backup's, after keeping the current one as a backup. */
  function restore(/** @type {string} */ name) {
    const data = readBackup(name);
    if (!data) return "unreadable";
    if (!backupCurrent()) return "no-backup";
    return applyChange({ kind: "replace", data }) ? "ok" : "not-saved";
  }

  function removeBackup(/** @type {string} */ name) {
    const ls = storage();
    try {
      if (ls && name.startsWith(`${key}:backup:`)) ls.removeItem(name);
    } catch {
      /* nothing to delete */
    }
    notify();
  }

  load();
  return Object.assign(store, { readBackup, load });
}

/** @typedef {ReturnType<typeof createStore>} Store */
