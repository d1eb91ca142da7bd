// Test doubles for the storage engine: an in-memory Storage, and clocks.
import { createStore } from "../../src/mkdocs_sremgr/assets/src/store.js";

/** A Storage over a shared Map, as two tabs of one browser see it. */
export function memoryStorage(map = new Map(), { quota = Infinity } = {}) {
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem(k, v) {
      let used = 0;
      for (const [key, val] of map) if (key !== k) used += key.length + val.length;
      if (used + k.length + String(v).length > quota) throw new Error("QuotaExceededError");
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

export const KEY = "sremgr:v1:test";
export const T0 = Date.parse("2026-11-25T10:00:00.000Z");

/** A clock that moves one millisecond per call, so every change has its own time. */
export function ticking(start = T0) {
  let t = start;
  return () => t++;
}

export function store(storage, now = ticking()) {
  return createStore({ key: KEY, storage, now, locks: null });
}

/** JSON text of a value: compares records whatever their prototypes. */
export const j = (v) => JSON.parse(JSON.stringify(v));

export const checklist = (id, aliases = []) => ({ id, aliases });
export const item = (id, aliases = []) => ({ id, aliases });
export const tick = (cid, iid, at, state = "done", extra = {}) => ({
  kind: "item",
  checklist: checklist(cid, extra.checklistAliases || []),
  item: item(iid, extra.itemAliases || []),
  patch: { state, fp: "" },
  at: new Date(at).toISOString(),
});
