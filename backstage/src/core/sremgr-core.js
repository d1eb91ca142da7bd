// mkdocs-sremgr: assets/src/embed.js as one ES module, built by scripts/build_assets.py: do not edit.
// @ts-nocheck: the sources are type-checked there; sremgr-core.d.ts declares this API.
// src/mkdocs_sremgr/assets/src/strings.js
var catalog = { c: {} };
var own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
var given = typeof window !== "undefined" && /** @type {any} */
window.sremgrStrings || {};
var extra = given.strings || {};
var ours = given.lang || "en";
function lang() {
  const l = typeof document !== "undefined" ? document.documentElement.lang : "";
  return !given.lang || l.split("-")[0] === ours.split("-")[0] ? l || void 0 : ours;
}
var rules;
function plural(n) {
  try {
    return (rules = rules || new Intl.PluralRules(ours)).select(n);
  } catch {
    return "other";
  }
}
function t(key, params = {}) {
  let text = own(extra, key) ? extra[key] : own(catalog.c, key) ? catalog.c[key] : key;
  if (text && typeof text === "object") {
    const forms = (
      /** @type {Record<string, string>} */
      text
    );
    text = forms[plural(Number(params.n) || 0)] || forms.other || key;
  }
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    if (!own(params, name)) return whole;
    const v = params[name];
    return typeof v === "number" ? num(v) : v;
  });
}
function has(key) {
  return own(extra, key) || own(catalog.c, key);
}
function extend(more) {
  catalog.c = { ...catalog.c, ...more };
}
function adopt(other) {
  catalog = other;
}
var numbers = null;
function num(n) {
  const l = lang();
  if (Number.isInteger(n) && Math.abs(n) < 1e3) return String(n);
  if (!numbers || numbers.lang !== l) {
    let format = (
      /** @type {(n: number) => string} */
      String
    );
    try {
      format = new Intl.NumberFormat(l).format;
    } catch {
    }
    numbers = { lang: l, format };
  }
  return numbers.format(n);
}
var percents = null;
function percent(v) {
  const l = lang();
  if (!percents || percents.lang !== l) {
    let format = (n) => `${Math.round(n * 100)}%`;
    try {
      format = new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format;
    } catch {
    }
    percents = { lang: l, format };
  }
  return percents.format(v / 100);
}
function day(iso2) {
  const t0 = new Date(iso2).getTime();
  if (Number.isNaN(t0)) return "";
  try {
    return new Intl.DateTimeFormat(lang(), { dateStyle: "medium" }).format(t0);
  } catch {
    return new Date(t0).toDateString();
  }
}
function time(iso2) {
  const t0 = Date.parse(iso2);
  if (Number.isNaN(t0)) return iso2;
  try {
    return new Intl.DateTimeFormat(lang(), { timeStyle: "short" }).format(t0);
  } catch {
    return new Date(t0).toTimeString();
  }
}

// src/mkdocs_sremgr/assets/src/strings.generated.js
var EN = {
  "notice.unavailable": "Your saved progress has a problem whose explanation did not load. Nothing is lost: reload the page.",
  "progress.label": "{title}: progress",
  "progress.text": "{done} of {total} done · {pct}%",
  "progress.notSaved": " (not saved)",
  "section.fallback": "Section",
  "progress.points": "{w} of {tw} points · {pct}%",
  "progress.aside": {
    "one": " · {n} set aside",
    "other": " · {n} set aside"
  },
  "progress.none": "Nothing scored this quarter"
};

// src/mkdocs_sremgr/assets/src/catalog.js
catalog.c = EN;

// src/mkdocs_sremgr/assets/src/dom.js
function h(tag, attrs = {}, kids = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "on") el.addEventListener(
      "click",
      /** @type {(e: Event) => void} */
      v
    );
    else el.setAttribute(k, String(v));
  }
  for (const c of kids) if (c) el.append(c);
  return el;
}
function button(label2, action, cls = "") {
  return h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), "data-sremgr-action": action, text: label2 });
}
function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}
function progressText(s, points = s.tw != null && s.tw !== s.total) {
  const n = s.aside;
  return t(
    !s.total && n ? "progress.none" : points ? "progress.points" : "progress.text",
    /** @type {Record<string, number>} */
    s
  ) + (n ? t("progress.aside", { n }) : "");
}
function drawBar(el, label2, s, own3 = "") {
  let bar = (
    /** @type {HTMLElement | null} */
    el.firstElementChild
  );
  if (!bar) {
    bar = h("div", { class: "sremgr-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-label": label2 }, [
      h("span", { class: "sremgr-fill" })
    ]);
    el.append(bar, h("span", { class: "sremgr-bar-text" }));
  }
  const text = own3 || progressText(s);
  bar.setAttribute("aria-valuenow", String(s.pct));
  bar.setAttribute("aria-valuetext", text);
  bar.firstElementChild.style.width = s.pct + "%";
  el.lastElementChild.textContent = text;
}
function noticeArea(root, store) {
  const box = h("div", { class: "sremgr-notices", role: "status" });
  const live = h("div", { class: "sremgr-live", "aria-live": "polite" });
  root.insertBefore(box, root.firstChild);
  root.append(live);
  let shown2 = "";
  return {
    render() {
      const ids = Object.keys(store.notices).filter((id) => has(store.notices[id].key));
      const next = ids.map((id) => id + "\0" + store.notices[id].key + JSON.stringify(store.notices[id].params || {})).join("");
      if (next === shown2) return;
      shown2 = next;
      clear(box);
      for (const id of ids) {
        const n = store.notices[id];
        box.append(h("p", { class: "sremgr-notice", "data-sremgr-notice": id, text: t(n.key, n.params) }));
      }
    },
    say(text) {
      live.textContent = text;
    }
  };
}

// src/mkdocs_sremgr/assets/src/rules.generated.js
var idPattern = (
  /** @type {const} */
  "[a-z0-9]+(?:-[a-z0-9]+)*"
);
var idMaxLength = (
  /** @type {const} */
  80
);
var periodPattern = (
  /** @type {const} */
  "\\d{4}-Q[1-4]"
);
var itemStates = (
  /** @type {const} */
  [{ "id": "open", "note": "", "scored": true, "done": false, "keep": true, "summary": false }, { "id": "done", "note": "", "scored": true, "done": true, "keep": false, "summary": false }, { "id": "na", "note": "md.na", "scored": false, "done": false, "keep": true, "summary": true }, { "id": "quiet", "note": "md.quiet", "scored": false, "done": false, "keep": false, "summary": true }]
);
var stateIds = (
  /** @type {const} */
  ["open", "done", "na", "quiet"]
);
var doneStates = (
  /** @type {const} */
  ["done"]
);
var setAsideStates = (
  /** @type {const} */
  ["na", "quiet"]
);
var storageVersion = (
  /** @type {const} */
  1
);
var cadenceDays = (
  /** @type {const} */
  { "weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366 }
);
var defaultWeight = (
  /** @type {const} */
  1
);

// src/mkdocs_sremgr/assets/src/util.js
var ID = new RegExp(`^(?:${idPattern})$`);
var PERIOD = new RegExp(`^(?:${periodPattern})$`);
function isObj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function dict() {
  return (
    /** @type {Record<string, any>} */
    /* @__PURE__ */ Object.create(null)
  );
}
function own2(o, k) {
  return isObj(o) && Object.prototype.hasOwnProperty.call(o, k) ? (
    /** @type {Obj} */
    o[k]
  ) : void 0;
}
function isId(v) {
  return typeof v === "string" && v.length <= idMaxLength && ID.test(v);
}
function isPeriod(v) {
  return typeof v === "string" && PERIOD.test(v);
}
function instant(v) {
  return typeof v === "string" && v.length <= 64 ? Date.parse(v) : NaN;
}
function isDate(v) {
  return !Number.isNaN(instant(v));
}
function stamp(v, now2) {
  const t2 = instant(v);
  return Number.isNaN(t2) ? -Infinity : Math.min(t2, now2);
}
function clone(v) {
  let out = v;
  if (Array.isArray(v)) out = v.map(clone);
  else if (isObj(v)) {
    out = dict();
    for (const k of Object.keys(
      /** @type {Obj} */
      v
    )) out[k] = clone(
      /** @type {Obj} */
      v[k]
    );
  }
  return out;
}
function pct(part, whole) {
  return whole > 0 ? Math.round(100 * part / whole) : 0;
}

// src/mkdocs_sremgr/assets/src/periods.js
function fiscalStart(text) {
  const m = parseInt(text || "", 10);
  return m >= 1 && m <= 12 ? m : 1;
}
function periodOf(date, fys = 1) {
  const m = date.getMonth() + 1;
  const y = date.getFullYear();
  const i = (m - fys + 12) % 12;
  return `${m >= fys ? y : y - 1}-Q${Math.floor(i / 3) + 1}`;
}
function closedPeriods(d) {
  return Object.keys(d.snapshots).filter((p) => isPeriod(p) && isObj(d.snapshots[p])).sort();
}
function lastClosedBefore(d, period) {
  const all = closedPeriods(d).filter((p) => p < period);
  return all.length ? all[all.length - 1] : null;
}
function snapshotOf(d, period, cid) {
  const s = own2(own2(own2(d.snapshots, period), "checklists"), cid);
  return isObj(s) ? (
    /** @type {import("./types.js").SnapshotEntry} */
    s
  ) : void 0;
}
function cadenceLimit(cadence) {
  return Object.prototype.hasOwnProperty.call(cadenceDays, cadence) ? cadenceDays[
    /** @type {keyof typeof cadenceDays} */
    cadence
  ] : cadenceDays.quarterly;
}
function daysSince(iso2, now2) {
  const t2 = stamp(iso2, now2);
  return t2 === -Infinity ? Infinity : Math.floor((now2 - t2) / 864e5);
}
function quarterStart(period, fys = 1) {
  const y = parseInt(period.slice(0, 4), 10);
  const q = parseInt(period.slice(-1), 10);
  return new Date(y, fys - 1 + (q - 1) * 3, 1);
}
function quarterEnd(period, fys = 1) {
  const s = quarterStart(period, fys);
  return new Date(s.getFullYear(), s.getMonth() + 3, 0);
}
function daysLeft(period, fys, now2) {
  const d = new Date(now2);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.max(0, Math.round((quarterEnd(period, fys).getTime() - today.getTime()) / 864e5));
}
function lastClosedUpTo(d, period) {
  const all = closedPeriods(d).filter((p) => p <= period);
  return all.length ? all[all.length - 1] : null;
}

// src/mkdocs_sremgr/assets/src/records.js
function emptyData(at2) {
  const d = { version: storageVersion, checklists: dict(), snapshots: dict(), meta: dict() };
  d.meta.created = at2;
  return d;
}
function lookup(map, named) {
  const mine = own2(map, named.id);
  if (isObj(mine)) return (
    /** @type {Record<string, any>} */
    mine
  );
  for (const old of named.aliases) {
    const r = own2(map, old);
    if (isObj(r)) return (
      /** @type {Record<string, any>} */
      r
    );
  }
  return null;
}
function moved(d, item) {
  for (const old of item.aliases) {
    const [c, i] = old.split("/");
    const r = i && own2(own2(own2(d.checklists, c), "items"), i);
    if (isObj(r)) return (
      /** @type {Record<string, any>} */
      r
    );
  }
  return null;
}
function checklistRecord(d, checklist2) {
  return lookup(d.checklists, checklist2);
}
function itemRecord(d, checklist2, item) {
  const c = checklistRecord(d, checklist2);
  return c && lookup(c.items, item) || moved(d, item);
}
var OPEN = stateIds[0];
var DONE = doneStates[0];
function stateOf(r) {
  const s = r && r.state;
  return stateIds.includes(
    /** @type {any} */
    s
  ) ? (
    /** @type {string} */
    s
  ) : OPEN;
}
var isDone = (id) => doneStates.includes(
  /** @type {any} */
  id
);
var isSetAside = (id) => setAsideStates.includes(
  /** @type {any} */
  id
);
function stateRow(id) {
  return itemStates.find((s) => s.id === id) || itemStates[0];
}
function ownChecklist(d, checklist2) {
  let c = own2(d.checklists, checklist2.id);
  if (!isObj(c)) {
    const old = checklistRecord(d, checklist2);
    c = old ? clone(old) : dict();
    d.checklists[checklist2.id] = /** @type {ChecklistRecord} */
    c;
  }
  const rec = (
    /** @type {ChecklistRecord} */
    c
  );
  if (!isObj(rec.items)) rec.items = dict();
  return rec;
}
function apply(d, change2) {
  switch (change2.kind) {
    case "item": {
      const c = ownChecklist(d, change2.checklist);
      const next = clone(lookup(c.items, change2.item) || moved(d, change2.item) || dict());
      Object.assign(next, change2.patch);
      if ("note" in change2.patch) next.noted = change2.at;
      else next.changed = change2.at;
      c.items[change2.item.id] = next;
      return d;
    }
    case "reviewed":
      ownChecklist(d, change2.checklist).reviewed = change2.at;
      return d;
    case "reset-checklist":
      for (const id of [change2.checklist.id, ...change2.checklist.aliases]) delete d.checklists[id];
      return d;
    case "snapshot":
      d.snapshots[change2.period] = clone(change2.snapshot);
      return d;
    case "meta":
      Object.assign(d.meta, change2.patch);
      return d;
    case "transform":
      return change2.run(d);
  }
}

// src/mkdocs_sremgr/assets/src/score.js
function tally() {
  return (
    /** @type {Tally} */
    { done: 0, total: 0, w: 0, tw: 0, pct: 0, aside: 0, last: "", started: false }
  );
}
function count(t2, weight, state) {
  if (isSetAside(state)) return void t2.aside++;
  t2.total++;
  t2.tw += weight;
  if (isDone(state)) {
    t2.done++;
    t2.w += weight;
  }
}
function finish(t2) {
  t2.pct = pct(t2.w, t2.tw);
  return t2;
}
var findItem = lookup;
function score(d, checklist2, items, now2) {
  const c = checklistRecord(d, checklist2);
  const recs = c && c.items;
  const t2 = tally();
  let last = -Infinity;
  for (const it of items) {
    const r = findItem(recs, it) || moved(d, it);
    if (r && stamp(r.changed, now2) > last) {
      last = stamp(r.changed, now2);
      t2.last = r.changed;
    }
    const state = stateOf(r);
    if (state !== OPEN) t2.started = true;
    count(t2, it.weight, state);
  }
  if (c && stamp(c.reviewed, now2) > last) t2.last = c.reviewed;
  if (c && typeof c.reviewed === "string") t2.started = true;
  return finish(t2);
}
function mean(values) {
  const v = (
    /** @type {number[]} */
    values.filter((x) => typeof x === "number")
  );
  return v.length ? Math.round(v.reduce((a, b) => a + b, 0) / v.length) : 0;
}
function overall(tallies2) {
  const open = tallies2.filter((s) => s.total > 0);
  const started = open.filter((s) => s.started);
  return { pct: mean(started.map((s) => s.pct)), started: started.length, all: mean(open.map((s) => s.pct)), count: open.length };
}

// src/mkdocs_sremgr/assets/src/validate.js
var MAX_NOTE = 2e3;
var MAX_IMPORT_BYTES = 25e6;
var MAX_DEPTH = 32;
var FP = /^[0-9a-f]{8}$/;
var MIGRATIONS = [
  // 0 -> 1: pre-release drafts stored no version and a boolean per item. In place: what else
  // they hold is checked by `normalise` like any record (unknown fields are kept).
  (d, at2) => {
    for (const c of Object.values(d.checklists)) {
      const items = isObj(c) && /** @type {any} */
      c.items;
      if (isObj(items)) {
        for (const k in items) if (typeof items[k] == "boolean") items[k] = { state: items[k] ? "done" : "open", changed: at2 };
      }
    }
    if (!isObj(d.snapshots)) d.snapshots = dict();
    if (!isObj(d.meta)) d.meta = dict();
    return d;
  }
];
function migrate(d, at2) {
  let v = d.version === void 0 ? 0 : d.version;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > storageVersion) return null;
  while (v < storageVersion) {
    d = MIGRATIONS[v](d, at2);
    d.version = ++v;
  }
  return d;
}
function normalise(d) {
  const problems = [];
  const bad = (msg) => (problems.push(msg), void 0);
  if (!isObj(d)) return { data: null, problems: ["data"] };
  const top = (
    /** @type {Record<string, any>} */
    d
  );
  if (top.version !== storageVersion) return { data: null, problems: ["version"] };
  if (!isObj(top.checklists)) return { data: null, problems: ["checklists"] };
  for (const k of ["snapshots", "meta"]) {
    if (top[k] !== void 0 && !isObj(top[k])) return { data: null, problems: [k] };
  }
  cut(top, 1, bad);
  const checklists = bare(top.checklists);
  for (const cid of Object.keys(checklists)) {
    const c = checklists[cid];
    if (isId(cid) && isObj(c)) continue;
    bad(at("checklists", show(cid)));
    delete checklists[cid];
  }
  for (const cid of Object.keys(checklists)) checklist(checklists[cid], cid, bad);
  const snaps = top.snapshots = isObj(top.snapshots) ? bare(top.snapshots) : dict();
  for (const p of Object.keys(snaps)) if (!snapshot(snaps[p], p, bad)) delete snaps[p];
  top.meta = isObj(top.meta) ? bare(top.meta) : dict();
  return { data: (
    /** @type {Data} */
    top
  ), problems };
}
function bare(o) {
  Object.setPrototypeOf(o, null);
  return o;
}
function checklist(c, cid, bad) {
  if (c.reviewed !== void 0 && !isDate(c.reviewed)) {
    bad(at("checklists", cid, "reviewed"));
    delete c.reviewed;
  }
  if (c.items === void 0) return;
  if (!isObj(c.items)) {
    bad(at("checklists", cid, "items"));
    c.items = dict();
    return;
  }
  const items = bare(c.items);
  for (const iid of Object.keys(items)) {
    const r = items[iid];
    const wrong = !isId(iid) || !isObj(r) ? " " : itemProblem(r);
    if (!wrong) continue;
    bad(at("checklists", cid, "items", show(iid), wrong.trim()));
    delete items[iid];
  }
}
function itemProblem(r) {
  return (
    // Any id-shaped state is kept: one this build does not know (a newer build's) reads as open
    // (records.js, stateOf) and stays in storage as it is, so a new state needs no new version.
    r.state !== void 0 && !isId(r.state) ? "state" : r.changed !== void 0 && !isDate(r.changed) ? "changed" : r.noted !== void 0 && !isDate(r.noted) ? "noted" : r.fp !== void 0 && !(typeof r.fp === "string" && (r.fp === "" || FP.test(r.fp))) ? "fp" : r.note !== void 0 && !(typeof r.note === "string" && r.note.length <= MAX_NOTE) ? "note" : ""
  );
}
function snapshot(s, p, bad) {
  if (!isPeriod(p) || !isObj(s)) return bad(at("snapshots", show(p)));
  const snap = (
    /** @type {Record<string, any>} */
    s
  );
  if (!isDate(snap.closed) || !isObj(snap.checklists)) return bad(at("snapshots", p));
  const cs = bare(snap.checklists);
  for (const cid of Object.keys(cs)) {
    const c = cs[cid];
    const ok = isId(cid) && isObj(c) && Array.isArray(c.done) && c.done.every(isId) && Number.isInteger(c.total) && c.total >= 0 && typeof c.score === "number" && c.score >= 0 && c.score <= 100;
    if (ok) continue;
    bad(at("snapshots", p, show(cid)));
    delete cs[cid];
  }
  return true;
}
function cut(o, depth, bad) {
  for (const k in o) {
    const v = o[k];
    if (v && typeof v == "object") depth <= MAX_DEPTH ? cut(v, depth + 1, bad) : delete o[bad("nested") || k];
  }
}
function shallow(v, max) {
  const todo = [[v, 0]];
  while (todo.length) {
    const [x, depth] = (
      /** @type {[unknown, number]} */
      todo.pop()
    );
    if (x === null || typeof x !== "object") continue;
    if (depth > max) return false;
    for (const y of Object.values(
      /** @type {object} */
      x
    )) todo.push([y, depth + 1]);
  }
  return true;
}
function at(...keys) {
  return keys.filter(Boolean).join(" › ");
}
function show(k) {
  return JSON.stringify(k.length > 40 ? k.slice(0, 40) + "…" : k);
}
function readStored(raw, at2) {
  let d;
  try {
    d = JSON.parse(raw);
  } catch {
    return { bad: true };
  }
  if (isObj(d) && typeof d.version === "number" && d.version > storageVersion) return { newer: true };
  if (isObj(d) && isObj(d.checklists) && (d.version === void 0 || d.version < storageVersion)) {
    try {
      d = migrate(d, at2);
    } catch {
      d = null;
    }
  }
  const { data, problems } = normalise(d);
  return data ? { data, problems } : { bad: true };
}
function validateImport(text, ctx) {
  let f;
  try {
    f = JSON.parse(text);
  } catch {
    return { error: "dash.why.notJson" };
  }
  if (!isObj(f) || f.format !== "mkdocs-sremgr-export") return { error: "dash.why.notExport" };
  if (f.storage_key !== ctx.key) return { error: "dash.why.otherHandbook", detail: String(f.storage_key).slice(0, 60) };
  if (!isDate(f.exported)) return { error: "dash.why.noDate" };
  let d = f.data;
  if (!isObj(d) || d.version !== void 0 && typeof d.version !== "number") return { error: "dash.why.noVersion" };
  if (d.version > storageVersion) return { error: "dash.why.newer" };
  if (d.version === void 0 || d.version < storageVersion) {
    d = isObj(d.checklists) ? migrate(d, ctx.at) : null;
    if (!d) return { error: "dash.why.unreadable" };
  }
  if (!shallow(d, MAX_DEPTH)) return { error: "dash.why.nested" };
  const { data, problems } = normalise(d);
  if (!data || problems.length) return { error: "dash.why.invalid", detail: problems[0] || "" };
  const ids = Object.keys(data.checklists);
  if (ids.length && !ids.some((id) => ctx.known.has(id))) return { error: "dash.why.unknown" };
  return { data, exported: f.exported };
}

