// The storage engine: one handbook's record in localStorage, with no DOM.
//
// API (docs/design.md, "The storage engine"):
//   createStore({key, storage, now, locks}) -> store
//   store.data           the record as last read or written (treat as read-only)
//   store.mode           "ok" | "memory" (storage blocked or unreadable) | "newer" (left untouched)
//   store.notices        id -> {key, params}: what the reader must be told (strings.js keys)
//   store.apply(change)  applies ONE change (records.js) to a fresh read and writes it; true when saved
//   store.subscribe(fn)  fn() after every change of data or notices, from this tab or another
//   store.external()     another tab wrote (the storage event): re-read, repair, notify
//   store.backupCurrent(cause) keeps the record as it is before a destructive change ("~fresh"…)
// The dashboard's own uses (the export file, listing, restoring and deleting backups) are in
// backups.js, which the per-page bundle leaves out.
//
// Why a write cannot lose another tab's work: it never writes a copy kept in memory. Each write
// reads the entry again, applies only its own change and writes the result, in one task. Two
// tabs in different processes may still read a stale copy for a moment (browsers do not promise
// more), so each tab remembers its recent item changes and, after its write (serialised across
// tabs by the Web Locks API where there is one, on a timer elsewhere) and on every storage event
// from another tab, re-applies any that a stale writer erased. An entry that is gone was erased
// on purpose (site data cleared) and is not refilled. The tick is written at once, so
// closing the tab right after a click loses nothing.
import { apply, emptyData } from "./records.js";
import { readStored } from "./validate.js";
import { clone, dict, instant, own, stamp } from "./util.js";

/** @typedef {import("./records.js").Data} Data */
/** @typedef {import("./records.js").Change} Change */
/** @typedef {{getItem(k: string): string | null, setItem(k: string, v: string): void,
 *   removeItem(k: string): void, key(i: number): string | null, readonly length: number}} StorageLike */
/** @typedef {{request(name: string, fn: () => void): Promise<unknown>}} LocksLike */
/** @typedef {{key: string, params?: Record<string, string | number>}} Notice */

/** How long a tab keeps its own item changes to repair them (ms). */
const REPAIR_WINDOW = 30000;
/** Changes that rewrite much of the record: older repairs must not undo them. */
const BULK = new Set(["reset-checklist", "transform"]);

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
    /** The storage it reads and writes (null: none) and its clock; for backups.js. */
    storage: opts.storage,
    now,
    apply: applyChange,
    subscribe,
    notify,
    external,
    backupCurrent,
    notice,
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
    const t0 = performance.now();
    if (unsaved) {
      // A write failed earlier: what is in memory is newer than storage.
      store.notices.full = { key: "notice.full" };
      return;
    }
    const wasMemory = store.mode === "memory";
    store.mode = "ok";
    store.notices = dict();
    const d = fresh();
    store.storageMs = performance.now() - t0;
    if (d) store.data = d;
    else if (/** @type {string} */ (store.mode) === "memory" && !wasMemory) store.data = emptyData(iso());
  }

  /** Applies one change to a fresh read and writes it. Returns whether it was saved. */
  function applyChange(/** @type {Change} */ change) {
    if (store.mode === "newer") return false;
    let saved = false;
    if (store.mode === "ok") {
      // After a failed write, memory is newer than storage: keep building on it.
      const base = unsaved ? store.data : fresh();
      if (base) {
        const next = apply(base, change);
        if (BULK.has(change.kind)) next.meta.rewritten = iso();
        saved = write(next);
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
   * Re-applies this tab's recent item changes that a stale write from another tab erased, and
   * takes what it read as the tab's data: the storage event for that read may come later, and
   * must not find it "already seen" while the page still shows the older data.
   * @returns {boolean} whether the tab's data changed (repaint)
   */
  function repair() {
    if (store.mode !== "ok") return false;
    const t = now();
    recent = recent.filter((r) => t - r.at < REPAIR_WINDOW);
    if (!recent.length) return false;
    if (readRaw() === null) {
      // This engine never removes its entry, and a stale writer writes a whole record: a missing
      // entry was erased on purpose (the reader cleared the site's data). Nothing to bring back.
      recent = [];
      return false;
    }
    const seenRaw = lastRaw;
    let base = fresh();
    if (!base) return false;
    const rewritten = stamp(base.meta.rewritten, t);
    let fixed = false;
    // Only this tab's last change of each field is its intent: several changes can share one
    // millisecond (fast typing, a paste), and the first of them must not win over the last.
    /** @type {Set<string>} */
    const done = new Set();
    for (let n = recent.length - 1; n >= 0; n--) {
      const { change } = recent[n];
      if (change.kind !== "item" && change.kind !== "reviewed") continue;
      if (instant(change.at) <= rewritten) continue; // a reset or an import came after it
      const field = change.kind === "reviewed" ? "reviewed" : "note" in change.patch ? "noted" : "changed";
      const which = [change.checklist.id, change.kind === "item" ? change.item.id : "", field].join("\n");
      if (done.has(which)) continue;
      done.add(which);
      const c = own(base.checklists, change.checklist.id);
      const r = change.kind === "item" ? own(own(c, "items"), change.item.id) : c;
      const seen = stamp(change.kind === "reviewed" ? own(c, "reviewed") : own(r, field), t);
      const at = instant(change.at);
      /** @type {Record<string, unknown>} */
      const patch = change.kind === "item" ? change.patch : {};
      const differs = Object.keys(patch).some((k) => own(r, k) !== patch[k]);
      if (seen < at || (seen === at && differs)) {
        base = apply(base, change);
        fixed = true;
      }
    }
    if (fixed) {
      write(base); // sets store.data, saved or not (a failed write keeps it with a notice)
      return true;
    }
    store.data = base; // fresh() recorded its raw text as seen: the data must match it
    return lastRaw !== seenRaw;
  }

  /** Another tab wrote our entry (the storage event): take its data, keep ours, repaint. */
  function external() {
    if (store.mode === "newer" || unsaved) return;
    const d = fresh();
    if (d) store.data = d;
    repair();
    notify();
  }

  /** Keeps `raw` aside, named by when and (after a "~") what made it: backups.js lists them. */
  function backup(/** @type {string} */ raw, cause = "") {
    const ls = storage();
    const name = `${key}:backup:${iso()}${cause}`; // backups.js, backupPrefix
    try {
      if (!ls) return null;
      ls.setItem(name, raw);
      return name;
    } catch {
      return null;
    }
  }

  /** Keeps the current record as a backup before a destructive change (`cause`, "~reset"
   * and so on, says which: the dashboard names it): its name, "memory"
   * when there is no storage to keep it in (nothing to lose), or null when it failed. */
  function backupCurrent(cause = "") {
    if (store.mode === "memory") return "memory";
    if (store.mode !== "ok") return null;
    const raw = readRaw();
    return backup(typeof raw === "string" ? raw : JSON.stringify(store.data), cause);
  }

  load();
  return Object.assign(store, { load });
}

/** @typedef {ReturnType<typeof createStore>} Store */