// src/mkdocs_sremgr/assets/src/checklist.js
function words(text) {
  return text ? text.split(" ").filter(Boolean) : [];
}
function sectionAt(scope, el) {
  const count3 = scope.querySelectorAll("li[data-sremgr-item]").length;
  let points = count3;
  for (const li of scope.querySelectorAll("li[data-sremgr-weight]")) points += weightOf(li) - 1;
  return { el, scope, count: count3, points };
}
function weightOf(li) {
  return parseFloat(li.getAttribute("data-sremgr-weight") || "") || 1;
}
function sectionTitle(field) {
  const legend2 = field.querySelector("legend");
  return legend2 ? legend2.textContent || "" : t("section.fallback");
}
function fill(el, title, s, points) {
  drawBar(el, el.firstElementChild ? "" : t("progress.label", { title: title() }), s, progressText(s, points));
}
function toolsOf(it) {
  if (it.tools === void 0) {
    const next = it.input && it.input.nextElementSibling && it.input.nextElementSibling.nextElementSibling;
    it.tools = next && next.classList.contains("sremgr-tools") ? next : it.li.querySelector(".sremgr-tools");
  }
  return it.tools;
}
function toolButton(it, action) {
  const tools = toolsOf(it);
  return tools && tools.querySelector(`[data-sremgr-action="${action}"]`);
}
function bindChecklist(root, store, env) {
  const checklist2 = { id: root.getAttribute("data-sremgr-checklist") || "", aliases: words(root.getAttribute("data-sremgr-checklist-aliases")) };
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const title = root.getAttribute("data-sremgr-title") || checklist2.id;
  const points = !!root.querySelector("[data-sremgr-weight]");
  const doc = (
    /** @type {Document | ShadowRoot} */
    root.getRootNode()
  );
  const sections = /* @__PURE__ */ new Map();
  for (const field of root.querySelectorAll("fieldset[data-sremgr-section]")) {
    sections.set(field, sectionAt(field, field.querySelector(".sremgr-progress")));
  }
  const whole = sections.size ? null : sectionAt(root, null);
  const byAlias = /* @__PURE__ */ new Map();
  for (const li of root.querySelectorAll("li[data-sremgr-aliases]")) {
    for (const old of words(li.getAttribute("data-sremgr-aliases"))) byAlias.set(old, (byAlias.get(old) || []).concat(li));
  }
  const known = /* @__PURE__ */ new Map();
  const drawn = /* @__PURE__ */ new Set();
  function itemAt(li) {
    let it = known.get(li);
    if (!it) {
      const up = li.parentElement?.parentElement;
      const field = up && sections.has(up) ? up : li.closest("fieldset[data-sremgr-section]");
      const section = whole ? root.contains(li) && whole : field && sections.get(field);
      if (!section) return null;
      let input = (
        /** @type {HTMLInputElement | null} */
        li.firstElementChild
      );
      if (!input || !input.classList.contains("sremgr-check")) input = li.querySelector("input.sremgr-check");
      it = {
        id: li.getAttribute("data-sremgr-item") || "",
        aliases: words(li.getAttribute("data-sremgr-aliases")),
        weight: weightOf(li),
        fp: li.getAttribute("data-sremgr-fp") || "",
        li,
        input,
        section,
        tools: void 0,
        shown: OPEN,
        state: OPEN,
        mark: null,
        box: null
      };
      known.set(li, it);
    }
    return it;
  }
  let walked = null;
  function itemById(id) {
    const li = doc.getElementById(`sremgr-${checklist2.id}--${id}`)?.parentElement;
    const it = li && li.getAttribute("data-sremgr-item") === id ? itemAt(li) : null;
    if (it) return it;
    if (!walked) {
      walked = /* @__PURE__ */ new Map();
      for (const el of root.querySelectorAll("li[data-sremgr-item]")) walked.set(el.getAttribute("data-sremgr-item") || "", el);
    }
    const found = walked.get(id);
    return found ? itemAt(found) : null;
  }
  const overall2 = root.querySelector(`.sremgr-progress[data-sremgr-progress="${checklist2.id}"]`);
  const since = root.querySelector(".sremgr-since");
  const area = noticeArea(root, store);
  const reviewed = root.querySelector(".sremgr-reviewed");
  const answer = root.querySelector(".sremgr-feedback");
  const said = (btn, ok) => answer && (answer.textContent = btn.getAttribute(ok ? "data-sremgr-ok" : "data-sremgr-failed"));
  function paintItem(it, r, st) {
    const stale = isDone(st) && r && typeof r.fp === "string" && r.fp && it.fp && r.fp !== it.fp;
    const note = r && typeof r.note === "string" ? r.note : "";
    const shown2 = st + (stale ? "!" : "") + note;
    if (shown2 === it.shown) return;
    const was = it.state;
    it.shown = shown2;
    if (shown2 === OPEN) drawn.delete(it);
    else drawn.add(it);
    it.state = st;
    if (it.input && isDone(st) !== it.input.checked) it.input.checked = isDone(st);
    if (st !== was) {
      it.li.setAttribute("data-sremgr-state", st);
      if (it.input) it.input.disabled = isSetAside(st);
      for (const b of it.li.querySelectorAll("[aria-pressed]")) b.setAttribute("aria-pressed", String(b.getAttribute("data-sremgr-action") === st));
    }
    if (stale && !it.mark && (it.mark = copy("changed"))) {
      it.li.insertBefore(it.mark, toolsOf(it) || null);
    } else if (!stale && it.mark) {
      it.li.removeChild(it.mark);
      it.mark = null;
    }
    if (note && !it.box) noteBox(it);
    if (it.box && doc.activeElement !== it.box) it.box.value = note;
  }
  function copy(name) {
    const tpl = (
      /** @type {HTMLTemplateElement | null} */
      root.querySelector(`template.sremgr-${name}-tpl`)
    );
    return tpl && /** @type {Element} */
    tpl.content.children[0].cloneNode(true);
  }
  function noteBox(it) {
    const wrap2 = (
      /** @type {HTMLElement} */
      copy("note") || h("div", {}, [h("textarea", { class: "sremgr-note" })])
    );
    const box = (
      /** @type {HTMLTextAreaElement} */
      wrap2.querySelector("textarea")
    );
    box.maxLength = MAX_NOTE;
    const toggle = toolButton(it, "note");
    if (toggle) {
      box.setAttribute(
        "aria-labelledby",
        /** @type {string} */
        toggle.getAttribute("aria-labelledby")
      );
      toggle.setAttribute("aria-expanded", "true");
    }
    it.box = box;
    const tools = toolsOf(it);
    it.li.insertBefore(wrap2, tools ? tools.nextSibling : null);
    return box;
  }
  function showNote(it, open2) {
    const box = (
      /** @type {HTMLTextAreaElement} */
      it.box
    );
    const wrap2 = (
      /** @type {HTMLElement} */
      box.parentElement
    );
    const toggle = (
      /** @type {HTMLElement | null} */
      toolButton(it, "note")
    );
    wrap2.hidden = !open2;
    if (toggle) toggle.setAttribute("aria-expanded", String(open2));
    if (open2) return box.focus();
    if (!box.value) {
      it.li.removeChild(wrap2);
      it.box = null;
    }
    if (toggle) toggle.focus();
  }
  let lastShown = NaN;
  let lastTimer = 0;
  function showLast(c, used) {
    const now2 = env.now();
    let last = c ? stamp(c.reviewed, now2) : -Infinity;
    for (const r of used) if (r.changed) last = Math.max(last, stamp(r.changed, now2));
    if (last === lastShown) return;
    lastShown = last;
    reviewed.textContent = last > -Infinity ? t(
      /** @type {Element} */
      reviewed.getAttribute("data-sremgr-last") || "",
      { day: day(last) }
    ) : "";
  }
  const open = (sec) => (
    /** @type {Tally} */
    { ...tally(), total: sec.count, tw: sec.points }
  );
  function paint() {
    const c = checklistRecord(store.data, checklist2);
    const recs = c ? c.items : null;
    const tallies2 = /* @__PURE__ */ new Map();
    for (const sec of whole ? [whole] : sections.values()) tallies2.set(sec, open(sec));
    const used = [];
    const seen = /* @__PURE__ */ new Set();
    const visit = (it) => {
      if (!it || seen.has(it)) return;
      const r = findItem(recs, it) || moved(store.data, it);
      if (!r) return;
      seen.add(it);
      used.push(r);
      const state = stateOf(r);
      const st = (
        /** @type {Tally} */
        tallies2.get(it.section)
      );
      st.total--;
      st.tw -= it.weight;
      count(st, it.weight, state);
      paintItem(it, r, state);
    };
    for (const lis of byAlias.values()) for (const li of lis) visit(itemAt(li));
    if (recs) for (const key of Object.keys(recs)) visit(itemById(key));
    for (const it of Array.from(drawn)) if (!seen.has(it)) paintItem(it, null, OPEN);
    const total = tally();
    for (const [sec, st] of tallies2) {
      for (
        const k of
        /** @type {const} */
        ["done", "total", "w", "tw", "aside"]
      ) total[k] += st[k];
      if (sec.el) fill(sec.el, () => sectionTitle(sec.scope), finish(st), points);
    }
    finish(total);
    if (overall2) fill(overall2, () => title, total, points);
    if (reviewed) {
      clearTimeout(lastTimer);
      lastTimer = setTimeout(() => showLast(c, used));
    }
    if (since) {
      const prev = lastClosedBefore(store.data, periodOf(new Date(env.now()), fys));
      since.textContent = prev ? sinceText2(total, prev) : "";
    }
    area.render();
    return total;
  }
  function sinceText2(current2, period) {
    const snap = snapshotOf(store.data, period, checklist2.id);
    if (!snap || !Array.isArray(snap.done)) return "";
    const d = current2.done - snap.done.length;
    return t(
      /** @type {Element} */
      since.getAttribute(d > 0 ? "data-sremgr-up" : d < 0 ? "data-sremgr-down" : "data-sremgr-same") || "",
      { n: Math.abs(d), period }
    );
  }
  function changed(saved) {
    const s = paint();
    area.say(`${title}: ${progressText(s, points)}${saved ? "" : t("progress.notSaved")}`);
  }
  function itemOf(el) {
    const li = el.closest("li[data-sremgr-item]");
    return li && root.contains(li) && itemAt(li) || void 0;
  }
  const at2 = () => new Date(env.now()).toISOString();
  const change2 = (it, patch) => store.apply({ kind: "item", checklist: checklist2, item: it, patch, at: at2() });
  root.addEventListener("change", (e) => {
    const target = (
      /** @type {HTMLInputElement} */
      e.target
    );
    const it = target.classList.contains("sremgr-check") && itemOf(target);
    if (!it) return;
    const saved = change2(it, { state: target.checked ? DONE : OPEN, fp: it.fp });
    if (target.checked) env.askPersistence();
    changed(saved);
  });
  root.addEventListener("input", (e) => {
    const target = (
      /** @type {HTMLTextAreaElement} */
      e.target
    );
    const it = target.classList.contains("sremgr-note") && itemOf(target);
    if (it) target.parentElement.setAttribute("data-sremgr-saved", String(change2(it, { note: target.value.slice(0, MAX_NOTE) })));
  });
  root.addEventListener("keydown", (e) => {
    const target = (
      /** @type {HTMLElement} */
      e.target
    );
    const key = (
      /** @type {KeyboardEvent} */
      e.key
    );
    const it = key === "Escape" && target.classList.contains("sremgr-note") && itemOf(target);
    if (it) showNote(it, false);
    const next = (
      /** @type {HTMLElement | null} */
      target.parentElement && target.parentElement.classList.contains("sremgr-tools") ? key === "ArrowRight" ? target.nextElementSibling : key === "ArrowLeft" ? target.previousElementSibling : null : null
    );
    if (next) {
      target.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });
  root.addEventListener("click", (e) => {
    const btn = (
      /** @type {Element} */
      e.target.closest("[data-sremgr-action]")
    );
    if (!btn || !root.contains(btn)) return;
    const action = btn.getAttribute("data-sremgr-action");
    const it = itemOf(btn);
    if (action && isSetAside(action) && it) {
      const r = findItem(checklistRecord(store.data, checklist2)?.items, it) || moved(store.data, it);
      changed(change2(it, { state: stateOf(r) === action ? OPEN : action, fp: it.fp }));
    } else if (action === "confirm" && it) {
      changed(change2(it, { fp: it.fp }));
      if (it.input) it.input.focus();
    } else if (action === "note" && it) {
      if (it.box) showNote(
        it,
        /** @type {HTMLElement} */
        it.box.parentElement.hidden
      );
      else noteBox(it).focus();
    } else if (action === "reviewed") {
      const ok = store.apply({ kind: "reviewed", checklist: checklist2, at: at2() });
      said(btn, ok);
    } else if (action === "reset") {
      if (!window.confirm(btn.getAttribute("data-sremgr-confirm") || title)) return;
      if (!store.backupCurrent("~checklist/" + checklist2.id)) return store.notice("full", "notice.noBackup");
      const ok = store.apply({ kind: "reset-checklist", checklist: checklist2 });
      changed(ok);
      said(btn, ok);
    }
  });
  for (const nojs of root.querySelectorAll(".sremgr-nojs")) nojs.remove();
  root.classList.add("sremgr-js");
  return { paint, notices: area.render };
}

// src/mkdocs_sremgr/assets/src/store.js
var REPAIR_WINDOW = 3e4;
var BULK = /* @__PURE__ */ new Set(["reset-checklist", "transform"]);
function createStore(opts) {
  const key = opts.key;
  const now2 = opts.now || (() => Date.now());
  const locks = opts.locks || null;
  const iso2 = () => new Date(now2()).toISOString();
  const listeners = /* @__PURE__ */ new Set();
  let recent = [];
  let lastRaw = (
    /** @type {string | null} */
    null
  );
  let unsaved = false;
  const store = {
    key,
    /** @type {Data} */
    data: emptyData(iso2()),
    /** @type {"ok" | "memory" | "newer"} */
    mode: (
      /** @type {"ok" | "memory" | "newer"} */
      "ok"
    ),
    /** @type {Record<string, Notice>} */
    notices: dict(),
    /** Milliseconds the first read of storage took (the browser opens it on first use). */
    storageMs: 0,
    /** The storage it reads and writes (null: none) and its clock; for backups.js. */
    storage: opts.storage,
    now: now2,
    apply: applyChange,
    subscribe,
    notify,
    external,
    backupCurrent,
    notice
  };
  function storage() {
    return opts.storage;
  }
  function notify() {
    for (const fn of listeners) fn();
  }
  function subscribe(fn) {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }
  function notice(id, textKey, params = {}) {
    store.notices[id] = { key: textKey, params };
    notify();
  }
  function readRaw() {
    const ls = storage();
    if (!ls) return void 0;
    try {
      return ls.getItem(key);
    } catch {
      return void 0;
    }
  }
  function fresh() {
    const raw = readRaw();
    if (raw === void 0) return enterMemory();
    if (raw === null) return emptyData(iso2());
    if (raw === lastRaw && store.mode === "ok") return (
      /** @type {Data} */
      clone(store.data)
    );
    const parsed = readStored(raw, iso2());
    if ("newer" in parsed) {
      store.mode = "newer";
      store.data = emptyData(iso2());
      store.notices.newer = { key: "notice.newer" };
      return null;
    }
    if ("bad" in parsed || parsed.problems.length) {
      const name = backup(raw);
      if (!name) {
        store.mode = "memory";
        store.notices.moved = { key: "notice.movedNoRoom" };
        return null;
      }
      store.notices.moved = { key: "bad" in parsed ? "notice.moved" : "notice.partly", params: { name } };
      const data = "bad" in parsed ? emptyData(iso2()) : parsed.data;
      if (!write(data)) return null;
      return (
        /** @type {Data} */
        clone(data)
      );
    }
    lastRaw = raw;
    return parsed.data;
  }
  function enterMemory() {
    store.mode = "memory";
    store.notices.blocked = { key: "notice.blocked" };
    return null;
  }
  function write(data) {
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
  function load() {
    const t0 = performance.now();
    if (unsaved) {
      store.notices.full = { key: "notice.full" };
      return;
    }
    const wasMemory = store.mode === "memory";
    store.mode = "ok";
    store.notices = dict();
    const d = fresh();
    store.storageMs = performance.now() - t0;
    if (d) store.data = d;
    else if (
      /** @type {string} */
      store.mode === "memory" && !wasMemory
    ) store.data = emptyData(iso2());
  }
  function applyChange(change2) {
    if (store.mode === "newer") return false;
    let saved = false;
    if (store.mode === "ok") {
      const base = unsaved ? store.data : fresh();
      if (base) {
        const next = apply(base, change2);
        if (BULK.has(change2.kind)) next.meta.rewritten = iso2();
        saved = write(next);
      }
    }
    if (store.mode !== "ok") store.data = apply(store.data, change2);
    if (change2.kind === "item" || change2.kind === "reviewed") {
      recent.push({ change: change2, at: now2() });
      if (saved) afterWrite();
    }
    notify();
    return saved;
  }
  function afterWrite() {
    const check2 = () => {
      if (repair()) notify();
    };
    if (locks) locks.request(key, check2).catch(() => setTimeout(check2, 50));
    else setTimeout(check2, 50);
  }
  function repair() {
    if (store.mode !== "ok") return false;
    const t2 = now2();
    recent = recent.filter((r) => t2 - r.at < REPAIR_WINDOW);
    if (!recent.length) return false;
    if (readRaw() === null) {
      recent = [];
      return false;
    }
    const seenRaw = lastRaw;
    let base = fresh();
    if (!base) return false;
    const rewritten = stamp(base.meta.rewritten, t2);
    let fixed = false;
    const done = /* @__PURE__ */ new Set();
    for (let n = recent.length - 1; n >= 0; n--) {
      const { change: change2 } = recent[n];
      if (change2.kind !== "item" && change2.kind !== "reviewed") continue;
      if (instant(change2.at) <= rewritten) continue;
      const field = change2.kind === "reviewed" ? "reviewed" : "note" in change2.patch ? "noted" : "changed";
      const which = [change2.checklist.id, change2.kind === "item" ? change2.item.id : "", field].join("\n");
      if (done.has(which)) continue;
      done.add(which);
      const c = own2(base.checklists, change2.checklist.id);
      const r = change2.kind === "item" ? own2(own2(c, "items"), change2.item.id) : c;
      const seen = stamp(change2.kind === "reviewed" ? own2(c, "reviewed") : own2(r, field), t2);
      const at2 = instant(change2.at);
      const patch = change2.kind === "item" ? change2.patch : {};
      const differs = Object.keys(patch).some((k) => own2(r, k) !== patch[k]);
      if (seen < at2 || seen === at2 && differs) {
        base = apply(base, change2);
        fixed = true;
      }
    }
    if (fixed) {
      write(base);
      return true;
    }
    store.data = base;
    return lastRaw !== seenRaw;
  }
  function external() {
    if (store.mode === "newer" || unsaved) return;
    const d = fresh();
    if (d) store.data = d;
    repair();
    notify();
  }
  function backup(raw, cause = "") {
    const ls = storage();
    const name = `${key}:backup:${iso2()}${cause}`;
    try {
      if (!ls) return null;
      ls.setItem(name, raw);
      return name;
    } catch {
      return null;
    }
  }
  function backupCurrent(cause = "") {
    if (store.mode === "memory") return "memory";
    if (store.mode !== "ok") return null;
    const raw = readRaw();
    return backup(typeof raw === "string" ? raw : JSON.stringify(store.data), cause);
  }
  load();
  return Object.assign(store, { load });
}

// src/mkdocs_sremgr/assets/src/page.js
var now = () => Date.now();
var stores = /* @__PURE__ */ new Map();
var views = [];
var current = (
  /** @type {Store | null} */
  null
);
function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
function storeFor(key, o) {
  let s = stores.get(key);
  if (s) s.load();
  else {
    s = createStore({ key, storage: localStore(), now, locks: navigator.locks });
    s.subscribe(() => views.forEach((v) => v.paint()));
    s.subscribe(() => textsFor(
      /** @type {Store} */
      s,
      o
    ));
    stores.set(key, s);
  }
  textsFor(s, o);
  return s;
}
function textsFor(s, o) {
  if (Object.values(s.notices).every((n) => has(n.key))) return;
  o.notices().then(extend, () => {
    const instead = {};
    for (const n of Object.values(s.notices)) if (!has(n.key)) instead[n.key] = t("notice.unavailable");
    extend(instead);
  }).then(() => s.notify());
}
function askPersistence() {
  const s = current;
  if (!s || s.data.meta.persistAsked || !navigator.storage || !navigator.storage.persist) return;
  s.apply({ kind: "meta", patch: { persistAsked: new Date(now()).toISOString() } });
  navigator.storage.persist().then(
    (granted) => s.apply({ kind: "meta", patch: { persisted: !!granted } }),
    () => {
    }
  );
}
function dashboardView(root, store, o) {
  o.manifest().catch(() => {
  });
  return o.dashboard().then(
    (bind) => {
      if (!root.isConnected || !bind) return null;
      const view = bind(root, { ...o, store, now, addView: (v) => views.push(v), strings: catalog });
      views.push(view);
      view.paint();
      return view.ready;
    },
    () => {
      const area = noticeArea(root, store);
      views.push({ paint: area.render, notices: area.render });
      store.notice("dashboard", "notice.dashboardScript");
    }
  );
}
function bindPage(doc, o) {
  const t0 = performance.now();
  const roots = doc.querySelectorAll(".sremgr[data-sremgr-storage-key]:not([data-sremgr-bound])");
  if (!roots.length) return null;
  views = [];
  const store = current = storeFor((roots[0].getAttribute("data-sremgr-storage-key") || "") + (o.suffix || ""), o);
  const waits = [];
  for (const root of roots) {
    root.setAttribute("data-sremgr-bound", "");
    if (root.hasAttribute("data-sremgr-dashboard")) waits.push(dashboardView(root, store, o));
    else if (root.hasAttribute("data-sremgr-checklist")) {
      const view = bindChecklist(root, store, { askPersistence, now });
      views.push(view);
      view.paint();
    }
  }
  const timing = { page: location.pathname, ms: performance.now() - t0, storageMs: store.storageMs };
  Promise.all(waits).then(() => {
    for (const root of roots) root.setAttribute("data-sremgr-ready", "");
    timing.readyMs = performance.now() - t0;
  });
  return timing;
}
window.addEventListener("storage", (e) => {
  if (current && (e.key === current.key || e.key === null)) current.external();
});

// src/mkdocs_sremgr/assets/src/pulse/aggregate.js
var FORMAT = "mkdocs-sremgr-pulse-aggregate";
var VERSION = 1;
var MIN_ANSWERS = 3;
var MAX_ANSWERS = 1e4;
var FIELDS = ["format", "version", "handbook", "quarter", "answers", "seen", "counts"];
var RANDOM_ID = /^[0-9a-f]{32}$/;
var FP2 = /^[0-9a-f]{8}$/;
var refuse = (reason, detail = "") => (
  /** @type {Refusal} */
  { refused: reason, detail }
);
function emptyAggregate(handbook, quarter) {
  return (
    /** @type {Aggregate} */
    { format: FORMAT, version: VERSION, handbook, quarter, answers: 0, seen: [], counts: dict() }
  );
}
function sortedCounts(counts) {
  const out = dict();
  for (const id of Object.keys(counts).sort()) {
    out[id] = dict();
    for (const fp of Object.keys(counts[id]).sort()) out[id][fp] = /** @type {Counts} */
    counts[id][fp].slice();
  }
  return out;
}
function addAnswers(agg, answers) {
  if (answers.handbook !== agg.handbook) return refuse("dash.pulse.why.otherHandbook", answers.handbook.slice(0, 60));
  if (answers.quarter !== agg.quarter) return refuse("dash.pulse.why.otherQuarter", answers.quarter.slice(0, 60));
  if (agg.seen.includes(answers.random_id)) return refuse("dash.pulse.why.alreadyAdded");
  if (agg.answers >= MAX_ANSWERS) return refuse("dash.pulse.why.full");
  const counts = sortedCounts(agg.counts);
  for (const id of Object.keys(answers.answers)) {
    const { fp, value } = answers.answers[id];
    const byFp = counts[id] || (counts[id] = dict());
    const c = byFp[fp] || (byFp[fp] = [0, 0, 0, 0, 0, 0]);
    c[value === "dk" ? 5 : value - 1]++;
  }
  const seen = [...agg.seen, answers.random_id].sort();
  return { ok: { ...agg, answers: seen.length, seen, counts: sortedCounts(counts) } };
}
var count2 = (v, max) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;
function checkAggregate(input) {
  const bad = (where) => refuse("dash.pulse.why.badAggregate", where);
  try {
    if (!isObj(input)) return bad("");
    const a = (
      /** @type {Record<string, unknown>} */
      input
    );
    if (a.format !== FORMAT || a.version !== VERSION) return bad("format");
    const extra2 = Object.keys(a).filter((k) => !FIELDS.includes(k)).sort();
    if (extra2.length) return bad(extra2[0].slice(0, 60));
    if (typeof a.handbook !== "string" || a.handbook.length > 200) return bad("handbook");
    if (!isPeriod(a.quarter)) return bad("quarter");
    const seen = a.seen;
    if (!Array.isArray(seen) || seen.length > MAX_ANSWERS || !seen.every((s) => typeof s === "string" && RANDOM_ID.test(s))) return bad("seen");
    if (new Set(seen).size !== seen.length) return bad("seen");
    if (a.answers !== seen.length) return bad("answers");
    if (!isObj(a.counts)) return bad("counts");
    const given2 = (
      /** @type {Record<string, unknown>} */
      a.counts
    );
    const counts = dict();
    for (const id of Object.keys(given2)) {
      const byFp = given2[id];
      if (!isId(id) || !isObj(byFp)) return bad("counts");
      counts[id] = dict();
      for (const fp of Object.keys(
        /** @type {object} */
        byFp
      )) {
        const c = (
          /** @type {Record<string, unknown>} */
          byFp[fp]
        );
        const ok = FP2.test(fp) && Array.isArray(c) && c.length === 6 && c.every((n) => count2(n, seen.length));
        if (!ok || /** @type {number[]} */
        c.reduce((x, y) => x + y, 0) > seen.length) return bad(`counts › ${id}`);
        counts[id][fp] = /** @type {Counts} */
        /** @type {number[]} */
        c.slice();
      }
    }
    const out = { format: FORMAT, version: VERSION, handbook: a.handbook, quarter: a.quarter, answers: seen.length, seen: [...seen].sort(), counts: sortedCounts(counts) };
    return { ok: (
      /** @type {Aggregate} */
      out
    ) };
  } catch {
    return bad("");
  }
}
function threshold(minimum) {
  return typeof minimum === "number" && Number.isFinite(minimum) ? Math.max(MIN_ANSWERS, Math.floor(minimum)) : MIN_ANSWERS;
}
function median(sorted) {
  const n = sorted.length;
  if (!n) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
function agreement(m) {
  return Math.floor((m - 1) * 25 + 0.5);
}
function pulseView(agg, statements, { minimum } = {}) {
  const min = threshold(minimum);
  if (agg.answers < min) return { needed: min - agg.answers };
  const shown2 = [];
  const byLesson = /* @__PURE__ */ new Map();
  for (const s of statements) {
    if (!byLesson.has(s.lesson)) byLesson.set(s.lesson, []);
    const byFp = Object.prototype.hasOwnProperty.call(agg.counts, s.id) ? agg.counts[s.id] : void 0;
    const c = byFp && Object.prototype.hasOwnProperty.call(byFp, s.fp) ? byFp[s.fp] : [0, 0, 0, 0, 0, 0];
    const total = c.reduce((x, y) => x + y, 0);
    if (total < min) {
      shown2.push({ id: s.id, lesson: s.lesson, needed: min - total });
      continue;
    }
    const values = [];
    for (let v = 1; v <= 5; v++) for (let k = 0; k < c[v - 1]; k++) values.push(v);
    const m = median(values);
    shown2.push({ id: s.id, lesson: s.lesson, answers: total, spread: c.slice(0, 5), dk: c[5], median: m });
    if (m !== null) byLesson.get(s.lesson).push(m);
  }
  const lessons = [];
  for (const [id, medians] of byLesson) {
    const m = median([...medians].sort((x, y) => x - y));
    lessons.push({ id, median: m, pct: m === null ? null : agreement(m), statements: medians.length });
  }
  return { answers: agg.answers, minimum: min, statements: shown2, lessons };
}

// src/mkdocs_sremgr/assets/src/pulse/stored.js
function storedPulse(data, handbook) {
  const ok = dict();
  const problems = [];
  const all = own2(data, "pulse");
  if (all === void 0) return { ok, problems };
  if (!isObj(all)) return { ok, problems: ["pulse"] };
  for (const q of Object.keys(
    /** @type {object} */
    all
  )) {
    const where = "pulse › " + JSON.stringify(q.slice(0, 40));
    const r = checkAggregate(
      /** @type {Record<string, unknown>} */
      all[q]
    );
    if (!isPeriod(q)) problems.push(where);
    else if (!("ok" in r)) problems.push(where + (r.detail ? " › " + r.detail : ""));
    else if (r.ok.quarter !== q || r.ok.handbook !== handbook) problems.push(where + " › " + (r.ok.quarter !== q ? "quarter" : "handbook"));
    else ok[q] = r.ok;
  }
  return { ok, problems };
}
function quarterPulse(data, handbook, quarter) {
  const all = own2(data, "pulse");
  if (all === void 0) return { none: true };
  if (!isObj(all)) return { bad: "pulse" };
  if (own2(all, quarter) === void 0) return { none: true };
  const only = { pulse: { [quarter]: own2(all, quarter) } };
  const r = storedPulse(only, handbook);
  return r.problems.length ? { bad: r.problems[0] } : { agg: r.ok[quarter] };
}
function keepPulse(d, agg) {
  const all = isObj(d.pulse) ? (
    /** @type {Record<string, unknown>} */
    d.pulse
  ) : dict();
  all[agg.quarter] = clone(agg);
  d.pulse = all;
  return d;
}
function onlyValidPulse(d, handbook) {
  if (d.pulse === void 0) return d;
  const { ok } = storedPulse(d, handbook);
  if (Object.keys(ok).length) d.pulse = ok;
  else delete d.pulse;
  return d;
}
function mergePulse(mine, theirs, handbook) {
  const incoming = storedPulse(theirs, handbook).ok;
  const quarters = Object.keys(incoming);
  if (!quarters.length) return mine;
  const ours2 = storedPulse(mine, handbook);
  if (ours2.problems.length) return mine;
  const out = ours2.ok;
  for (const q of quarters) {
    const m = out[q];
    const t2 = incoming[q];
    if (!m) out[q] = t2;
    else {
      const seen = new Set(m.seen);
      const common = t2.seen.filter((id) => seen.has(id)).length;
      if (!common) out[q] = sum(m, t2);
      else if (common === m.seen.length && t2.seen.length > m.seen.length) out[q] = t2;
    }
  }
  mine.pulse = out;
  return mine;
}
function sum(a, b) {
  const counts = (
    /** @type {Aggregate["counts"]} */
    clone(a.counts)
  );
  for (const id of Object.keys(b.counts)) {
    const byFp = counts[id] || (counts[id] = dict());
    for (const fp of Object.keys(b.counts[id])) {
      const c = byFp[fp] || (byFp[fp] = [0, 0, 0, 0, 0, 0]);
      b.counts[id][fp].forEach((n, i) => c[i] += n);
    }
  }
  const seen = [...a.seen, ...b.seen].sort();
  const r = checkAggregate({ ...a, answers: seen.length, seen, counts });
  return "ok" in r ? r.ok : a;
}

// src/mkdocs_sremgr/assets/src/pulse/answers.js
var FORMAT2 = "mkdocs-sremgr-pulse";
var VERSION2 = 1;
var CODE_PREFIX = "sremgr-pulse1:";
var MAX_CHARS = 16384;
var MAX_DEPTH2 = 8;
var MAX_STATEMENTS = 64;
var FIELDS2 = ["format", "version", "handbook", "quarter", "random_id", "answers"];
var RANDOM_ID2 = /^[0-9a-f]{32}$/;
var FP3 = /^[0-9a-f]{8}$/;
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var SPACE = /[ \t\r\n]+/g;
function isValue(v) {
  return v === "dk" || typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;
}
var refuse2 = (reason, detail = "") => (
  /** @type {Refusal} */
  { refused: reason, detail }
);
var shown = (v) => typeof v === "string" ? v.slice(0, 60) : "";
function checkAnswers(input, ctx) {
  try {
    return check(input, ctx);
  } catch {
    return refuse2("dash.pulse.why.unreadable");
  }
}
function check(input, ctx) {
  let obj = input;
  if (typeof input === "string") {
    if (input.length > MAX_CHARS) return refuse2("dash.pulse.why.tooBig");
    const code = input.replace(SPACE, "");
    if (code.startsWith(CODE_PREFIX)) {
      const decoded = decodeCode(code);
      if (!("ok" in decoded)) return decoded;
      obj = decoded.ok;
    } else {
      try {
        obj = JSON.parse(input);
      } catch {
        return refuse2("dash.pulse.why.notJson");
      }
    }
  }
  if (!shallow2(obj, MAX_DEPTH2)) return refuse2("dash.pulse.why.nested");
  if (!isObj(obj)) return refuse2("dash.pulse.why.notAnswers");
  const f = (
    /** @type {Record<string, unknown>} */
    obj
  );
  if (f.format !== FORMAT2) return refuse2("dash.pulse.why.notAnswers");
  if (typeof f.version === "number" && f.version > VERSION2) return refuse2("dash.pulse.why.newer");
  if (f.version !== VERSION2) return refuse2("dash.pulse.why.notAnswers");
  const extra2 = Object.keys(f).filter((k) => !FIELDS2.includes(k)).sort();
  if (extra2.length) return refuse2("dash.pulse.why.extraField", shown(extra2[0]));
  if (f.handbook !== ctx.handbook) return refuse2("dash.pulse.why.otherHandbook", shown(f.handbook));
  if (f.quarter !== ctx.quarter) return refuse2("dash.pulse.why.otherQuarter", shown(f.quarter));
  if (typeof f.random_id !== "string" || !RANDOM_ID2.test(f.random_id)) return refuse2("dash.pulse.why.badId");
  if (!isObj(f.answers)) return refuse2("dash.pulse.why.invalid", "answers");
  const given2 = (
    /** @type {Record<string, unknown>} */
    f.answers
  );
  const ids = Object.keys(given2).sort();
  if (!ids.length) return refuse2("dash.pulse.why.empty");
  if (ids.length > MAX_STATEMENTS) return refuse2("dash.pulse.why.tooBig");
  const current2 = new Map(ctx.statements.map((s) => [s.id, s]));
  const answers = dict();
  for (const id of ids) {
    const a = given2[id];
    if (!isObj(a)) return refuse2("dash.pulse.why.invalid", shown(id));
    const entry = (
      /** @type {Record<string, unknown>} */
      a
    );
    const wrong = Object.keys(entry).filter((k) => k !== "fp" && k !== "value").sort();
    if (wrong.length) return refuse2("dash.pulse.why.extraField", shown(wrong[0]));
    if (typeof entry.fp !== "string" || !FP3.test(entry.fp)) return refuse2("dash.pulse.why.invalid", shown(id));
    const s = current2.get(id);
    if (!s) return refuse2("dash.pulse.why.unknownStatement", shown(id));
    if (entry.fp !== s.fp) return refuse2("dash.pulse.why.changed", id);
    if (!isValue(entry.value)) return refuse2("dash.pulse.why.badValue", id);
    answers[id] = { fp: entry.fp, value: (
      /** @type {Value} */
      entry.value
    ) };
  }
  const ordered = dict();
  for (const s of ctx.statements) if (answers[s.id]) ordered[s.id] = answers[s.id];
  return { ok: { format: FORMAT2, version: VERSION2, handbook: ctx.handbook, quarter: ctx.quarter, random_id: f.random_id, answers: ordered } };
}
function shallow2(v, max) {
  const todo = [[v, 0]];
  while (todo.length) {
    const [x, depth] = (
      /** @type {[unknown, number]} */
      todo.pop()
    );
    if (x === null || typeof x !== "object") continue;
    if (depth >= max) return false;
    for (const y of Object.values(
      /** @type {object} */
      x
    )) todo.push([y, depth + 1]);
  }
  return true;
}
function fnv1a(bytes) {
  let h2 = 2166136261;
  for (const b of bytes) h2 = Math.imul(h2 ^ b, 16777619) >>> 0;
  return h2;
}
function decodeCode(text) {
  if (typeof text !== "string") return refuse2("dash.pulse.why.badCode");
  if (text.length > MAX_CHARS) return refuse2("dash.pulse.why.tooBig");
  const code = text.replace(SPACE, "");
  if (!code.startsWith(CODE_PREFIX)) return refuse2("dash.pulse.why.badCode");
  const bytes = bytesOf(code.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length < 4) return refuse2("dash.pulse.why.badCode");
  const body = bytes.subarray(0, bytes.length - 4);
  const t2 = bytes.length - 4;
  const sum3 = (bytes[t2] << 24 | bytes[t2 + 1] << 16 | bytes[t2 + 2] << 8 | bytes[t2 + 3]) >>> 0;
  if (sum3 !== fnv1a(body)) return refuse2("dash.pulse.why.badCode");
  const obj = parseBody(body);
  return obj ? { ok: obj } : refuse2("dash.pulse.why.badCode");
}
function parseBody(b) {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let at2 = 0;
  const take = (n) => {
    if (at2 + n > b.length) throw new RangeError("short");
    const part = b.subarray(at2, at2 + n);
    at2 += n;
    return part;
  };
  const hex = (part) => Array.from(part, (x) => x.toString(16).padStart(2, "0")).join("");
  try {
    const version = take(1)[0];
    const random = hex(take(16));
    const [y1, y2, q] = take(3);
    const hl = take(2);
    const handbook = utf8.decode(take(hl[0] << 8 | hl[1]));
    const n = take(1)[0];
    const answers = dict();
    for (let i = 0; i < n; i++) {
      const id = utf8.decode(take(take(1)[0]));
      const fp = hex(take(4));
      const v = take(1)[0];
      if (Object.prototype.hasOwnProperty.call(answers, id)) return null;
      answers[id] = { fp, value: (
        /** @type {Value} */
        v === 0 ? "dk" : v
      ) };
    }
    if (at2 !== b.length) return null;
    const quarter = `${String(y1 << 8 | y2).padStart(4, "0")}-Q${q}`;
    return { format: FORMAT2, version, handbook, quarter, random_id: random, answers };
  } catch {
    return null;
  }
}
function bytesOf(text) {
  if (text.length % 4 === 1) return null;
  const out = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return null;
    acc = (acc << 6 | v) & 16777215;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push(acc >> bits & 255);
    }
  }
  return Uint8Array.from(out);
}

// src/mkdocs_sremgr/assets/src/dashboard/teamview.js
var FP4 = /^[0-9a-f]{8}$/;
var str = (v) => typeof v === "string" ? v : "";
function preparePulse(raw) {
  if (!isObj(raw)) return null;
  const p = (
    /** @type {Record<string, unknown>} */
    raw
  );
  const list = Array.isArray(p.statements) ? p.statements.filter(isObj) : [];
  const statements = [];
  const seen = /* @__PURE__ */ new Set();
  for (
    const s of
    /** @type {Record<string, unknown>[]} */
    list
  ) {
    if (!isId(s.id) || seen.has(s.id) || typeof s.fp !== "string" || !FP4.test(s.fp)) continue;
    seen.add(s.id);
    statements.push({ id: (
      /** @type {string} */
      s.id
    ), fp: s.fp, text: str(s.text), lesson: str(s.lesson) });
  }
  if (!statements.length) return null;
  return { id: str(p.id), title: str(p.title), url: str(p.url), minimum: threshold(p.minimum), statements };
}
var contextOf = (pulse, handbook, quarter) => ({ handbook, quarter, statements: pulse.statements });
function addInputs(agg, inputs, ctx) {
  let added = 0;
  const refused = [];
  for (const { name, text } of inputs) {
    const checked = checkAnswers(text, ctx);
    const next = "ok" in checked ? addAnswers(agg, checked.ok) : checked;
    if ("ok" in next) {
      agg = next.ok;
      added++;
    } else refused.push({ name, why: next.refused, detail: next.detail });
  }
  return { agg, added, refused };
}
function splitCodes(text) {
  const parts = text.split(/(?=sremgr-pulse1:)/).map((s) => s.trim()).filter(Boolean);
  return parts.length > 1 || (parts[0] || "").startsWith("sremgr-pulse1:") ? parts : parts.length ? [text] : [];
}
function startingAggregate(d, handbook, quarter) {
  const r = quarterPulse(d, handbook, quarter);
  return "agg" in r ? r.agg : emptyAggregate(handbook, quarter);
}
var median2 = (m) => num(m);
function teamView({ data, manifest, pulse, handbook, quarter, now: now2 }) {
  const kept = quarterPulse(data, handbook, quarter);
  if ("bad" in kept) return { bad: t("dash.pulse.storedBad", { period: quarter, why: t("dash.pulse.why.badAggregate", { key: kept.bad }) }) };
  const agg = "agg" in kept ? kept.agg : emptyAggregate(handbook, quarter);
  const v = pulseView(agg, pulse.statements, { minimum: pulse.minimum });
  if ("needed" in v) return { needed: v.needed, text: t("dash.pulse.needed", { n: v.needed }) };
  const texts = new Map(pulse.statements.map((s) => [s.id, s.text]));
  const statements = v.statements.map((s) => {
    const text = texts.get(s.id) || s.id;
    if ("needed" in s) return { id: s.id, text, needed: t("dash.pulse.statementNeeded", { n: s.needed }) };
    const [s1, s2, s3, s4, s5] = s.spread;
    return {
      id: s.id,
      text,
      median: s.median === null ? t("dash.pulse.noMedian") : t("dash.pulse.median", { value: median2(s.median) }),
      answers: t("dash.pulse.answers", { n: s.answers }),
      spread: t("dash.pulse.spread", { s1, s2, s3, s4, s5, dk: s.dk }),
      shares: [...s.spread, s.dk].map((n) => s.answers ? n / s.answers : 0)
    };
  });
  const byId = new Map(manifest.checklists.map((c) => [c.id, c]));
  const lessons = [];
  for (const l of v.lessons) {
    const c = byId.get(l.id);
    if (!c) continue;
    const yours = score(data, c, c.items, now2).pct;
    lessons.push({
      id: l.id,
      title: c.title,
      teamPct: l.pct,
      yoursPct: yours,
      team: l.pct === null ? "–" : t("dash.pulse.agreement", { pct: l.pct }),
      yours: percent(yours)
    });
  }
  return { answers: v.answers, text: t("dash.pulse.count", { n: v.answers, period: quarter }), statements, lessons };
}
function pulseSnapshot(d, pulse, handbook, quarter) {
  if (!pulse) return null;
  const kept = quarterPulse(d, handbook, quarter);
  if (!("agg" in kept)) return null;
  const v = pulseView(kept.agg, pulse.statements, { minimum: pulse.minimum });
  if ("needed" in v) return null;
  const lessons = /* @__PURE__ */ Object.create(null);
  for (const l of v.lessons) if (l.pct !== null) lessons[l.id] = l.pct;
  return { answers: v.answers, lessons };
}
function pulseLines(d, m, quarter, now2, plain) {
  const pulse = m.pulse;
  if (!pulse) return [];
  const kept = quarterPulse(d, m.storage_key, quarter);
  if (!("agg" in kept) || !kept.agg.answers) return [];
  const v = teamView({ data: d, manifest: m, pulse, handbook: m.storage_key, quarter, now: now2 });
  if ("bad" in v) return [];
  if ("needed" in v) return [t("md.pulseNeeded", { n: v.needed }), ""];
  const lines = [t("md.pulse", { n: v.answers }), ""];
  for (const l of v.lessons) if (l.teamPct !== null) lines.push(t("md.pulseLesson", { title: plain(l.title), team: l.teamPct, pct: l.yoursPct }));
  return [...lines, ""];
}

// src/mkdocs_sremgr/assets/src/dashboard/markdown.js
var TOP_OPEN = 5;
function mdPlain(text) {
  return html(text).replace(/[\\|]/g, "\\$&").split(/\s+/).filter(Boolean).join(" ");
}
function html(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
var LINK = /\[([^[\]]*)\]\((https?:\/\/[^\s()<>\\]+)\)/gi;
function mdNote(note) {
  const text = (s) => html(s).replace(/[\\[\]!]/g, "\\$&");
  let out = "", last = 0;
  for (const m of note.matchAll(LINK)) {
    out += text(note.slice(last, m.index)) + `[${text(m[1])}](${m[2]})`;
    last = /** @type {number} */
    m.index + m[0].length;
  }
  return (out + text(note.slice(last))).replace(/\s*\n\s*/g, " ");
}
function weighted(c) {
  return c.items.some((it) => it.weight !== 1);
}
function closedOverall(d, m, period) {
  const ticked = m.checklists.map((c) => snapshotOf(d, period, c.id)).filter((s) => s && Array.isArray(s.done) && s.done.length);
  return { pct: mean(ticked.map((s) => s && typeof s.score === "number" ? s.score : null)), n: ticked.length };
}
function sinceText(d, done, period, cid) {
  const snap = snapshotOf(d, period, cid);
  if (!snap || !Array.isArray(snap.done)) return "";
  const n = done - snap.done.length;
  return n > 0 ? t("since.up", { n, period }) : n < 0 ? t("since.down", { n: -n, period }) : t("since.same", { period });
}
function summaryParts(d, m, p, now2) {
  const prev = lastClosedBefore(d, p);
  const tallies2 = m.checklists.map((c) => score(d, c, c.items, now2));
  const started = [];
  const untouched2 = [];
  const notes = [];
  const aside = [];
  const open = [];
  m.checklists.forEach((c, i) => {
    const s = tallies2[i];
    const snap = prev ? snapshotOf(d, prev, c.id) : void 0;
    const before = new Set(snap && Array.isArray(snap.done) ? snap.done : []);
    const gained = [], lost = [];
    for (const it of c.items) {
      const r = itemRecord(d, c, it);
      const st = stateOf(r);
      const was = before.has(it.id) || it.aliases.some((a) => before.has(a));
      if (snap && isDone(st) && !was) gained.push(it);
      if (snap && !isDone(st) && was) lost.push(it);
      if (r && typeof r.note === "string" && r.note.trim()) notes.push({ c, it, note: r.note.trim().replace(/\s*\n\s*/g, " ") });
      const row2 = stateRow(st);
      if (row2.summary) aside.push({ c, it, st });
      if (!row2.done && row2.scored && s.started) open.push({ c, it, order: open.length });
    }
    if (s.started || notes.some((n) => n.c === c)) started.push({ c, s, since: prev ? sinceText(d, s.done, prev, c.id) : "", gained, lost });
    else untouched2.push(c);
  });
  open.sort((a, b) => b.it.weight - a.it.weight || a.order - b.order);
  return { prev, overall: overall(tallies2), started, untouched: untouched2, notes, aside, open: open.slice(0, TOP_OPEN), openCount: open.length, tallies: tallies2 };
}
function itemLine(c, it) {
  return `${mdPlain(it.text)}${it.weight !== 1 ? ` (×${num(it.weight)})` : ""} — *${mdPlain(c.title)}*`;
}
var mark = (st) => stateRow(st).note ? t(stateRow(st).note) : "";
function markdownSummary(d, m, p, now2, opts = {}) {
  const x = summaryParts(d, m, p, now2);
  const lines = [t("md.title", { period: p }), ""];
  const o = x.overall;
  const asideAll = x.tallies.reduce((n, s) => n + s.aside, 0);
  lines.push(t("md.overall", { pct: o.pct }) + t(o.started === 1 ? "md.overallOfOne" : "md.overallOf", { n: o.started, count: o.count, all: o.all }) + (x.prev ? t("md.overallPrev", { period: x.prev, pct: closedOverall(d, m, x.prev).pct }) : "") + (asideAll ? t("md.overallAside", { n: asideAll }) : ""), "");
  if (opts.full) return full(lines, d, m, x.prev, x.tallies);
  if (x.prev) {
    lines.push(t("md.changes", { period: x.prev }), "");
    const moved2 = x.started.filter((r) => r.gained.length || r.lost.length);
    const then = closedOverall(d, m, x.prev);
    const fresh = x.tallies.every((s) => !s.done) && then.n > 0;
    if (fresh) lines.push(t("md.fresh", { period: x.prev, pct: then.pct }));
    else if (!moved2.length) lines.push(t("md.noChanges"));
    for (const r of fresh ? [] : moved2) {
      for (const it of r.gained) lines.push(`- ${t("md.gained")} ${itemLine(r.c, it)}`);
      for (const it of r.lost) lines.push(`- ${t("md.lost")} ${itemLine(r.c, it)}`);
    }
    lines.push("");
  }
  if (x.notes.length) {
    lines.push(t("md.notes"), "");
    for (const n of x.notes) lines.push(`- ${itemLine(n.c, n.it)}: ${mdNote(n.note)}`);
    lines.push("");
  }
  if (x.aside.length) {
    lines.push(t("md.setAside"), "");
    for (const n of x.aside) lines.push(`- ${itemLine(n.c, n.it)}${mark(n.st)}`);
    lines.push("");
  }
  if (x.open.length) {
    lines.push(t("md.openTop", { n: x.open.length, total: x.openCount }), "");
    for (const n of x.open) lines.push(`- [ ] ${itemLine(n.c, n.it)}`);
    lines.push("");
  }
  lines.push(...pulseLines(d, m, p, now2, mdPlain));
  lines.push(t("md.checklists"), "");
  for (const r of x.started) lines.push(`- ${mdPlain(r.c.title)}: ${progressText(r.s, weighted(r.c))}${r.since ? ` (${r.since})` : ""}`);
  if (x.untouched.length) lines.push(t("md.untouched", { n: x.untouched.length, names: x.untouched.map((c) => mdPlain(c.title)).join(", ") }));
  lines.push("");
  return lines.join("\n");
}
function full(lines, d, m, prev, tallies2) {
  m.checklists.forEach((c, i) => {
    const s = tallies2[i];
    const since = prev ? sinceText(d, s.done, prev, c.id) : "";
    lines.push("## " + mdPlain(c.title), "", progressText(s, weighted(c)) + (since ? ` (${since})` : ""), "");
    for (const it of c.items) {
      const r = itemRecord(d, c, it);
      const st = stateOf(r);
      lines.push(`- [${isDone(st) ? "x" : " "}] ${mdPlain(it.text)}` + mark(st));
      if (it.evidence) lines.push(t("md.evidence", { evidence: mdPlain(it.evidence) }));
      if (r && typeof r.note === "string" && r.note.trim()) lines.push(t("md.note", { note: mdNote(r.note.trim()) }));
    }
    lines.push("");
  });
  return lines.join("\n");
}

// src/mkdocs_sremgr/assets/src/merge.js
function merge(mine, theirs, now2, exported = void 0, handbook = "") {
  const made = stamp(exported, now2);
  const bound2 = made > -Infinity ? made : now2;
  const newer = (a, b) => {
    const t2 = stamp(a, Infinity);
    return (t2 > bound2 ? -Infinity : t2) > stamp(b, now2);
  };
  for (const cid of Object.keys(theirs.checklists)) {
    const t2 = theirs.checklists[cid];
    if (!isObj(t2)) continue;
    let m = own2(mine.checklists, cid);
    if (!isObj(m)) {
      mine.checklists[cid] = clone(t2);
      continue;
    }
    const mc = (
      /** @type {ChecklistRecord} */
      m
    );
    if (newer(t2.reviewed, mc.reviewed)) mc.reviewed = t2.reviewed;
    if (!isObj(t2.items)) continue;
    if (!isObj(mc.items)) mc.items = dict();
    for (const iid of Object.keys(t2.items)) {
      const ti = t2.items[iid];
      const mi = own2(mc.items, iid);
      if (!isObj(ti)) continue;
      if (!isObj(mi)) {
        mc.items[iid] = clone(ti);
        continue;
      }
      const mine_ = (
        /** @type {ItemRecord} */
        mi
      );
      const winner = newer(ti.changed, mine_.changed) ? clone(ti) : mine_;
      const note = newer(ti.noted, mine_.noted) ? ti : mine_;
      if (winner === mine_ !== (note === mine_)) {
        winner.note = note.note;
        winner.noted = note.noted;
      }
      mc.items[iid] = winner;
    }
  }
  for (const p of Object.keys(theirs.snapshots)) {
    const cur = own2(mine.snapshots, p);
    const inc = theirs.snapshots[p];
    if (!isObj(cur) || newer(own2(inc, "closed"), own2(cur, "closed"))) mine.snapshots[p] = clone(inc);
  }
  return handbook ? mergePulse(mine, theirs, handbook) : mine;
}

// src/mkdocs_sremgr/assets/src/bulk.js
function resetAll() {
  return (
    /** @type {Change} */
    {
      kind: "transform",
      run: (d) => {
        d.checklists = dict();
        d.snapshots = dict();
        return d;
      }
    }
  );
}
function freshQuarter(at2) {
  const cleared = new Set(itemStates.filter((s) => !s.keep).map((s) => s.id));
  return (
    /** @type {Change} */
    {
      kind: "transform",
      run: (d) => {
        for (const cid of Object.keys(d.checklists)) {
          const items = own2(d.checklists[cid], "items");
          if (!isObj(items)) continue;
          for (const r of Object.values(
            /** @type {Record<string, ItemRecord>} */
            items
          )) {
            if (isObj(r) && cleared.has(r.state)) Object.assign(r, { state: itemStates[0].id, changed: at2 });
          }
        }
        return d;
      }
    }
  );
}
function replaceWith(data) {
  return (
    /** @type {Change} */
    {
      kind: "transform",
      run: (d) => {
        const next = (
          /** @type {Data} */
          clone(data)
        );
        next.meta = d.meta;
        return next;
      }
    }
  );
}

// src/mkdocs_sremgr/assets/src/backups.js
var iso = (store) => new Date(store.now()).toISOString();
var backupPrefix = (key) => `${key}:backup:`;
var backupTime = (key, name) => name.slice(backupPrefix(key).length).split("~")[0];
function holds(d) {
  let notes = 0;
  for (const c of Object.values(d.checklists)) {
    const items = isObj(c) && isObj(c.items) ? Object.values(c.items) : [];
    for (const r of items) if (isObj(r) && typeof r.note === "string" && r.note.trim()) notes++;
  }
  return { checklists: Object.keys(d.checklists).length, quarters: closedPeriods(d).length, notes };
}
var described = /* @__PURE__ */ new Map();
function describe(store, name) {
  let b = described.get(name);
  if (!b) {
    const rest = name.slice(backupPrefix(store.key).length);
    const cut3 = rest.indexOf("~");
    const data = readBackup(store, name);
    b = { name, when: cut3 < 0 ? rest : rest.slice(0, cut3), cause: cut3 < 0 ? "" : rest.slice(cut3 + 1), holds: data && holds(data) };
    described.set(name, b);
  }
  return b;
}
function exportFile(store) {
  const at2 = iso(store);
  store.apply({ kind: "meta", patch: { exported: at2 } });
  const file = { format: "mkdocs-sremgr-export", storage_key: store.key, exported: at2, data: store.data };
  return JSON.stringify(file, null, 1);
}
function backups(store) {
  const ls = store.storage;
  const prefix = backupPrefix(store.key);
  const out = [];
  try {
    for (let i = 0; ls && i < ls.length; i++) {
      const k = ls.key(i);
      if (k && k.startsWith(prefix)) out.push(k);
    }
  } catch {
  }
  return out.sort().reverse();
}
function readBackup(store, name) {
  let raw = null;
  try {
    raw = store.storage ? store.storage.getItem(name) : null;
  } catch {
  }
  if (raw === null) return null;
  const parsed = readStored(raw, iso(store));
  return "data" in parsed && !parsed.problems.length ? onlyValidPulse(parsed.data, store.key) : null;
}
function restore(store, name) {
  const data = readBackup(store, name);
  if (!data) return "unreadable";
  if (!store.backupCurrent("~restore")) return "no-backup";
  return store.apply(replaceWith(data)) ? "ok" : "not-saved";
}
function removeBackup(store, name) {
  try {
    if (store.storage && name.startsWith(backupPrefix(store.key))) store.storage.removeItem(name);
  } catch {
  }
  store.notify();
}

// src/mkdocs_sremgr/assets/src/dashboard/model.js
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
var str2 = (v) => typeof v === "string" ? v : "";
function prepare(raw) {
  const checklists = (Array.isArray(raw.checklists) ? raw.checklists : []).filter(isObj).map((c) => {
    const items = [];
    for (const sec of Array.isArray(c.sections) ? c.sections.filter(isObj) : []) {
      for (const it of Array.isArray(sec.items) ? sec.items.filter(isObj) : []) {
        const w = it.weight;
        items.push({
          id: str2(it.id),
          aliases: strings(it.aliases),
          text: str2(it.text),
          section: str2(sec.title),
          evidence: str2(it.evidence),
          weight: typeof w === "number" && Number.isFinite(w) && w > 0 ? w : defaultWeight
        });
      }
    }
    return { id: str2(c.id), aliases: strings(c.aliases), title: str2(c.title), url: str2(c.url), cadence: str2(c.cadence), tags: strings(c.tags), items };
  });
  return { storage_key: str2(raw.storage_key), checklists, pulse: preparePulse(raw.pulse) };
}

// src/mkdocs_sremgr/assets/src/dashboard/panel.js
function questions(panel, controls, fallback, signal) {
  let opener = null;
  let onEscape = null;
  const focused = () => (
    /** @type {Document | ShadowRoot} */
    panel.getRootNode().activeElement
  );
  function hide() {
    const inside = panel.contains(focused());
    panel.hidden = true;
    clear(panel);
    onEscape = null;
    if (inside) (opener && opener.isConnected ? opener : fallback).focus();
  }
  panel.addEventListener("keydown", (e) => {
    if (
      /** @type {KeyboardEvent} */
      e.key !== "Escape" || panel.hidden
    ) return;
    e.preventDefault();
    const cancel = onEscape;
    hide();
    if (cancel) cancel();
  }, { signal });
  return {
    /** @param {string} text @param {[string, () => void, string?][]} buttons @param {() => void} [cancel] */
    show(text, buttons, cancel) {
      clear(panel);
      panel.appendChild(h("p", { id: "sremgr-panel-question", text }));
      const active = (
        /** @type {HTMLElement | null} */
        focused()
      );
      if (active && controls.contains(active)) opener = active;
      for (const [label2, act, cls] of buttons) {
        panel.appendChild(h("button", { type: "button", class: "sremgr-btn" + (cls ? " " + cls : ""), text: label2, on: () => {
          hide();
          act();
        } }));
      }
      onEscape = cancel || null;
      panel.hidden = false;
      (panel.querySelector("button") || panel).focus();
    }
  };
}

// src/mkdocs_sremgr/assets/src/dashboard/team.js
function teamSection(after, { store, period, now: now2, signal, link }) {
  const section = h("section", { class: "sremgr-team", "aria-labelledby": "sremgr-team-pulse", hidden: "" });
  after.after(section);
  const picker = (
    /** @type {HTMLInputElement} */
    h("input", { type: "file", multiple: "", accept: ".json,application/json", class: "sremgr-team-file", "aria-label": t("dash.pulse.pickerLabel"), tabindex: "-1" })
  );
  const codes = (
    /** @type {HTMLTextAreaElement} */
    h("textarea", { class: "sremgr-team-codes", rows: "3", id: "sremgr-team-codes", spellcheck: "false", autocomplete: "off" })
  );
  const answer = h("div", { class: "sremgr-feedback", role: "status" });
  const drop = h("div", { class: "sremgr-team-drop" }, [
    h("div", { class: "sremgr-toolbar" }, [button(t("dash.pulse.addFiles"), "pulse-files")]),
    h("p", { class: "sremgr-quiet", text: t("dash.pulse.drop") }),
    h("label", { for: "sremgr-team-codes", text: t("dash.pulse.codesLabel") }),
    codes,
    h("div", { class: "sremgr-toolbar" }, [button(t("dash.pulse.addCodes"), "pulse-codes")]),
    picker
  ]);
  const results = h("div", { class: "sremgr-team-results" });
  let ctx = null;
  function report(added, refused, extra2 = "") {
    clear(answer);
    answer.classList.toggle("sremgr-feedback-bad", refused.length > 0 || !!extra2);
    if (added) answer.appendChild(h("p", { text: t("dash.pulse.added", { n: added }) }));
    if (extra2) answer.appendChild(h("p", { text: extra2 }));
    for (const r of refused) {
      const text = t("dash.pulse.refused", { why: t(r.why, { key: r.detail }) });
      answer.appendChild(h("p", { text: r.name ? t("dash.pulse.named", { name: r.name, text }) : text }));
    }
  }
  function add(inputs) {
    if (!ctx) return;
    if (!inputs.length) return report(0, [], t("dash.pulse.nothingGiven"));
    if (store.mode === "newer") return report(0, [], t("dash.newer"));
    const { m, pulse } = ctx;
    const q = period();
    const handbook = m.storage_key;
    const check2 = contextOf(pulse, handbook, q);
    let result = addInputs(startingAggregate(store.data, handbook, q), inputs, check2);
    if (result.added) {
      const damaged = "bad" in quarterPulse(store.data, handbook, q);
      if (damaged && !store.backupCurrent()) return report(0, [], t("dash.noBackupReplace"));
      const saved = store.apply({ kind: "transform", run: (d) => {
        result = addInputs(startingAggregate(d, handbook, q), inputs, check2);
        return result.added ? keepPulse(d, result.agg) : d;
      } });
      if (!saved) return report(0, [], t("dash.mergedNotSaved"));
    }
    report(result.added, result.refused);
  }
  section.addEventListener("click", (e) => {
    const btn = (
      /** @type {Element} */
      e.target.closest("[data-sremgr-action]")
    );
    const a = btn && btn.getAttribute("data-sremgr-action");
    if (a === "pulse-files") picker.click();
    else if (a === "pulse-codes") {
      const given2 = splitCodes(codes.value);
      add(given2.map((text, i) => ({ name: given2.length > 1 ? String(i + 1) : "", text })));
      if (given2.length) codes.value = "";
    }
  }, { signal });
  picker.addEventListener("change", () => {
    readFiles(Array.from(picker.files || []));
    picker.value = "";
  }, { signal });
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("sremgr-team-over");
  }, { signal });
  drop.addEventListener("dragleave", () => drop.classList.remove("sremgr-team-over"), { signal });
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("sremgr-team-over");
    const dt = (
      /** @type {DragEvent} */
      e.dataTransfer
    );
    readFiles(Array.from(dt && dt.files || []));
  }, { signal });
  function readFiles(files) {
    if (!files.length) return;
    Promise.all(files.map((f) => (f.size > MAX_CHARS * 4 ? Promise.resolve("x".repeat(MAX_CHARS + 1)) : f.text().catch(() => "")).then((text) => ({ name: f.name, text })))).then(add);
  }
  return {
    /** Draws the section for the manifest `m` (nothing when the handbook has no pulse) and
     * returns the printed quarter on a page's part: nothing until an answer was added this
     * quarter, then the same threshold as the screen and the team's view per lesson. */
    paint(m) {
      const pulse = m.pulse || null;
      section.hidden = !pulse;
      if (!pulse) return null;
      ctx = { m, pulse };
      if (!section.firstChild) {
        section.append(
          h("h2", { id: "sremgr-team-pulse", text: pulse.title || t("dash.pulse.title") }),
          h("p", { class: "sremgr-quiet sremgr-team-help" }),
          h("p", { class: "sremgr-team-ask" }, [t("dash.pulse.ask") + " ", h("a", { href: link(pulse.url), text: pulse.title || t("dash.pulse.title") })]),
          drop,
          answer,
          results
        );
      }
      const q = period();
      section.querySelector(".sremgr-team-help").textContent = t("dash.pulse.help", { period: q });
      const view = teamView({ data: store.data, manifest: m, pulse, handbook: m.storage_key, quarter: q, now: now2() });
      drawResults(results, view);
      const kept = quarterPulse(store.data, m.storage_key, q);
      return "agg" in kept && kept.agg.answers ? sheetTeam(view, pulse.title || t("dash.pulse.title")) : null;
    }
  };
}
function sheetTeam(v, title) {
  if ("bad" in v) return null;
  const line = t("dash.pulse.named", { name: title, text: v.text });
  if ("needed" in v) return { line };
  return { line, head: t("dash.pulse.team"), cells: Object.fromEntries(v.lessons.map((l) => [l.id, l.team])) };
}
function drawResults(el, v) {
  clear(el);
  if ("bad" in v) {
    el.appendChild(h("p", { class: "sremgr-notice", "data-sremgr-team": "bad", text: v.bad }));
    return;
  }
  if ("needed" in v) {
    el.appendChild(h("p", { class: "sremgr-team-needed", "data-sremgr-team": "needed", "data-sremgr-needed": String(v.needed), text: v.text }));
    return;
  }
  el.appendChild(h("p", { "data-sremgr-team": "shown", "data-sremgr-answers": String(v.answers), text: v.text }));
  el.appendChild(h("h3", { text: t("dash.pulse.lessonsCaption") }));
  el.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.pulse.lessonsHelp") }));
  const table = h("table", { class: "sremgr-table sremgr-team-lessons" }, [
    h("thead", {}, [h("tr", {}, [h("th", { scope: "col", text: t("dash.lesson") }), h("th", { scope: "col", text: t("dash.pulse.team") }), h("th", { scope: "col", text: t("dash.pulse.yours") })])]),
    h("tbody", {}, v.lessons.map((l) => h("tr", { "data-sremgr-lesson": l.id }, [
      h("th", { scope: "row", text: l.title }),
      h("td", { "data-sremgr-team-pct": l.teamPct === null ? "" : String(l.teamPct) }, [gap(l.teamPct), l.team]),
      h("td", { "data-sremgr-yours-pct": String(l.yoursPct) }, [gap(l.yoursPct), l.yours])
    ])))
  ]);
  el.appendChild(table);
  el.appendChild(h("h3", { text: t("dash.pulse.statementsCaption") }));
  el.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.pulse.scaleHelp") }));
  el.appendChild(h("ul", { class: "sremgr-team-statements" }, v.statements.map((s) => {
    if ("needed" in s) return h("li", { "data-sremgr-statement": s.id }, [h("span", { class: "sremgr-team-text", text: s.text }), h("span", { class: "sremgr-quiet", text: s.needed })]);
    const bar = h("span", { class: "sremgr-team-spread", "aria-hidden": "true" }, s.shares.map((share, i) => sized(h("span", { class: `sremgr-team-v${i + 1}` }), share * 100)));
    return h("li", { "data-sremgr-statement": s.id }, [
      h("span", { class: "sremgr-team-text", text: s.text }),
      bar,
      h("span", { class: "sremgr-team-figures", text: `${s.median} · ${s.answers} · ${s.spread}` })
    ]);
  })));
}
function gap(pct2) {
  return h("span", { class: "sremgr-team-bar", "aria-hidden": "true" }, [sized(h("span"), pct2 === null ? 0 : pct2)]);
}
function sized(el, pct2) {
  el.style.width = pct2.toFixed(1) + "%";
  return el;
}

// src/mkdocs_sremgr/assets/src/dashboard/charts.js
var FONT = 12;
var CHAR = 6.8;
function svg(tag, attrs = {}, kids = []) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of kids) el.appendChild(c);
  return el;
}
function label(tag, attrs, text) {
  const el = svg(tag, attrs);
  el.textContent = text;
  return el;
}
function fit(text, max) {
  const n = Math.max(4, Math.floor(max));
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}
function wrap(text, max) {
  const n = Math.max(4, Math.floor(max));
  if (text.length <= n) return [text];
  const cut3 = text.lastIndexOf(" ", n);
  if (cut3 <= 0) return [fit(text, n)];
  return [text.slice(0, cut3), fit(text.slice(cut3 + 1), n)];
}
var COLOURS = 6;
var pen;
function measurer(at2, bold = false) {
  if (pen === void 0) {
    try {
      pen = document.createElement("canvas").getContext("2d");
    } catch {
      pen = null;
    }
  }
  const ctx = pen;
  if (!ctx || !at2) return (s) => s.length * CHAR * (bold ? 1.06 : 1);
  const font = `${bold ? "600 " : ""}${FONT}px ${getComputedStyle(at2).fontFamily || "sans-serif"}`;
  return (s) => {
    ctx.font = font;
    return ctx.measureText(s).width * 1.04 + 1;
  };
}
function wrapTo(text, max, measure) {
  if (measure(text) <= max) return [text];
  const spaced = text.includes(" ");
  const parts = spaced ? text.split(" ") : [...text];
  const glue = spaced ? " " : "";
  let first = parts[0], k = 1;
  while (k < parts.length && measure(first + glue + parts[k]) <= max) first += glue + parts[k++];
  if (measure(first) > max) return [cut2(text, max, measure)];
  return [first, cut2(parts.slice(k).join(glue), max, measure)];
}
function cut2(text, max, measure) {
  if (measure(text) <= max) return text;
  let s = text;
  while (s.length > 1 && measure(s + "…") > max) s = s.slice(0, -1);
  return s.trimEnd() + "…";
}
function place(wants, heights, gap2, lo, hi) {
  const order = wants.map((_, i) => i).sort((a, b) => wants[a] - wants[b] || a - b);
  const top = new Array(wants.length);
  let edge = lo;
  for (const i of order) {
    top[i] = Math.max(wants[i] - heights[i] / 2, edge);
    edge = top[i] + heights[i] + gap2;
  }
  edge = hi;
  for (const i of order.slice().reverse()) {
    if (top[i] + heights[i] > edge) top[i] = edge - heights[i];
    edge = top[i] - gap2;
  }
  return top;
}
var LINE = FONT + 3;
var GAP = 3;
function untouched(s) {
  return !!s.id && !s.started && s.points.every((pt) => !pt[1]);
}
function lineChart(labels, series, width = 640, at2 = null, picked2 = null) {
  const W = Math.round(Math.max(300, Math.min(width, 720)));
  const n = labels.length;
  const quiet = series.filter(untouched), shown2 = series.filter((s) => !untouched(s));
  const R = Math.min(210, Math.round(W * 0.42)), L = 40, T = 14, B = 44;
  const room = R - 18;
  const plain = measurer(at2), bold = measurer(at2, true);
  const ends = [];
  const lastOf = (s) => {
    for (let i = s.points.length - 1; i >= 0; i--) if (s.points[i][1] != null) return (
      /** @type {[number, number]} */
      [
        i,
        /** @type {number} */
        s.points[i][1]
      ]
    );
    return (
      /** @type {[number, number]} */
      [n - 1, 0]
    );
  };
  let colour = 0;
  const colours = /* @__PURE__ */ new Map();
  for (const s of shown2) {
    const [i, v] = lastOf(s);
    const c = s.id ? colour++ % COLOURS + 1 : 0;
    colours.set(s, c);
    ends.push({ key: s.id || "overall", lines: wrapTo(`${percent(v)} ${s.name}`, room, s.id ? plain : bold), want: v, cls: s.id ? "" : " sremgr-end-overall", title: `${s.name}: ${percent(v)}`, end: [i, v], colour: c });
  }
  if (quiet.length) {
    const text = t("dash.chartQuiet", { n: quiet.length });
    ends.push({ key: "quiet", lines: wrapTo(`${percent(0)} ${text}`, room, plain), want: 0, cls: " sremgr-end-quiet", title: `${text}: ${quiet.map((s) => s.name).join(", ")}`, end: null, colour: 0 });
  }
  const heights = ends.map((e) => e.lines.length * LINE);
  const need = heights.reduce((a, b) => a + b, 0) + GAP * ends.length + 8;
  const H = Math.max(240, need + T + B - 30);
  const x = (i) => L + (n > 1 ? i * (W - L - R - 12) / (n - 1) : (W - L - R) / 2);
  const y = (v) => T + (100 - v) * (H - T - B) / 100;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "sremgr-chart sremgr-history-chart", role: "img", "aria-label": t("dash.chartLabel") });
  if (picked2) g.setAttribute("data-sremgr-picked", picked2);
  for (const v of [0, 25, 50, 75, 100]) {
    g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "sremgr-grid" }));
    g.appendChild(label("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "sremgr-axis" }, percent(v)));
  }
  labels.forEach((l, i) => {
    const anchor = n > 1 && i === n - 1 ? "end" : n > 1 && i === 0 ? "start" : "middle";
    const text = label("text", { x: x(i), y: H - 22, "text-anchor": anchor, class: "sremgr-axis" }, l.slice(5));
    if (!i || l.slice(0, 4) !== labels[i - 1].slice(0, 4)) text.appendChild(label("tspan", { x: x(i), dy: FONT + 2 }, l.slice(0, 4)));
    g.appendChild(text);
  });
  const mark2 = (key) => picked2 ? key === picked2 ? " sremgr-picked" : " sremgr-dim" : "";
  for (const s of [...quiet, ...shown2.filter((s2) => s2.id), ...shown2.filter((s2) => !s2.id)]) {
    const key = untouched(s) ? "quiet" : s.id || "overall";
    const c = colours.get(s) || 0;
    const pts = [];
    const grp = svg("g", { class: s.cls + (c ? " sremgr-c" + c : "") + (key === "quiet" ? " sremgr-line-quiet" : "") + mark2(key), "data-series": key });
    s.points.forEach((pt, i) => {
      const v = pt[1];
      if (v == null) return;
      pts.push(x(i) + "," + y(v));
      const dot = svg("circle", { cx: x(i), cy: y(v), r: s.id ? 2.5 : 4, "data-period": pt[0], "data-score": v });
      dot.appendChild(label("title", {}, `${s.name}, ${pt[0]}: ${percent(v)}`));
      grp.appendChild(dot);
      if (!s.id && i < n - 1) grp.appendChild(label("text", { x: x(i), y: y(v) - 8, "text-anchor": i === 0 ? "start" : "middle", class: "sremgr-axis sremgr-value" }, percent(v)));
    });
    grp.insertBefore(svg("polyline", { points: pts.join(" "), fill: "none" }), grp.firstChild);
    g.appendChild(grp);
  }
  const tops = place(ends.map((e) => y(e.want)), heights, GAP, 2, H - 2);
  const lx = W - R + 14;
  ends.forEach((e, k) => {
    const mid = tops[k] + heights[k] / 2;
    const grp = svg("g", { class: "sremgr-end-label" + (e.colour ? " sremgr-c" + e.colour : "") + mark2(e.key), "data-series": e.key });
    const from = e.end ? [x(e.end[0]) + 4, y(e.end[1])] : [W - R + 2, y(0)];
    grp.appendChild(svg("polyline", { points: `${from[0]},${from[1]} ${lx - 8},${mid} ${lx - 3},${mid}`, fill: "none", class: "sremgr-leader" }));
    const text = svg("text", { x: lx, y: tops[k] + FONT - 1, class: "sremgr-axis sremgr-end" + e.cls });
    e.lines.forEach((line, i) => text.appendChild(label("tspan", { x: lx, dy: i ? LINE : 0 }, line)));
    text.appendChild(label("title", {}, e.title));
    grp.appendChild(text);
    g.appendChild(grp);
  });
  return g;
}
var picked = (
  /** @type {string | null} */
  null
);
function historyChart(labels, series, width, at2) {
  const shown2 = series.filter((s) => !untouched(s));
  if (picked && !shown2.some((s) => (s.id || "overall") === picked)) picked = null;
  const box = h("div", { class: "sremgr-history" });
  let chart = lineChart(labels, series, width, at2, picked);
  let colour = 0;
  const buttons = shown2.map((s) => {
    const key = s.id || "overall";
    const c = s.id ? colour++ % COLOURS + 1 : 0;
    return h("button", { type: "button", class: "sremgr-btn sremgr-pick" + (c ? " sremgr-c" + c : " sremgr-pick-overall"), "data-series": key, "aria-pressed": String(key === picked) }, [
      h("span", { class: "sremgr-swatch", "aria-hidden": "true" }),
      s.name
    ]);
  });
  const pick = (key) => {
    picked = key;
    const next = lineChart(labels, series, width, at2, picked);
    chart.replaceWith(next);
    chart = next;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.getAttribute("data-series") === picked));
  };
  const group = h("div", { class: "sremgr-picks", role: "group", "aria-label": t("dash.pickLine") }, buttons);
  group.addEventListener("click", (e) => {
    const b = (
      /** @type {Element} */
      e.target.closest("button[data-series]")
    );
    if (b) pick(b.getAttribute("data-series") === picked ? null : b.getAttribute("data-series"));
  });
  group.addEventListener("keydown", (e) => {
    if (
      /** @type {KeyboardEvent} */
      e.key === "Escape" && picked
    ) pick(null);
  });
  box.addEventListener("click", (e) => {
    const end = (
      /** @type {Element} */
      e.target.closest("svg g[data-series]")
    );
    const key = end && end.getAttribute("data-series");
    if (key && key !== "quiet") pick(key === picked ? null : key);
  });
  box.appendChild(chart);
  box.appendChild(group);
  return box;
}
function radarChart(axes, p, prev, width = 560) {
  const W = Math.round(Math.max(300, Math.min(width, 640)));
  const n = axes.length;
  const numbered = radarNumbered(W, n);
  const Rr = Math.round(Math.min(150, W * 0.27)), C = W / 2, top = 3 * FONT + 8;
  const H = Math.round(2 * Rr + 2 * top + 12), CY = H / 2;
  const FLOOR = 6;
  const r = (v) => FLOOR + v * (100 - FLOOR) / 100;
  const at2 = (i, v) => {
    const a = -Math.PI / 2 + 2 * Math.PI * i / n;
    return [C + Math.cos(a) * Rr * v / 100, CY + Math.sin(a) * Rr * v / 100];
  };
  const g = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: "sremgr-chart sremgr-radar",
    role: "img",
    "aria-label": prev ? t("dash.radarLabelPrev", { period: prev }) : t("dash.radarLabel")
  });
  for (const v of [25, 50, 75, 100]) {
    g.appendChild(svg("polygon", { points: axes.map((_, i) => at2(i, r(v)).join(",")).join(" "), class: "sremgr-grid", fill: "none" }));
  }
  axes.forEach((a, i) => {
    const end = at2(i, 100), lab = at2(i, 108);
    g.appendChild(svg("line", { x1: C, y1: CY, x2: end[0], y2: end[1], class: "sremgr-grid" }));
    const side = lab[0] < C - 5 ? "end" : lab[0] > C + 5 ? "start" : "middle";
    const room = (side === "end" ? lab[0] : side === "start" ? W - lab[0] : W * 0.6) / CHAR - 1;
    const value = percent(a.now) + (prev ? " · " + (a.before == null ? "–" : percent(a.before)) : "");
    const lines = numbered ? [String(i + 1)] : [...wrap(a.label, room), value];
    const up = lab[1] < CY - 5 ? lines.length - 1 : lab[1] > CY + 5 ? 0 : (lines.length - 1) / 2;
    const text = svg("text", { x: lab[0], y: lab[1] + 4 - up * (FONT + 1), "text-anchor": side, class: "sremgr-axis" });
    lines.forEach((line, k) => {
      const ts = label("tspan", { x: lab[0], dy: k ? FONT + 1 : 0, class: k === lines.length - 1 ? "sremgr-value" : "" }, line);
      text.appendChild(ts);
    });
    text.appendChild(label("title", {}, `${a.label}: ${value}`));
    g.appendChild(text);
  });
  const specs = [["before", prev, "sremgr-area-before"], ["now", p, "sremgr-area-now"]];
  for (const [which, name, cls] of specs) {
    if (!name) continue;
    const grp = svg("g", { class: cls, "data-series": name });
    grp.appendChild(svg("polygon", { points: axes.map((a, i) => at2(i, r(a[which] || 0)).join(",")).join(" ") }));
    axes.forEach((a, i) => {
      const pt = at2(i, r(a[which] || 0));
      const v = a[which];
      grp.appendChild(svg("circle", { cx: pt[0], cy: pt[1], r: 3.5, "data-axis": a.label, "data-score": v == null ? "" : v }));
    });
    g.appendChild(grp);
  }
  return g;
}
function radarNumbered(width, n) {
  return width < 520 && n > 6;
}
function legend(entries) {
  return h("ul", { class: "sremgr-legend-list" }, entries.map(([cls, text]) => h("li", {}, [h("span", { class: "sremgr-key " + cls, "aria-hidden": "true" }), text])));
}
function dataTable(caption, head, rows) {
  const table = h("table", { class: "sremgr-table" }, [h("caption", { text: caption })]);
  table.appendChild(h("thead", {}, [h("tr", {}, head.map((c) => h("th", { scope: "col", text: c })))]));
  table.appendChild(h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, i) => h(i ? "td" : "th", i ? { text: c } : { scope: "row", text: c }))))));
  return h("details", { class: "sremgr-table-wrap" }, [h("summary", { text: t("dash.showTable") }), table]);
}

// src/mkdocs_sremgr/assets/src/dashboard/render.js
function layout(root) {
  const list = root.querySelector(".sremgr-dashboard-list");
  const summary2 = h("section", { class: "sremgr-summary-panel", "aria-label": t("dash.yourProgress") });
  const group = (name, kids) => h("div", { class: "sremgr-group", role: "group", "aria-label": name }, kids);
  const closeGroup = group(t("dash.groupQuarter"), [button(t("dash.close"), "close")]);
  const controls = h("div", { class: "sremgr-toolbar" }, [
    closeGroup,
    group(t("dash.groupShare"), [button(t("dash.copy"), "copy"), button(t("dash.copyFull"), "copy-full"), button(t("dash.download"), "download"), button(t("dash.print"), "print")]),
    group(t("dash.groupCopy"), [button(t("dash.export"), "export"), button(t("dash.import"), "import")])
  ]);
  const picker = (
    /** @type {HTMLInputElement} */
    h("input", { type: "file", accept: ".json,application/json", class: "sremgr-file", "aria-label": t("dash.pickerLabel"), tabindex: "-1" })
  );
  const panel = h("div", { class: "sremgr-panel", role: "group", "aria-labelledby": "sremgr-panel-question", hidden: "" });
  const charts = h("section", { class: "sremgr-charts" });
  const extra2 = h("section", { class: "sremgr-extra" });
  for (const el of [summary2, controls, panel, picker]) root.insertBefore(el, list);
  const answer = h("p", { class: "sremgr-feedback", role: "status" });
  controls.after(answer);
  const safety2 = h("section", { class: "sremgr-safety", "aria-labelledby": "sremgr-backups" });
  const safetyAnswer = h("p", { class: "sremgr-feedback", role: "status" });
  if (list && list.parentNode) {
    list.parentNode.insertBefore(charts, list.nextSibling);
    list.parentNode.insertBefore(extra2, charts.nextSibling);
    list.parentNode.insertBefore(safety2, extra2.nextSibling);
  }
  const sheet = h("section", { class: "sremgr-sheet", "aria-labelledby": "sremgr-sheet-title" });
  root.insertBefore(sheet, root.firstChild);
  return { list, summary: summary2, closeGroup, controls, picker, panel, answer, charts, extra: extra2, safety: safety2, safetyAnswer, rows: /* @__PURE__ */ new Map(), sheet };
}
function draw(parts, v, width, startLink) {
  drawSummary(parts, v, startLink);
  drawRows(parts, v);
  drawCharts(parts, v, width);
  drawTags(parts, v);
  drawSafety(parts, v);
}
function drawSummary(parts, v, startLink) {
  const { summary: summary2, closeGroup } = parts;
  const s = v.summary;
  clear(summary2);
  summary2.appendChild(h("h2", { id: "sremgr-overall", tabindex: "-1", text: s.title }));
  if (s.fresh) summary2.appendChild(h("p", { class: "sremgr-start", text: s.fresh }));
  if (s.start) {
    const first = s.start.first;
    summary2.appendChild(h("p", { class: "sremgr-start" }, first ? [
      t("dash.startIntro") + " ",
      t("dash.startWith"),
      " ",
      h("a", { href: startLink(first.id, first.url), text: first.title }),
      t("dash.startWhy")
    ] : [t("dash.startIntro")]));
  }
  if (s.overall) {
    const bar = h("div", { class: "sremgr-progress", "data-sremgr-progress": "overall", "data-sremgr-aside": String(s.overall.aside) });
    summary2.appendChild(bar);
    drawBar(bar, s.overall.label, s.overall.bar, s.overall.text);
  }
  summary2.appendChild(h("p", { class: "sremgr-quiet", "data-sremgr-quarter": s.quarter.period }, [s.quarter.text]));
  if (s.exported) {
    summary2.appendChild(h("p", {
      class: "sremgr-quiet",
      "data-sremgr-export-age": s.exported.age,
      "data-sremgr-export-due": s.exported.due ? "" : null,
      text: s.exported.text
    }));
  }
  if (s.dueHelp) summary2.appendChild(h("p", { class: "sremgr-quiet sremgr-due-help", text: s.dueHelp }));
  closeGroup.hidden = !s.anything;
}
function drawRows(parts, v) {
  const { list, rows } = parts;
  const lis = /* @__PURE__ */ new Map();
  if (list) for (const el of Array.from(list.querySelectorAll("li[data-sremgr-checklist]"))) lis.set(el.getAttribute("data-sremgr-checklist") || "", el);
  for (const r of v.rows) {
    const li = lis.get(r.id);
    if (!li) continue;
    let row2 = rows.get(r.id);
    if (!row2) {
      row2 = { bar: h("div", { class: "sremgr-progress" }), meta: h("span", { class: "sremgr-row-meta" }) };
      rows.set(r.id, row2);
      li.appendChild(row2.bar);
      li.appendChild(row2.meta);
    }
    drawBar(row2.bar, r.label, r.bar, r.text);
    clear(row2.meta);
    if (!r.started) row2.meta.appendChild(h("span", { class: "sremgr-not-started", text: t("dash.notStarted") }));
    else row2.meta.appendChild(document.createTextNode(r.meta));
    if (r.due) row2.meta.appendChild(h("span", { class: "sremgr-due", text: r.due }));
    li.classList.toggle("sremgr-is-due", !!r.due);
    li.setAttribute("data-sremgr-score", String(r.pct));
    li.setAttribute("data-sremgr-aside", String(r.aside));
  }
}
function drawCharts(parts, v, width) {
  const { charts } = parts;
  const active = document.activeElement;
  const had = active && charts.contains(active) ? active.getAttribute("data-series") : null;
  clear(charts);
  const hist = v.history;
  const r = v.prev || v.closedNow ? v.radar : null;
  if (hist.labels.length < 2) charts.appendChild(h("p", { class: "sremgr-quiet sremgr-charts-later", text: t(r ? "dash.historyLater" : "dash.chartsLater") }));
  else {
    const block2 = h("div", { class: "sremgr-chart-block" }, [
      h("h2", { id: "sremgr-history", text: t("dash.history") }),
      h("p", { class: "sremgr-quiet", text: t("dash.historyHelp") })
    ]);
    charts.appendChild(block2);
    block2.appendChild(historyChart(hist.labels, hist.series, width, charts));
    const again = had && Array.from(block2.querySelectorAll("button[data-series]")).find((b) => b.getAttribute("data-series") === had);
    if (again) again.focus();
    charts.appendChild(dataTable(t("dash.tableCaption"), hist.head, hist.rows));
  }
  if (!r) return;
  const block = h("div", { class: "sremgr-chart-block" }, [
    h("h2", { id: "sremgr-radar", text: r.title }),
    h("p", { class: "sremgr-quiet", text: r.help }),
    radarChart(r.axes, v.period, v.prev, width)
  ]);
  charts.appendChild(block);
  if (radarNumbered(Math.min(width, 640), r.axes.length)) {
    block.appendChild(h("ol", { class: "sremgr-radar-key" }, r.key.map((k) => h("li", {}, [k.label + " ", h("b", { text: k.value })]))));
  }
  block.appendChild(legend(r.legend));
  charts.appendChild(dataTable(t("dash.lessonsCaption"), r.head, r.rows));
}
function drawTags(parts, v) {
  const { extra: extra2 } = parts;
  clear(extra2);
  if (!v.tags.length || !v.summary.started) return;
  extra2.appendChild(h("h2", { id: "sremgr-tags", text: t("dash.byTag") }));
  extra2.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.byTagHelp") }));
  const shared = h("ul", { class: "sremgr-tag-list" });
  for (const tag of v.tags) {
    const bar = h("div", { class: "sremgr-progress" });
    drawBar(bar, tag.label, tag.bar, tag.text);
    shared.appendChild(h("li", { "data-sremgr-tag": tag.tag }, [h("span", { class: "sremgr-tag", text: tag.tag }), bar]));
  }
  extra2.appendChild(shared);
}
function drawSafety(parts, v) {
  const { safety: safety2, safetyAnswer } = parts;
  const s = v.safety;
  const active = (
    /** @type {Document | ShadowRoot} */
    safety2.getRootNode().activeElement
  );
  const focused = safety2.contains(active) ? active : null;
  const keep = focused && focused.getAttribute("data-sremgr-action");
  const wasOpen = !!safety2.querySelector("details[open]");
  const rowsBefore = Array.from(safety2.querySelectorAll("[data-sremgr-backup]"));
  const at2 = focused ? rowsBefore.findIndex((r) => r.contains(focused)) : -1;
  clear(safety2);
  if (!s.show) return;
  safety2.appendChild(h("h2", { id: "sremgr-backups", tabindex: "-1", text: t("dash.safety") }));
  safety2.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.backupsHelp") }));
  if (s.backups.length) {
    const bl = h("ul", { class: "sremgr-backup-list" });
    for (const b of s.backups) {
      bl.appendChild(h("li", { "data-sremgr-backup": b.name }, [
        // What made it and when, then what it holds: enough to choose between two backups.
        h("span", { class: "sremgr-backup-text" }, [h("span", { text: b.text }), " ", h("span", { class: "sremgr-quiet sremgr-backup-holds", text: b.holds })]),
        " ",
        button(t("dash.restore"), "restore"),
        button(t("dash.delete"), "delete-backup", "sremgr-danger")
      ]));
    }
    safety2.appendChild(h("details", { class: "sremgr-backups", open: wasOpen ? "" : null }, [h("summary", { text: t("dash.backups", { n: s.count }) }), bl]));
  } else safety2.appendChild(h("p", { class: "sremgr-quiet", text: t("dash.noBackups") }));
  if (s.reset) safety2.appendChild(h("div", { class: "sremgr-toolbar sremgr-danger-zone" }, [button(t("dash.resetAll"), "reset-all", "sremgr-danger")]));
  safety2.appendChild(safetyAnswer);
  if (focused && !safety2.contains(focused)) {
    const rows = safety2.querySelectorAll("[data-sremgr-backup]");
    const row2 = at2 >= 0 && rows.length ? rows[Math.min(at2, rows.length - 1)] : safety2;
    const again = keep && (row2.querySelector(`[data-sremgr-action="${keep}"]`) || safety2.querySelector(`[data-sremgr-action="${keep}"]`));
    (again || safety2.querySelector("summary") || safety2.querySelector("h2") || safety2).focus();
  }
}

// src/mkdocs_sremgr/assets/src/dashboard/sheet.js
function change(now2, before) {
  if (now2 == null || before == null) return "";
  const d = now2 - before;
  return d > 0 ? "+" + num(d) : d < 0 ? "−" + num(-d) : "±0";
}
function trend(change2) {
  const arrow = change2.startsWith("+") ? "▲ " : change2.startsWith("−") ? "▼ " : "";
  return arrow ? h("span", { class: "sremgr-trend", "aria-hidden": "true", text: arrow }) : null;
}
function quarterSheet(d, m, p, now2, team = null) {
  const cells = team && team.cells;
  const x = summaryParts(d, m, p, now2);
  const prev = x.prev;
  const score2 = (id) => {
    const s = prev ? snapshotOf(d, prev, id) : void 0;
    return s && typeof s.score === "number" && s.total > 0 ? s.score : null;
  };
  const rows = [];
  const quiet = [];
  m.checklists.forEach((c, i) => {
    const s = x.tallies[i];
    const before = score2(c.id);
    if (!s.started && !before && !(cells && cells[c.id])) return void quiet.push(c.title);
    const pct2 = s.total > 0 ? s.pct : null;
    rows.push({ id: c.id, title: c.title, now: progressText(s), before: before == null ? "–" : percent(before), change: change(pct2, before), ...cells && { team: cells[c.id] || "–" } });
  });
  const allBefore = prev ? mean(m.checklists.map((c) => score2(c.id))) : null;
  rows.unshift({ id: "", title: t("dash.overallSeries"), now: percent(x.overall.all), before: allBefore == null ? "–" : percent(allBefore), change: change(x.overall.all, allBefore), ...cells && { team: "" } });
  const where = (c, it) => `${c.title} — ${it.text}`;
  return {
    title: t("dash.sheetTitle", { period: p }),
    sub: t("dash.sheetSub", { day: day(new Date(now2).toISOString()) }),
    head: [t("dash.lesson"), t("dash.now", { period: p }), prev || t("dash.sheetNoPrev"), t("dash.sheetChange"), ...team && team.head ? [team.head] : []],
    team: team ? team.line : "",
    rows,
    untouched: quiet.length ? t("dash.sheetUntouched", { n: quiet.length, names: quiet.join(", ") }) : "",
    notes: x.notes.map((n) => ({ where: where(n.c, n.it), text: n.note })),
    // The reason as the 1:1 summary gives it, without its Markdown emphasis.
    aside: x.aside.map((n) => ({ where: where(n.c, n.it), why: t(stateRow(n.st).note).replace(/\*/g, "").trim() })),
    open: x.open.map((n) => ({ where: where(n.c, n.it) })),
    openTitle: t("dash.sheetOpen", { n: x.open.length, total: x.openCount })
  };
}
function drawSheet(el, s) {
  let body = el.querySelector(".sremgr-sheet-body");
  if (!body) {
    body = h("div", { class: "sremgr-sheet-body" });
    el.appendChild(body);
  }
  const out = body;
  clear(out);
  out.appendChild(h("h2", { id: "sremgr-sheet-title", text: s.title }));
  out.appendChild(h("p", { class: "sremgr-quiet", text: s.sub }));
  if (s.team) out.appendChild(h("p", { class: "sremgr-sheet-team", text: s.team }));
  out.appendChild(h("table", { class: "sremgr-sheet-scores" }, [
    h("thead", {}, [h("tr", {}, s.head.map((c) => h("th", { scope: "col", text: c })))]),
    h("tbody", {}, s.rows.map((r) => h("tr", r.id ? {} : { class: "sremgr-sheet-all" }, [
      h("th", { scope: "row", text: r.title }),
      h("td", { text: r.now }),
      h("td", { text: r.before }),
      h("td", {}, [trend(r.change), r.change]),
      ...r.team === void 0 ? [] : [h("td", { "data-sremgr-team-cell": r.id, text: r.team })]
    ])))
  ]));
  if (s.untouched) out.appendChild(h("p", { class: "sremgr-sheet-untouched", text: s.untouched }));
  const list = (cls, title, items) => {
    if (items.length) out.appendChild(h("section", { class: cls }, [h("h3", { text: title }), h("ul", {}, items.map((kids) => h("li", {}, kids)))]));
  };
  list("sremgr-sheet-notes", t("dash.sheetNotes"), s.notes.map((n) => [h("b", { text: n.where }), h("br"), n.text]));
  list("sremgr-sheet-aside", t("dash.sheetAside"), s.aside.map((n) => [n.where + " ", h("i", { text: n.why })]));
  list("sremgr-sheet-open", s.openTitle, s.open.map((n) => [n.where]));
}

// src/mkdocs_sremgr/assets/src/dashboard/strings.generated.js
var EN_DASHBOARD = {
  "cadence.weekly": "weekly",
  "cadence.monthly": "monthly",
  "cadence.quarterly": "quarterly",
  "cadence.yearly": "yearly",
  "dash.noManifest": "The progress summary needs the site's manifest (assets/sremgr/manifest.js), which could not be loaded. Rebuild the site, then reload this page.",
  "since.up": "+{n} since {period}",
  "since.down": "−{n} since {period}",
  "since.same": "no change since {period}",
  "dash.close": "Close the quarter",
  "dash.copy": "Copy the 1:1 summary",
  "dash.download": "Download the full list",
  "dash.export": "Export progress",
  "dash.import": "Import…",
  "dash.resetAll": "Reset everything",
  "dash.pickerLabel": "Progress file to import",
  "dash.yourProgress": "Your progress",
  "dash.overallLabel": "Overall progress",
  "dash.quarter": "This quarter: {period}",
  "dash.lastClosed": " · last closed: {period}",
  "dash.exportedToday": " · last exported today",
  "dash.exportedYesterday": " · last exported yesterday",
  "dash.exportedDays": {
    "one": " · last exported {n} day ago",
    "other": " · last exported {n} days ago"
  },
  "dash.notExported": " · not exported yet",
  "dash.exportDue": " (Safari may erase a site's data after 7 days without a visit: export now and then)",
  "dash.lastChange": "Last change: {day}",
  "dash.never": "never",
  "dash.due": "due",
  "dash.dueTitle": {
    "one": "Not reviewed in the last {n} day ({cadence})",
    "other": "Not reviewed in the last {n} days ({cadence})"
  },
  "dash.history": "History by quarter",
  "dash.historyHelp": "Thick line: all checklists (the mean of their percentages), with its value at each quarter; a coloured line for each checklist, named at its end with its value now; the checklists not started share one line at 0%. Pick a name under the chart to highlight its line. “Show as a table” has every number.",
  "dash.overallSeries": "All checklists",
  "dash.tableCaption": "Scores by quarter (percent; the last column is now)",
  "dash.checklist": "Checklist",
  "dash.now": "{period} (now)",
  "dash.radarPrev": "This quarter and {period}",
  "dash.radar": "This quarter",
  "dash.radarHelpPrev": "Filled: {period} so far; dashed: {prev}. Each label gives both values, this quarter first.",
  "dash.radarHelp": "Each lesson's score so far this quarter.",
  "dash.lessonsCaption": "Lessons: this quarter and the last closed one",
  "dash.lesson": "Lesson",
  "dash.chartLabel": "Scores by quarter: overall and per checklist; the table below has the numbers",
  "dash.radarLabel": "Each lesson's score this quarter; the table below has the numbers",
  "dash.radarLabelPrev": "Each lesson's score this quarter against {period}; the table below has the numbers",
  "dash.showTable": "Show as a table",
  "dash.byTag": "By tag",
  "dash.tagLabel": "Tag {tag}: progress",
  "dash.moreTags": {
    "one": "{n} more tag, on one checklist",
    "other": "{n} more tags, each on one checklist"
  },
  "dash.backups": "Backups ({n})",
  "dash.restore": "Restore",
  "dash.delete": "Delete",
  "dash.replaceSnapshot": "{period} was already closed on {day}. Replace that snapshot with today's progress?",
  "dash.closed": "Closed {period}.",
  "dash.closedNotSaved": "Closed {period} on this page, but it could not be saved.",
  "dash.keepOrFresh": " Keep your ticks for next quarter, or start it fresh? (Notes and “not for me” stay.)",
  "dash.keep": "Keep my ticks",
  "dash.kept": " Your ticks stay for the next quarter.",
  "dash.fresh": "Start fresh",
  "dash.noBackupClear": "Could not keep a backup, so nothing was cleared.",
  "dash.freshDone": " A fresh start: every tick cleared, a backup kept.",
  "dash.freshNotSaved": "Cleared on this page, but it could not be saved.",
  "dash.resetConfirm": "Reset all progress, notes and closed quarters in this handbook? A backup is kept first.",
  "dash.noBackupReset": "Could not keep a backup, so nothing was reset.",
  "dash.resetDone": "Everything reset; a backup was kept.",
  "dash.resetNotSaved": "Reset on this page, but it could not be saved.",
  "dash.exported": "Exported. The file is in your downloads.",
  "dash.tooLarge": "it is larger than 25 MB",
  "dash.unreadable": "the file could not be read",
  "dash.importAsk": "This file holds {what}, exported {day}. Merge it with yours (the newest change to each item wins), or replace yours with it? “Replace mine” drops what you have now ({mine}); a backup of it is kept.",
  "dash.merge": "Merge",
  "dash.merged": "Imported and merged.",
  "dash.mergedNotSaved": "Merged on this page, but it could not be saved.",
  "dash.replace": "Replace mine",
  "dash.noBackupReplace": "Could not keep a backup of your progress, so nothing was replaced.",
  "dash.replaced": "Imported; your previous progress is under Backups.",
  "dash.replacedNotSaved": "Replaced on this page, but it could not be saved.",
  "dash.cancel": "Cancel",
  "dash.cancelled": "Import cancelled; nothing changed.",
  "dash.refused": "Import refused: {why}. Nothing was changed.",
  "dash.backupUnreadable": "That backup cannot be read by this version, so it was left as it is.",
  "dash.restoreConfirm": "Restore the backup from {day}? Your current progress is kept as a backup first.",
  "dash.noBackupRestore": "Could not keep a backup of your progress, so nothing was restored.",
  "dash.restored": "Backup restored.",
  "dash.restoredNotSaved": "Restored on this page, but it could not be saved.",
  "dash.deleteConfirm": "Delete this backup for good?",
  "dash.copied": "Copied the 1:1 summary ({n} lines): paste it into your one-on-one notes.",
  "dash.copyThis": "Copy this summary:",
  "dash.closeBtn": "Close",
  "dash.newer": "Not available: your stored progress belongs to a newer version of this handbook.",
  "md.title": "# Quarterly self-check: {period}",
  "md.overall": "Overall: **{pct}%**",
  "md.overallPrev": " · last closed quarter, {period}: {pct}%",
  "md.count": "{done} of {total} done, {pct}%",
  "md.na": " *(not for me)*",
  "md.quiet": " *(didn't come up this quarter)*",
  "md.note": "    - Note: {note}",
  "md.evidence": "    - Where to check: {evidence}",
  "dash.checklists": {
    "one": "{n} checklist",
    "other": "{n} checklists"
  },
  "dash.why.notJson": "it is not a JSON file",
  "dash.why.notExport": "it is not an mkdocs-sremgr export",
  "dash.why.noDate": "its export date is missing or invalid",
  "dash.why.noVersion": "its data has no version",
  "dash.why.newer": "it was written by a newer version of the handbook",
  "dash.why.unreadable": "its data cannot be read",
  "dash.why.nested": "it is nested too deeply",
  "dash.why.invalid": "its content is not valid ({key})",
  "dash.why.unknown": "none of its checklists exists in this handbook",
  "dash.why.otherHandbook": "it belongs to another handbook ({key})",
  "dash.pulse.refused": "Answers not added: {why}. Nothing was changed.",
  "dash.pulse.why.unreadable": "they cannot be read",
  "dash.pulse.why.tooBig": "they are too large for an answer file",
  "dash.pulse.why.notJson": "they are neither an answer file nor a pulse code",
  "dash.pulse.why.nested": "they are nested too deeply",
  "dash.pulse.why.notAnswers": "they are not answers to a team pulse",
  "dash.pulse.why.newer": "they were written by a newer version of the handbook",
  "dash.pulse.why.extraField": "they hold something an answer file must not hold ({key})",
  "dash.pulse.why.otherHandbook": "they are for another handbook ({key})",
  "dash.pulse.why.otherQuarter": "they are for another quarter ({key})",
  "dash.pulse.why.badId": "their random id is missing or invalid",
  "dash.pulse.why.invalid": "their content is not valid ({key})",
  "dash.pulse.why.empty": "they answer no statement",
  "dash.pulse.why.unknownStatement": "they answer a statement this pulse does not have ({key})",
  "dash.pulse.why.changed": "they answer an earlier wording of a statement ({key}); ask for a fresh answer",
  "dash.pulse.why.badValue": "an answer is not on the scale ({key})",
  "dash.pulse.why.badCode": "the code is damaged or incomplete",
  "dash.pulse.why.alreadyAdded": "these answers were added already",
  "dash.pulse.why.full": "this quarter holds as many answers as it can",
  "dash.pulse.why.badAggregate": "the stored team pulse is not valid ({key})",
  "dash.pulse.title": "Team pulse",
  "dash.pulse.help": "Add the answer files or codes your team sent for {period}. Only counts are kept: which answers came from whom is never stored or shown.",
  "dash.pulse.ask": "The page your team answers on:",
  "dash.pulse.addFiles": "Add answer files",
  "dash.pulse.pickerLabel": "Team pulse answer files",
  "dash.pulse.drop": "Or drop answer files here.",
  "dash.pulse.codesLabel": "Answer codes, one or more",
  "dash.pulse.addCodes": "Add codes",
  "dash.pulse.named": "{name}: {text}",
  "dash.pulse.added": {
    "one": "{n} answer added.",
    "other": "{n} answers added."
  },
  "dash.pulse.nothingGiven": "Choose answer files or paste codes first.",
  "dash.pulse.needed": {
    "one": "One more answer is needed before the team's view is shown.",
    "other": "{n} more answers are needed before the team's view is shown."
  },
  "dash.pulse.count": {
    "one": "{n} answer for {period}.",
    "other": "{n} answers for {period}. More answers than people on the team means someone sent theirs twice."
  },
  "dash.pulse.scaleHelp": "1 = strongly disagree, 3 = neither agree nor disagree, 5 = strongly agree.",
  "dash.pulse.statementsCaption": "The team's answers, per statement",
  "dash.pulse.median": "median {value}",
  "dash.pulse.noMedian": "no median: every answer was “don't know”",
  "dash.pulse.spread": "1: {s1} · 2: {s2} · 3: {s3} · 4: {s4} · 5: {s5} · don't know: {dk}",
  "dash.pulse.answers": {
    "one": "{n} answer",
    "other": "{n} answers"
  },
  "dash.pulse.statementNeeded": {
    "one": "needs one more answer to its current wording",
    "other": "needs {n} more answers to its current wording"
  },
  "dash.pulse.lessonsCaption": "Per lesson: the team's view beside your own score",
  "dash.pulse.lessonsHelp": "The team's view is the median of the lesson's statements on a line from 0 (strongly disagree) to 100 (strongly agree); your score is how much of the checklist you have done. They measure different things: the gap between them is what to talk about.",
  "dash.pulse.team": "Team's view",
  "dash.pulse.yours": "Your score",
  "dash.pulse.agreement": "{pct} of 100",
  "dash.pulse.storedBad": "The team pulse kept for {period} cannot be read ({why}). It is left as it is; adding answers keeps a backup of everything first and counts this quarter again.",
  "md.pulse": {
    "one": "Team pulse: {n} answer.",
    "other": "Team pulse: {n} answers. Per lesson, the team's view (0–100) beside my score:"
  },
  "md.pulseNeeded": {
    "one": "Team pulse: one more answer is needed before it is shown.",
    "other": "Team pulse: {n} more answers are needed before it is shown."
  },
  "md.pulseLesson": "- {title}: team {team} of 100, mine {pct}%",
  "dash.radarClosed": "{period}, closed",
  "dash.radarClosedPrev": "{period} (closed) and {prev}",
  "dash.keyNow": "{period}, now",
  "dash.keyBefore": "{period}, the last closed quarter before it",
  "dash.copyFull": "Copy the full list",
  "dash.groupQuarter": "The quarter",
  "dash.groupShare": "For your one-on-one",
  "dash.groupCopy": "Keep a copy",
  "dash.startTitle": "Where to start",
  "dash.startIntro": "Nothing is ticked yet. Each checklist is a short self-check: tick what you already do, mark what does not apply as “not for me”, and come back each quarter to see what moved. Your ticks stay in this browser only.",
  "dash.startWith": "Start with",
  "dash.startWhy": ", the first lesson of the talk; the others can wait.",
  "dash.overallEvery": "Mean of all {n} checklists, each counted once",
  "dash.overallOne": "The checklist you have started",
  "dash.overallMany": "Mean of the {n} checklists you have started",
  "dash.overallAll": " · all {n} checklists: {pct}%",
  "dash.quarterEnds": {
    "one": "This quarter: {period}, ends on {end} ({n} day left)",
    "other": "This quarter: {period}, ends on {end} ({n} days left)"
  },
  "dash.quarterClosed": "{period} was closed on {day}; closing it again before {end} replaces that record",
  "dash.dueHelp": "“Due” means a checklist you have started has not been ticked or marked reviewed for longer than its cadence: {weekly} days for weekly, {monthly} for monthly, {quarterly} for quarterly, {yearly} for yearly.",
  "dash.notStarted": "not started",
  "dash.dueFor": {
    "one": "due: last looked at {n} day ago ({cadence})",
    "other": "due: last looked at {n} days ago ({cadence})"
  },
  "dash.byTagHelp": "Tags shared by several checklists: the mean of their percentages.",
  "dash.tagText": "{n} checklists · {pct}%",
  "dash.safety": "Backups and reset",
  "dash.backupsHelp": "Before anything clears or replaces your progress (Reset, Start fresh, Replace mine, Restore), a full copy of it is kept here, in this browser, until you delete it. Restore one to undo such a step. Backups are lost with the browser's data: export to keep a copy elsewhere.",
  "dash.noBackups": "No backups yet.",
  "dash.closeAsk": "Close {period}? Today's progress becomes {period}'s record, the one later quarters compare with.",
  "dash.closeEarly": {
    "one": " {period} is not over: it ends on {end}, in {n} day. You can close it again later; that replaces the record.",
    "other": " {period} is not over: it ends on {end}, in {n} days. You can close it again later; that replaces the record."
  },
  "dash.closeEarlyOne": " {period} ends tomorrow, {end}.",
  "dash.closeLastDay": " Today is {period}'s last day.",
  "dash.closeCancelled": "Not closed; nothing changed.",
  "dash.downloaded": "Downloaded {name} (every item).",
  "dash.deleted": "Backup deleted.",
  "dash.resetCancelled": "Nothing was reset.",
  "md.overallOfOne": " (the one checklist I have started; all {count}: {all}%)",
  "md.overallOf": " (mean of the {n} checklists I have started; all {count}: {all}%)",
  "md.overallAside": {
    "one": " · {n} item set aside",
    "other": " · {n} items set aside"
  },
  "md.changes": "## Since {period}",
  "md.noChanges": "No change.",
  "md.gained": "Done:",
  "md.lost": "No longer done:",
  "md.notes": "## My notes",
  "md.setAside": "## Set aside",
  "md.openTop": "## Open items that weigh most ({n} of {total})",
  "md.checklists": "## Checklists",
  "md.untouched": {
    "one": "- Not started ({n}): {names}",
    "other": "- Not started ({n}): {names}"
  },
  "dash.chartQuiet": {
    "one": "{n} not started",
    "other": "{n} not started"
  },
  "dash.pickLine": "Highlight a line",
  "dash.chartsLater": "Charts come once a quarter is closed: tick what you did this quarter, then Close the quarter on this page. They show each lesson this quarter against the last, and your history by quarter.",
  "dash.historyLater": "Your history by quarter comes next quarter, once there are two quarters to draw.",
  "dash.print": "Print the quarter on a page",
  "dash.sheetTitle": "{period} on a page",
  "dash.sheetSub": "For my one-on-one, as of {day}. Scores are for my own review, not for ranking anyone.",
  "dash.sheetNoPrev": "No earlier quarter",
  "dash.sheetChange": "Change",
  "dash.sheetUntouched": {
    "one": "Not started ({n}): {names}",
    "other": "Not started ({n}): {names}"
  },
  "dash.sheetNotes": "My notes",
  "dash.sheetAside": "Set aside",
  "dash.sheetOpen": "Open items that weigh most ({n} of {total})",
  "dash.headline": {
    "one": "{n} of {count} checklists started · {pct}% of it done",
    "other": "{n} of {count} checklists started · {pct}% of them done"
  },
  "dash.headlineAll": {
    "one": "{n} checklist, started · {pct}% done",
    "other": "All {n} checklists started · {pct}% done"
  },
  "dash.freshTitle": "A fresh start since {period} was closed",
  "dash.freshIntro": {
    "one": "Nothing has been ticked since. {period} closed at {pct}%, over the {n} checklist with ticks then; your history, notes and “not for me” stay. Tick what you do now.",
    "other": "Nothing has been ticked since. {period} closed at {pct}%, over the {n} checklists with ticks then; your history, notes and “not for me” stay. Tick what you do now."
  },
  "dash.rowFresh": "nothing ticked since {period} closed ({pct}% then)",
  "dash.quarters": {
    "one": "{n} closed quarter",
    "other": "{n} closed quarters"
  },
  "dash.notes": {
    "one": "{n} note",
    "other": "{n} notes"
  },
  "dash.cause.reset": "Before “Reset everything”",
  "dash.cause.replace": "Before “Replace mine” (an import)",
  "dash.cause.fresh": "Before “Start fresh”",
  "dash.cause.restore": "Before restoring another backup",
  "dash.cause.checklist": "Before “Reset this checklist” ({title})",
  "dash.cause.damaged": "Data this browser could not read, moved aside",
  "dash.cause.unknown": "What made it was not recorded (an earlier version)",
  "dash.backupWhen": "{day}, {time}",
  "dash.backupUnreadableShort": "this version cannot read it",
  "dash.copiedFull": "Copied the full list ({n} lines: every item of every checklist).",
  "md.fresh": "A fresh start: nothing is ticked since {period} was closed ({pct}% then)."
};

// src/mkdocs_sremgr/assets/src/dashboard/strings.js
function useStrings(page) {
  adopt(page);
  extend(EN_DASHBOARD);
}

// src/mkdocs_sremgr/assets/src/dashboard/view.js
function asideText(n) {
  return typeof n === "number" && n > 0 ? t("progress.aside", { n }) : "";
}
function cell(pct2, aside) {
  return pct2 == null ? "–" : percent(pct2) + asideText(aside);
}
function snapAside(s) {
  const n = s && s.aside;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : null;
}
function snapScore(s) {
  return s && typeof s.score === "number" ? s.score : null;
}
function sum2(ns) {
  const known = (
    /** @type {number[]} */
    ns.filter((n) => n != null)
  );
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
function tallies(d, m, now2) {
  return new Map(m.checklists.map((c) => [c.id, score(d, c, c.items, now2)]));
}
function snapshot2(d, m, now2, at2) {
  const snap = { closed: at2, checklists: /* @__PURE__ */ Object.create(null) };
  for (const c of m.checklists) {
    const s = score(d, c, c.items, now2);
    const done = c.items.filter((it) => isDone(stateOf(itemRecord(d, c, it)))).map((it) => it.id);
    snap.checklists[c.id] = { done, total: s.total, score: s.pct, aside: s.aside };
  }
  return snap;
}
function dashboardView2(input, period) {
  const { data: d, manifest: m, now: now2 } = input;
  const p = period;
  const sc = tallies(d, m, now2);
  const tally2 = (id) => (
    /** @type {Tally} */
    sc.get(id)
  );
  const prev = lastClosedBefore(d, p);
  const closedNow = lastClosedUpTo(d, p) === p ? p : null;
  const list = m.checklists.map((c) => tally2(c.id));
  const all = overall(list);
  const aside = list.reduce((n, s) => n + s.aside, 0);
  return {
    period: p,
    prev,
    closedNow,
    summary: summary(input, p, prev, closedNow, all, aside),
    rows: m.checklists.map((c) => row(d, c, tally2(c.id), prev, now2, lastClosedUpTo(d, p))),
    history: history(d, m, tally2, p, all.all, aside),
    radar: radar(d, m, tally2, p, prev, closedNow),
    tags: tags(m, tally2),
    safety: safety(input, all.started > 0)
  };
}
function hasAnything(d, started) {
  return started || Object.keys(d.checklists).length > 0 || closedPeriods(d).length > 0;
}
function summary(input, p, prev, closedNow, all, aside) {
  const { data: d, manifest: m, now: now2, fys } = input;
  const started = all.started > 0;
  const anything = hasAnything(d, started);
  const closed = lastClosedUpTo(d, p);
  const last = !started && closed && closedOverall(d, m, closed).n ? closed : null;
  const first = m.checklists[0];
  const end = day(quarterEnd(p, fys).toISOString());
  const closedDay = closedNow ? day(String(d.snapshots[closedNow].closed || "")) : "";
  const ago = daysSince(d.meta.exported, now2);
  const due = anything && ago >= 7;
  const exportText = !Number.isFinite(ago) ? t("dash.notExported") : ago === 0 ? t("dash.exportedToday") : ago === 1 ? t("dash.exportedYesterday") : t("dash.exportedDays", { n: ago });
  const overallText = (all.started === all.count ? t("dash.overallEvery", { n: all.count }) : t(all.started === 1 ? "dash.overallOne" : "dash.overallMany", { n: all.started }) + t("dash.overallAll", { n: all.count, pct: all.all })) + asideText(aside);
  return {
    started,
    anything,
    // The headline says how many checklists that figure is over ("1 of 13 checklists started ·
    // 44% of it done"); with nothing ticked after a close, it speaks of that close, not of a first visit.
    title: started ? t(all.started === all.count ? "dash.headlineAll" : "dash.headline", { n: all.started, count: all.count, pct: all.pct }) : last ? t("dash.freshTitle", { period: last }) : t("dash.startTitle"),
    start: started || last ? null : { first: first ? { id: first.id, title: first.title, url: first.url } : null },
    fresh: last ? freshText(d, m, last) : "",
    overall: started ? { label: t("dash.overallLabel"), bar: { done: 0, total: 0, pct: all.pct }, text: overallText, aside } : null,
    quarter: {
      period: p,
      text: closedNow ? t("dash.quarterClosed", { period: p, day: closedDay, end }) : t("dash.quarterEnds", { period: p, end, n: daysLeft(p, fys, now2) }) + (prev ? t("dash.lastClosed", { period: prev }) : "")
    },
    exported: anything ? {
      age: Number.isFinite(ago) ? String(ago) : "never",
      due,
      text: capital(exportText.replace(/^ · /, "")) + (due ? t("dash.exportDue") : "")
    } : null,
    dueHelp: started ? t("dash.dueHelp", cadenceDays) : ""
  };
}
function row(d, c, s, prev, now2, last) {
  const ago = daysSince(s.last, now2);
  const isDue = s.started && ago > cadenceLimit(c.cadence);
  const since = prev ? sinceText(d, s.done, prev, c.id) : "";
  const then = last ? snapshotOf(d, last, c.id) : void 0;
  const before = !s.started && then && Array.isArray(then.done) && then.done.length ? t("dash.rowFresh", { period: last || "", pct: snapScore(then) || 0 }) : "";
  return {
    id: c.id,
    title: c.title,
    label: t("progress.label", { title: c.title }),
    bar: s,
    pct: s.pct,
    aside: s.aside,
    started: s.started || !!before,
    text: progressText(s, weighted(c)),
    // it says how many were set aside
    meta: before || (s.started ? t("dash.lastChange", { day: s.last ? day(s.last) : t("dash.never") }) + (since ? " · " + since : "") : ""),
    due: isDue ? t("dash.dueFor", { n: ago, cadence: t("cadence." + c.cadence) }) : ""
  };
}
function history(d, m, tally2, p, overallNow, asideNow) {
  const periods = closedPeriods(d).filter((x) => x !== p);
  const labels = [...periods, p];
  const entries = (x) => m.checklists.map((c) => snapshotOf(d, x, c.id));
  const series = [{
    name: t("dash.overallSeries"),
    cls: "sremgr-line-overall",
    points: [...periods.map((x) => (
      /** @type {[string, number]} */
      [x, mean(entries(x).map((s) => s && s.total > 0 ? s.score : null))]
    )), [p, overallNow]]
  }];
  const asides = [[...periods.map((x) => sum2(entries(x).map(snapAside))), asideNow]];
  for (const c of m.checklists) {
    const snaps = periods.map((x) => snapshotOf(d, x, c.id));
    series.push({
      name: c.title,
      id: c.id,
      cls: "sremgr-line",
      started: tally2(c.id).started,
      points: [...periods.map((x, i) => (
        /** @type {[string, number | null]} */
        [x, snapScore(snaps[i])]
      )), [p, tally2(c.id).pct]]
    });
    asides.push([...snaps.map(snapAside), tally2(c.id).aside]);
  }
  return {
    labels,
    series,
    head: [t("dash.checklist"), ...labels.map((l) => l === p ? t("dash.now", { period: l }) : l)],
    rows: series.map((s, i) => [s.name, ...s.points.map((pt, j) => cell(pt[1], asides[i][j]))])
  };
}
function radar(d, m, tally2, p, prev, closedNow) {
  if (m.checklists.length < 3) return null;
  const before = m.checklists.map((c) => prev ? snapshotOf(d, prev, c.id) : void 0);
  const axes = m.checklists.map((c, i) => ({ label: c.title, now: tally2(c.id).pct, before: snapScore(before[i]) }));
  return {
    title: closedNow ? prev ? t("dash.radarClosedPrev", { period: p, prev }) : t("dash.radarClosed", { period: p }) : prev ? t("dash.radarPrev", { period: prev }) : t("dash.radar"),
    help: prev ? t("dash.radarHelpPrev", { period: p, prev }) : t("dash.radarHelp"),
    axes,
    key: axes.map((a) => ({ label: a.label, value: percent(a.now) + (prev ? " · " + (a.before == null ? "–" : percent(a.before)) : "") })),
    legend: [["sremgr-key-now", t("dash.keyNow", { period: p })], ...prev ? (
      /** @type {[string, string][]} */
      [["sremgr-key-before", t("dash.keyBefore", { period: prev })]]
    ) : []],
    head: [t("dash.lesson"), p, ...prev ? [prev] : []],
    rows: axes.map((a, i) => [a.label, cell(a.now, tally2(m.checklists[i].id).aside), ...prev ? [cell(a.before, snapAside(before[i]))] : []])
  };
}
function tags(m, tally2) {
  const by = /* @__PURE__ */ new Map();
  for (const c of m.checklists) for (const tag of c.tags) by.set(tag, [...by.get(tag) || [], tally2(c.id)]);
  return [...by.keys()].filter((tag) => (by.get(tag) || []).length > 1).sort().map((tag) => {
    const all = (
      /** @type {Tally[]} */
      by.get(tag)
    );
    const pct2 = mean(all.filter((s) => s.total > 0).map((s) => s.pct));
    const aside = all.reduce((n, s) => n + s.aside, 0);
    return {
      tag,
      label: t("dash.tagLabel", { tag }),
      aside,
      bar: { done: all.reduce((n, s) => n + s.done, 0), total: all.reduce((n, s) => n + s.total, 0), pct: pct2 },
      text: t("dash.tagText", { n: all.length, pct: pct2 }) + asideText(aside)
    };
  });
}
function holdsText(x) {
  return [t("dash.checklists", { n: x.checklists }), t("dash.quarters", { n: x.quarters }), t("dash.notes", { n: x.notes })].join(", ");
}
function freshText(d, m, last) {
  const then = closedOverall(d, m, last);
  return t("dash.freshIntro", { period: last, n: then.n, pct: then.pct });
}
function causeText(m, cause) {
  if (cause.startsWith("checklist/")) {
    const c = m.checklists.find((x) => x.id === cause.slice(10));
    return t("dash.cause.checklist", { title: c ? c.title : cause.slice(10) });
  }
  return ["reset", "replace", "fresh", "restore"].includes(cause) ? t("dash.cause." + cause) : t("dash.cause.unknown");
}
function safety(input, started) {
  const saved = input.backups || [];
  const anything = hasAnything(input.data, started);
  return {
    show: anything || saved.length > 0,
    count: saved.length,
    reset: anything,
    backups: saved.map((b) => {
      const when = isDate(b.when) ? t("dash.backupWhen", { day: day(b.when), time: time(b.when) }) : b.when;
      const what = !b.holds && !b.cause ? t("dash.cause.damaged") : causeText(input.manifest, b.cause);
      return { name: b.name, text: what + " · " + when, holds: b.holds ? holdsText(b.holds) : t("dash.backupUnreadableShort") };
    })
  };
}
function capital(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

// src/mkdocs_sremgr/assets/src/dashboard/main.js
var siteRoot = new URL("../../", document.currentScript && /** @type {HTMLScriptElement} */
document.currentScript.src || location.href).href;
var bound = /* @__PURE__ */ new Map(
  /** @type {[Element, AbortController][]} */
  []
);
function bindDashboard(root, host) {
  useStrings(host.strings);
  for (const [old, life2] of bound) if (!old.isConnected) life2.abort();
  const life = new AbortController();
  const { signal } = life;
  bound.set(root, life);
  signal.addEventListener("abort", () => bound.delete(root));
  const store = host.store;
  const now2 = () => host.now();
  const fys = fiscalStart(root.getAttribute("data-sremgr-fiscal-year-start"));
  const period = () => periodOf(new Date(now2()), fys);
  const area = noticeArea(root, store);
  const parts = layout(root);
  const { show: show2 } = questions(parts.panel, parts.controls, parts.answer, signal);
  const team = teamSection(parts.charts, { store, period, now: now2, signal, link: (url) => new URL(url, siteRoot).href });
  let m = null;
  let answerAt = parts.answer;
  let drawnAt = 0;
  let resizing = 0;
  const alive = () => {
    if (!signal.aborted && !root.isConnected) life.abort();
    return !signal.aborted;
  };
  window.addEventListener("resize", () => {
    if (resizing || !alive()) return;
    resizing = requestAnimationFrame(() => {
      resizing = 0;
      if (m && alive() && Math.abs(parts.charts.clientWidth - drawnAt) > 24) paint();
    });
  }, { signal });
  signal.addEventListener("abort", () => cancelAnimationFrame(resizing));
  function startLink(id, url) {
    const a = parts.list && parts.list.querySelector(`li[data-sremgr-checklist="${id}"] a`);
    return a ? (
      /** @type {HTMLAnchorElement} */
      a.href
    ) : new URL(url, host.base || siteRoot).href;
  }
  function paint() {
    if (!alive()) return;
    area.render();
    if (!m) return;
    drawnAt = parts.charts.clientWidth || 640;
    const input = { data: store.data, manifest: m, now: now2(), fys, backups: backups(store).map((name) => describe(store, name)) };
    draw(parts, dashboardView2(input, period()), drawnAt, startLink);
    drawSheet(parts.sheet, quarterSheet(store.data, m, period(), now2(), team.paint(m)));
  }
  function say(text, ok = true) {
    hush();
    const el = answerAt;
    el.textContent = text;
    el.classList.toggle("sremgr-feedback-bad", !ok);
    keepFocus();
  }
  function hush() {
    for (const el of [parts.answer, parts.safetyAnswer]) {
      el.textContent = "";
      el.classList.remove("sremgr-feedback-bad");
    }
  }
  const ask = (text, buttons, cancel) => {
    hush();
    show2(text, buttons, cancel);
  };
  function keepFocus() {
    const a = (
      /** @type {HTMLElement | null} */
      document.activeElement
    );
    if (a && a !== document.body && a.getClientRects().length) return;
    const heading = (
      /** @type {HTMLElement | null} */
      root.querySelector(answerAt === parts.safetyAnswer ? "#sremgr-backups" : "#sremgr-overall")
    );
    if (heading) heading.focus();
  }
  const iso2 = () => new Date(now2()).toISOString();
  function askClose(man) {
    const p = period();
    const old = store.data.snapshots[p];
    if (old && !window.confirm(t("dash.replaceSnapshot", { period: p, day: day(old.closed) }))) return;
    const left = daysLeft(p, fys, now2());
    const end = day(quarterEnd(p, fys).toISOString());
    ask(t("dash.closeAsk", { period: p }) + (left > 0 ? t(left === 1 ? "dash.closeEarlyOne" : "dash.closeEarly", { period: p, end, n: left }) : t("dash.closeLastDay", { period: p })) + t("dash.keepOrFresh"), [
      [t("dash.keep"), () => closeQuarter(man, false)],
      [t("dash.fresh"), () => closeQuarter(man, true), "sremgr-danger"],
      [t("dash.cancel"), () => say(t("dash.closeCancelled"))]
    ], () => say(t("dash.closeCancelled")));
  }
  function closeQuarter(man, fresh) {
    const p = period();
    const snap = snapshot2(store.data, man, now2(), iso2());
    const pulse = pulseSnapshot(store.data, man.pulse || null, store.key, p);
    if (pulse) Object.assign(snap, { pulse });
    const ok = store.apply({ kind: "snapshot", period: p, snapshot: snap });
    if (!ok) return say(t("dash.closedNotSaved", { period: p }), false);
    if (!fresh) return say(t("dash.closed", { period: p }) + t("dash.kept"));
    if (!store.backupCurrent("~fresh")) return say(t("dash.closed", { period: p }) + t("dash.noBackupClear"), false);
    say(store.apply(freshQuarter(iso2())) ? t("dash.closed", { period: p }) + t("dash.freshDone") : t("dash.freshNotSaved"), true);
  }
  function resetAll2() {
    if (!window.confirm(t("dash.resetConfirm"))) return say(t("dash.resetCancelled"));
    if (!store.backupCurrent("~reset")) return say(t("dash.noBackupReset"), false);
    say(store.apply(resetAll()) ? t("dash.resetDone") : t("dash.resetNotSaved"));
  }
  function exportFile2() {
    const text = exportFile(store);
    const at2 = String(store.data.meta.exported || iso2());
    download(text, "application/json", store.key.replace(/[^a-z0-9-]+/gi, "-") + "-" + at2.slice(0, 10) + ".json");
    say(t("dash.exported"));
  }
  function importFile(man, file) {
    if (file.size > MAX_IMPORT_BYTES) return refuse3("dash.tooLarge");
    file.text().then((text) => {
      const known = new Set(man.checklists.flatMap((c) => [c.id, ...c.aliases]));
      const result = validateImport(text, { key: store.key, known, at: iso2() });
      if ("error" in result) return refuse3(result.error, result.detail);
      const pulseWrong = storedPulse(result.data, store.key).problems;
      if (pulseWrong.length) return refuse3("dash.why.invalid", pulseWrong[0]);
      const incoming = result.data;
      ask(t("dash.importAsk", { what: holdsText(holds(incoming)), day: day(result.exported), mine: holdsText(holds(store.data)) }), [
        [t("dash.merge"), () => say(store.apply({ kind: "transform", run: (d) => merge(d, incoming, now2(), result.exported, store.key) }) ? t("dash.merged") : t("dash.mergedNotSaved"))],
        [t("dash.replace"), () => {
          if (!store.backupCurrent("~replace")) return say(t("dash.noBackupReplace"), false);
          say(store.apply(replaceWith(incoming)) ? t("dash.replaced") : t("dash.replacedNotSaved"));
        }, "sremgr-danger"],
        [t("dash.cancel"), () => say(t("dash.cancelled"))]
      ], () => say(t("dash.cancelled")));
    }, () => refuse3("dash.unreadable"));
  }
  function refuse3(why, detail = "") {
    say(t("dash.refused", { why: t(why, { key: detail || "" }) }), false);
  }
  function restore2(name) {
    if (!readBackup(store, name)) return say(t("dash.backupUnreadable"), false);
    if (!window.confirm(t("dash.restoreConfirm", { day: day(backupTime(store.key, name)) }))) return;
    const r = restore(store, name);
    if (r === "no-backup") return say(t("dash.noBackupRestore"), false);
    say(r === "ok" ? t("dash.restored") : t("dash.restoredNotSaved"));
  }
  function removeBackup2(name) {
    if (!window.confirm(t("dash.deleteConfirm"))) return;
    removeBackup(store, name);
    say(t("dash.deleted"));
  }
  function copyMarkdown(man, full2) {
    const text = markdownSummary(store.data, man, period(), now2(), { full: full2 });
    const done = () => say(t(full2 ? "dash.copiedFull" : "dash.copied", { n: text.split("\n").length }));
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, () => showText(text));
    else showText(text);
  }
  function showText(text) {
    ask(t("dash.copyThis"), [[t("dash.closeBtn"), () => {
    }]]);
    const box = (
      /** @type {HTMLTextAreaElement} */
      h("textarea", { class: "sremgr-note", rows: "10", readonly: "" })
    );
    box.value = text;
    parts.panel.insertBefore(box, parts.panel.lastChild);
    box.select();
  }
  root.addEventListener("click", (e) => {
    const btn = (
      /** @type {Element} */
      e.target.closest("[data-sremgr-action]")
    );
    if (!btn || !m) return;
    const man = m;
    const a = btn.getAttribute("data-sremgr-action");
    const backupRow = btn.closest("[data-sremgr-backup]");
    const backupName = backupRow && backupRow.getAttribute("data-sremgr-backup");
    answerAt = parts.safety.contains(btn) ? parts.safetyAnswer : parts.answer;
    if (a === "print") return window.print();
    if (store.mode === "newer" && a !== "copy" && a !== "download" && a !== "copy-full") return say(t("dash.newer"), false);
    if (a === "close") askClose(man);
    else if (a === "copy") copyMarkdown(man, false);
    else if (a === "copy-full") copyMarkdown(man, true);
    else if (a === "download") {
      download(markdownSummary(store.data, man, period(), now2(), { full: true }), "text/markdown", `self-check-${period()}.md`);
      say(t("dash.downloaded", { name: `self-check-${period()}.md` }));
    } else if (a === "export") exportFile2();
    else if (a === "import") parts.picker.click();
    else if (a === "reset-all") resetAll2();
    else if (a === "restore" && backupName) restore2(backupName);
    else if (a === "delete-backup" && backupName) removeBackup2(backupName);
  }, { signal });
  const picker = parts.picker;
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    if (file && m) importFile(m, file);
    picker.value = "";
  }, { signal });
  root.classList.add("sremgr-js");
  const ready = host.manifest().then(
    (raw) => {
      m = prepare(raw);
      paint();
    },
    () => store.notice("manifest", "dash.noManifest")
  );
  return { paint, notices: area.render, ready };
}
function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: "" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e3);
}
var api = (
  /** @type {any} */
  window.sremgr
);
if (api) api.bindDashboard = bindDashboard;
export {
  bindDashboard,
  bindPage
};

/** The rare notices' English texts. */
export const NOTICES = {
 "notice.blocked": "This browser does not let the handbook store anything, so your ticks live only on this page until you close it. Export them to keep a copy.",
 "notice.newer": "Your progress was saved by a newer version of this handbook. It is left untouched; changes on this page are not saved.",
 "notice.moved": "Your saved progress could not be read. It was kept unchanged under “{name}” (see Backups on the dashboard) and you start afresh.",
 "notice.partly": "Part of your saved progress could not be read. The whole record was kept unchanged under “{name}” (see Backups on the dashboard); the rest is in use.",
 "notice.movedNoRoom": "Your saved progress could not be read and there is no room to keep a copy, so it is left as it was and nothing here is saved.",
 "notice.full": "Could not save: browser storage is full or blocked. Your changes stay in this tab until you close it; export them to keep a copy.",
 "notice.noBackup": "Could not keep a backup, so nothing was reset.",
 "notice.dashboardScript": "The dashboard could not load its script (assets/sremgr/sremgr-dashboard.js). Your progress is safe; reload the page to try again."
};
