/* mkdocs-sremgr: a reader's progress, kept in this browser only.
 * Storage format and DOM contract: docs/design.md. No dependencies, no eval, no innerHTML.
 * This file is on every page: storage, scores and checklists. The dashboard's code (quarters,
 * charts, import/export) is sremgr-dashboard.js, fetched with the site's manifest.json only
 * when a page has a dashboard: those are the only requests, both to the site itself. */
(function () {
  "use strict";
  var VERSION = 1;
  var MAX_NOTE = 2000, PERIOD = /^\d{4}-Q[1-4]$/;
  var script = document.currentScript;
  var assetBase = script ? script.src : location.href; // <root>/assets/sremgr/sremgr.js
  var has = Object.prototype.hasOwnProperty;

  var S = { key: null, data: null, mode: "ok", notices: {}, views: [], manifest: null };
  var api = window.sremgr = { version: VERSION, timings: [], state: S };

  // ---------------------------------------------------------------- small helpers
  function own(o, k) { return isObj(o) && has.call(o, k); }
  function isObj(o) { return o !== null && typeof o === "object" && !Array.isArray(o); }
  function get(o, k) { return own(o, k) ? o[k] : undefined; }
  function child(o, k) { if (!isObj(o[k])) o[k] = {}; return o[k]; }
  function now() { return new Date().toISOString(); }
  function pct(part, whole) { return whole > 0 ? Math.round((100 * part) / whole) : 0; }
  function isDate(s) { return typeof s === "string" && s.length <= 40 && !isNaN(Date.parse(s)); }

  /** Builds an element; text only ever goes in as text, never as HTML. */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    for (var k in attrs) {
      if (!has.call(attrs, k) || attrs[k] == null) continue;
      if (k === "text") el.textContent = attrs[k];
      else if (k === "on") el.addEventListener("click", attrs[k]);
      else el.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return el;
  }
  function button(label, action, cls) {
    return h("button", { type: "button", "class": "sremgr-btn" + (cls ? " " + cls : ""), "data-sremgr-action": action, text: label });
  }

  // ---------------------------------------------------------------- storage (contract 2)
  function localStore() { try { return window.localStorage; } catch (e) { return null; } }
  function emptyData() { return { version: VERSION, checklists: {}, snapshots: {}, meta: { created: now() } }; }

  /** MIGRATIONS[v] turns data of version v into version v + 1; run in order, each tested. */
  var MIGRATIONS = [
    // 0 -> 1: pre-release drafts stored no version and plain booleans per item.
    function (d) {
      var out = { checklists: {}, snapshots: isObj(d.snapshots) ? d.snapshots : {}, meta: isObj(d.meta) ? d.meta : {} };
      for (var cid in d.checklists) {
        if (!has.call(d.checklists, cid) || !isObj(d.checklists[cid])) continue;
        var items = get(d.checklists[cid], "items"), kept = {};
        for (var iid in items) {
          if (!has.call(items, iid)) continue;
          var v = items[iid];
          kept[iid] = typeof v === "boolean" ? { state: v ? "done" : "open", changed: now() } : v;
        }
        out.checklists[cid] = { items: kept };
      }
      return out;
    }
  ];

  function migrate(d) {
    var v = d.version === undefined ? 0 : d.version;
    if (typeof v !== "number" || v % 1 || v < 0) return null;
    while (v < VERSION) { d = MIGRATIONS[v](d); d.version = ++v; }
    return d;
  }

  /** The shape we can work with; anything else is moved aside, never dropped. */
  function wellFormed(d) {
    if (!isObj(d) || d.version !== VERSION) return false;
    if (!isObj(d.checklists) || (d.snapshots !== undefined && !isObj(d.snapshots)) || (d.meta !== undefined && !isObj(d.meta))) return false;
    for (var cid in d.checklists) {
      if (!has.call(d.checklists, cid)) continue;
      var c = d.checklists[cid];
      if (!isObj(c) || (c.items !== undefined && !isObj(c.items))) return false;
      for (var iid in c.items) if (has.call(c.items, iid) && !isObj(c.items[iid])) return false;
    }
    for (var p in d.snapshots) if (has.call(d.snapshots, p) && !isObj(d.snapshots[p])) return false;
    return true;
  }

  function parseStored(raw) {
    var d;
    try { d = JSON.parse(raw); } catch (e) { return { bad: true }; }
    if (isObj(d) && typeof d.version === "number" && d.version > VERSION) return { newer: true };
    if (isObj(d) && isObj(d.checklists) && (d.version === undefined || d.version < VERSION)) {
      try { d = migrate(d); } catch (e) { d = null; }
    }
    if (!wellFormed(d)) return { bad: true };
    if (!isObj(d.meta)) d.meta = {};
    if (!isObj(d.snapshots)) d.snapshots = {};
    return { data: d };
  }

  function load(key) {
    if (S.unsaved && S.dataKey === key) { // a write failed: what is on screen is newer than storage
      notice("full", FULL);
      return;
    }
    S.key = key; S.mode = "ok";
    var t0 = performance.now(), ls = localStore(), raw = null;
    try { raw = ls ? ls.getItem(key) : null; } catch (e) { ls = null; }
    S.storageMs = performance.now() - t0; // the browser opens its storage on first use: often most of start-up
    if (!ls) {
      S.mode = "memory"; S.data = S.data && S.dataKey === key ? S.data : emptyData();
      notice("blocked", "This browser does not let the handbook store anything, so your ticks live only on this page until you close it. Export them to keep a copy.");
    } else if (raw === null) {
      S.data = emptyData();
    } else {
      var parsed = parseStored(raw);
      if (parsed.data) S.data = parsed.data;
      else if (parsed.newer) {
        S.mode = "newer"; S.data = emptyData();
        notice("newer", "Your progress was saved by a newer version of this handbook. It is left untouched; changes on this page are not saved.");
      } else {
        var copy = backup(raw);
        S.data = emptyData();
        if (copy) notice("moved", "Your saved progress could not be read. It was kept unchanged under “" + copy + "” (see Backups on the dashboard) and you start afresh.");
        else {
          S.mode = "memory";
          notice("moved", "Your saved progress could not be read and there is no room to keep a copy, so it is left as it was and nothing here is saved.");
        }
      }
    }
    S.dataKey = key; // whose data is in memory, should a later write fail
  }

  function save() {
    if (S.mode !== "ok") return false;
    try {
      window.localStorage.setItem(S.key, JSON.stringify(S.data));
      S.unsaved = false;
      clearNotice("full");
      return true;
    } catch (e) {
      S.unsaved = true;
      notice("full", FULL);
      return false;
    }
  }

  var FULL = "Could not save: browser storage is full or blocked. Your changes stay in this tab until you close it; export them to keep a copy.";

  /** Keeps `raw` under `<key>:backup:<time>`; returns that name, or null if it could not be written. */
  function backup(raw) {
    var name = S.key + ":backup:" + now();
    try { window.localStorage.setItem(name, raw); return name; } catch (e) { return null; }
  }
  function backupCurrent() {
    if (S.mode !== "ok") return S.mode === "memory" ? "memory" : null;
    return backup(JSON.stringify(S.data));
  }
  function backups() {
    var out = [], ls = localStore(), prefix = S.key + ":backup:";
    try {
      for (var i = 0; ls && i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(prefix) === 0) out.push(k);
      }
    } catch (e) { /* unavailable: no backups to show */ }
    return out.sort().reverse();
  }

  function askPersistence() {
    var meta = S.data.meta;
    if (meta.persistAsked || !navigator.storage || !navigator.storage.persist) return;
    meta.persistAsked = now();
    navigator.storage.persist().then(function (granted) { meta.persisted = !!granted; save(); }, function () {});
  }

  // ---------------------------------------------------------------- items, scores, periods
  /** An item's record among a checklist's `recs`, under its id or an old alias; or null. */
  function lookup(recs, item) {
    if (own(recs, item.id)) return recs[item.id];
    for (var i = 0; i < item.aliases.length; i++) if (own(recs, item.aliases[i])) return recs[item.aliases[i]];
    return null;
  }
  function record(cid, item) { return lookup(get(get(S.data.checklists, cid), "items"), item); }
  function stateFrom(r) { var s = r && r.state; return s === "done" || s === "na" ? s : "open"; }
  function stateOf(cid, item) { return stateFrom(record(cid, item)); }
  /** Writes under the item's current id; fields we do not know are carried over. */
  function update(cid, item, patch) {
    var items = child(child(S.data.checklists, cid), "items"), old = record(cid, item) || {}, next = {};
    for (var k in old) if (has.call(old, k)) next[k] = old[k];
    for (k in patch) if (has.call(patch, k)) next[k] = patch[k];
    if (has.call(patch, "note")) next.noted = now(); // notes merge on their own clock
    else next.changed = now();
    items[item.id] = next;
    return save();
  }

  /** Score of a checklist: weighted percent of applicable items done (not-applicable ones leave the totals). */
  function tally() { return { done: 0, total: 0, w: 0, tw: 0, pct: 0, last: "" }; }
  function count(t, it, state) {
    if (state === "na") return;
    t.total++; t.tw += it.weight;
    if (state === "done") { t.done++; t.w += it.weight; }
  }
  function finish(t) { t.pct = pct(t.w, t.tw); return t; }
  function score(cid, items) {
    var recs = get(get(S.data.checklists, cid), "items"), t = tally();
    items.forEach(function (it) {
      var r = lookup(recs, it);
      if (r && isDate(r.changed) && r.changed > t.last) t.last = r.changed;
      count(t, it, stateFrom(r));
    });
    var reviewed = get(get(S.data.checklists, cid), "reviewed");
    if (isDate(reviewed) && reviewed > t.last) t.last = reviewed;
    return finish(t);
  }

  function fiscalStart(el) { var m = parseInt(el.getAttribute("data-sremgr-fiscal-year-start"), 10); return m >= 1 && m <= 12 ? m : 1; }
  /** `2026-Q4`; with a fiscal year starting in month `fys`, the year is the one the fiscal year starts in. */
  function periodOf(date, fys) {
    var m = date.getMonth() + 1, y = date.getFullYear(), i = (m - fys + 12) % 12;
    return (m >= fys ? y : y - 1) + "-Q" + (Math.floor(i / 3) + 1);
  }
  function closedPeriods() {
    return Object.keys(S.data.snapshots).filter(function (p) { return PERIOD.test(p) && isObj(S.data.snapshots[p]); }).sort();
  }
  function lastClosedBefore(period) {
    var all = closedPeriods().filter(function (p) { return p < period; });
    return all.length ? all[all.length - 1] : null;
  }
  function snapshotOf(period, cid) { return get(get(get(S.data.snapshots, period), "checklists"), cid); }
  function sinceText(current, period, cid) {
    var snap = snapshotOf(period, cid);
    if (!snap || !Array.isArray(snap.done)) return "";
    var d = current.done - snap.done.length;
    return (d > 0 ? "+" + d : d < 0 ? "−" + -d : "no change") + " since " + period;
  }

  // ---------------------------------------------------------------- notices and announcements
  function notice(id, text) {
    S.notices[id] = text;
    S.views.forEach(function (v) { v.notices(); });
  }
  function clearNotice(id) {
    if (!has.call(S.notices, id)) return;
    delete S.notices[id];
    S.views.forEach(function (v) { v.notices(); });
  }
  function noticeArea(root) {
    var box = h("div", { "class": "sremgr-notices", role: "status" });
    var live = h("div", { "class": "sremgr-live", "aria-live": "polite" });
    root.insertBefore(box, root.firstChild);
    root.appendChild(live);
    return {
      render: function () {
        while (box.firstChild) box.removeChild(box.firstChild);
        for (var id in S.notices) if (has.call(S.notices, id)) box.appendChild(h("p", { "class": "sremgr-notice", "data-sremgr-notice": id, text: S.notices[id] }));
      },
      say: function (text) { live.textContent = text; }
    };
  }

  function drawBar(el, label, s) {
    var bar = el.firstChild;
    if (!bar) {
      bar = h("div", { "class": "sremgr-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-label": label }, [h("span", { "class": "sremgr-fill" })]);
      el.appendChild(bar);
      el.appendChild(h("span", { "class": "sremgr-bar-text" }));
    }
    var text = s.done + " of " + s.total + " done · " + s.pct + "%";
    bar.setAttribute("aria-valuenow", s.pct);
    bar.setAttribute("aria-valuetext", text);
    bar.firstChild.style.width = s.pct + "%";
    el.lastChild.textContent = text;
  }

  // ---------------------------------------------------------------- a checklist on a page
  function readItems(scope, section) {
    var out = [];
    var lis = scope.querySelectorAll("li[data-sremgr-item]");
    for (var i = 0; i < lis.length; i++) {
      var li = lis[i], aliases = li.getAttribute("data-sremgr-aliases"), input = li.firstElementChild;
      if (!input || !input.classList.contains("sremgr-check")) input = li.querySelector("input.sremgr-check");
      out.push({ id: li.getAttribute("data-sremgr-item"), weight: parseFloat(li.getAttribute("data-sremgr-weight")) || 1,
        aliases: aliases ? aliases.split(" ") : [], fp: li.getAttribute("data-sremgr-fp") || "", li: li, shown: "open",
        input: input, section: section, tools: undefined, state: "open" });
    }
    return out;
  }
  /** The item's "Not for me" and "Note" buttons, looked up once, when first needed. */
  function toolsOf(it) {
    if (it.tools === undefined) {
      var next = it.input && it.input.nextElementSibling && it.input.nextElementSibling.nextElementSibling;
      it.tools = next && next.classList.contains("sremgr-tools") ? next : it.li.querySelector(".sremgr-tools");
    }
    return it.tools;
  }
  function toolButton(it, action) {
    var tools = toolsOf(it);
    return tools && tools.querySelector('[data-sremgr-action="' + action + '"]');
  }

  function bindChecklist(root) {
    var cid = root.getAttribute("data-sremgr-checklist"), fys = fiscalStart(root);
    var title = root.getAttribute("data-sremgr-title") || cid;
    var items = [], byId = {};
    var fields = root.querySelectorAll("fieldset[data-sremgr-section]");
    for (var i = 0; i < fields.length; i++) {
      var legend = fields[i].querySelector("legend"), sec = { el: fields[i].querySelector(".sremgr-progress"),
        label: (legend ? legend.textContent : "Section") + ": progress" };
      items = items.concat(readItems(fields[i], sec));
    }
    if (!items.length) items = readItems(root, null); // a custom template without sections
    items.forEach(function (it) { byId[it.id] = it; });
    var overall = root.querySelector('.sremgr-progress[data-sremgr-progress="' + cid + '"]');
    var since = overall && h("p", { "class": "sremgr-since" });
    if (since) overall.parentNode.insertBefore(since, overall.nextSibling);
    var area = noticeArea(root);

    /** Brings one item's DOM up to date with its record, writing only what changed: the
     *  HTML starts every item open, so untouched items cost one comparison. */
    function paintItem(it, r, st) {
      var stale = st === "done" && r && typeof r.fp === "string" && r.fp && it.fp && r.fp !== it.fp;
      var note = r && typeof r.note === "string" ? r.note : "";
      var shown = st + (stale ? "!" : "") + note;
      if (shown === it.shown) return;
      var was = it.state || "open", li = it.li;
      it.shown = shown; it.state = st;
      if (it.input && (st === "done") !== it.input.checked) it.input.checked = st === "done";
      if ((st === "na") !== (was === "na")) {
        if (it.input) it.input.disabled = st === "na";
        li.classList.toggle("sremgr-is-na", st === "na");
        var na = toolButton(it, "na");
        if (na) na.setAttribute("aria-pressed", st === "na" ? "true" : "false");
      }
      if (stale && !it.mark) {
        it.mark = h("span", { "class": "sremgr-changed" }, ["changed since you ticked it ", button("Confirm", "confirm")]);
        li.insertBefore(it.mark, toolsOf(it));
      } else if (!stale && it.mark) { li.removeChild(it.mark); it.mark = null; }
      if (note && !it.box) noteBox(it);
      if (it.box && document.activeElement !== it.box) it.box.value = note;
    }
    function noteBox(it) {
      var box = it.box = h("textarea", { "class": "sremgr-note", maxlength: String(MAX_NOTE), rows: "2",
        "aria-label": "Private note: " + (it.li.querySelector("label") || {}).textContent, placeholder: "Evidence, next step… (kept in this browser only)" });
      var tools = toolsOf(it), toggle = toolButton(it, "note");
      it.li.insertBefore(box, tools ? tools.nextSibling : null);
      if (toggle) toggle.setAttribute("aria-expanded", "true");
      return box;
    }
    function closeNote(it) {
      it.li.removeChild(it.box);
      it.box = null;
      var toggle = toolButton(it, "note");
      if (toggle) toggle.setAttribute("aria-expanded", "false");
    }
    /** One pass over the items: each record is looked up once for the item, its section and the total. */
    function paint() {
      var recs = get(get(S.data.checklists, cid), "items"), any = isObj(recs), t = tally(), sec = null, st = null;
      for (var i = 0; i < items.length; i++) {
        // The hot loop of a long page's start-up: the common cases inline, the rest in lookup().
        var it = items[i], r = any ? (has.call(recs, it.id) ? recs[it.id] : it.aliases.length ? lookup(recs, it) : null) : null;
        var state = r ? stateFrom(r) : "open";
        if (it.section !== sec) {
          if (sec && sec.el) drawBar(sec.el, sec.label, finish(st));
          sec = it.section; st = tally();
        }
        count(t, it, state);
        if (st) count(st, it, state);
        if (r || it.shown !== "open") paintItem(it, r, state);
      }
      if (sec && sec.el) drawBar(sec.el, sec.label, finish(st));
      finish(t);
      if (overall) drawBar(overall, title + ": progress", t);
      if (since) {
        var prev = lastClosedBefore(periodOf(new Date(), fys));
        since.textContent = prev ? sinceText(t, prev, cid) : "";
      }
      area.render();
      return t;
    }
    function changed(saved) {
      var t = paint();
      area.say(title + ": " + t.done + " of " + t.total + " done, " + t.pct + "%" + (saved ? "" : " (not saved)"));
    }
    function itemOf(el) { var li = el.closest("li[data-sremgr-item]"); return li && byId[li.getAttribute("data-sremgr-item")]; }

    root.addEventListener("change", function (e) {
      var it = e.target.classList.contains("sremgr-check") && itemOf(e.target);
      if (!it) return;
      var saved = update(cid, it, { state: e.target.checked ? "done" : "open", fp: it.fp });
      if (e.target.checked) askPersistence();
      changed(saved);
    });
    root.addEventListener("input", function (e) {
      var it = e.target.classList.contains("sremgr-note") && itemOf(e.target);
      if (it) update(cid, it, { note: e.target.value.slice(0, MAX_NOTE) });
    });
    root.addEventListener("click", function (e) {
      var btn = e.target.closest("[data-sremgr-action]");
      if (!btn || !root.contains(btn)) return;
      var action = btn.getAttribute("data-sremgr-action"), it = itemOf(btn);
      if (action === "na" && it) changed(update(cid, it, { state: stateOf(cid, it) === "na" ? "open" : "na", fp: it.fp }));
      else if (action === "confirm" && it) { changed(update(cid, it, { fp: it.fp })); it.input && it.input.focus(); }
      else if (action === "note" && it) {
        if (!it.box) noteBox(it).focus();
        else if (!it.box.value) closeNote(it);
        else it.box.focus();
      } else if (action === "reviewed") {
        child(S.data.checklists, cid).reviewed = now();
        area.say(save() ? "Marked as reviewed today." : "Could not save.");
      } else if (action === "reset") {
        if (!window.confirm("Reset every tick, “not for me” and note in “" + title + "”? A backup is kept first.")) return;
        if (!backupCurrent()) { notice("full", "Could not keep a backup, so nothing was reset."); return; }
        delete S.data.checklists[cid];
        changed(save());
      }
    });
    root.classList.add("sremgr-js");
    return { paint: paint, notices: area.render };
  }

  // ---------------------------------------------------------------- the dashboard
  function manifest() {
    if (!S.manifestPromise) {
      S.manifestPromise = fetch(new URL("manifest.json", assetBase).href, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (m) { if (!isObj(m) || !Array.isArray(m.checklists)) throw new Error("shape"); return prepare(m); });
      S.manifestPromise.catch(function () { S.manifestPromise = null; });
    }
    return S.manifestPromise;
  }
  function prepare(m) {
    m.checklists.forEach(function (c) {
      c.items = [];
      (c.sections || []).forEach(function (sec) {
        (sec.items || []).forEach(function (it) {
          it.weight = typeof it.weight === "number" && it.weight > 0 ? it.weight : 1;
          it.aliases = Array.isArray(it.aliases) ? it.aliases : [];
          it.section = sec.title;
          c.items.push(it);
        });
      });
    });
    return m;
  }
  var rootUrl = new URL("../../", assetBase).href;

  // ---------------------------------------------------------------- the dashboard, on demand
  // What sremgr-dashboard.js builds on; not a public API (the two files ship together).
  var internal = api.internal = {
    S: S, VERSION: VERSION, MAX_NOTE: MAX_NOTE, PERIOD: PERIOD,
    has: has, isObj: isObj, get: get, child: child, now: now, pct: pct, isDate: isDate,
    h: h, button: button, parseStored: parseStored, save: save, backup: backup, backupCurrent: backupCurrent,
    backups: backups, record: record, stateOf: stateOf, score: score, fiscalStart: fiscalStart, periodOf: periodOf,
    closedPeriods: closedPeriods, lastClosedBefore: lastClosedBefore, snapshotOf: snapshotOf, sinceText: sinceText,
    notice: notice, clearNotice: clearNotice, noticeArea: noticeArea, drawBar: drawBar, manifest: manifest,
    bindDashboard: null
  };
  var dashboardCode = null;
  /** Loads sremgr-dashboard.js once per page life; resolves with its bindDashboard. */
  function loadDashboard() {
    if (!dashboardCode) {
      dashboardCode = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL("sremgr-dashboard.js", assetBase).href;
        tag.onload = function () { if (internal.bindDashboard) resolve(internal.bindDashboard); else reject(new Error("empty")); };
        tag.onerror = function () { reject(new Error("not loaded")); };
        document.head.appendChild(tag);
      });
      dashboardCode.catch(function () { dashboardCode = null; }); // a later page may try again
    }
    return dashboardCode;
  }
  /** Binds a dashboard once its code is here; the manifest is fetched at the same time. */
  function dashboardView(root) {
    manifest().catch(function () { /* reported by the dashboard itself */ });
    return loadDashboard().then(function (bind) {
      if (!document.documentElement.contains(root)) return null; // the reader has moved on
      var view = bind(root);
      S.views.push(view);
      view.paint();
      return view.ready;
    }, function () {
      var area = noticeArea(root);
      S.views.push({ paint: area.render, notices: area.render });
      notice("dashboard", "The dashboard could not load its script (assets/sremgr/sremgr-dashboard.js). Your progress is safe; reload the page to try again.");
    });
  }

  // ---------------------------------------------------------------- start-up
  function init() {
    var t0 = performance.now();
    var roots = document.querySelectorAll(".sremgr[data-sremgr-storage-key]:not([data-sremgr-bound])");
    S.views = [];
    if (!roots.length) return;
    S.notices = {};
    load(roots[0].getAttribute("data-sremgr-storage-key"));
    var waits = [];
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i], view = null;
      root.setAttribute("data-sremgr-bound", "");
      if (root.hasAttribute("data-sremgr-checklist")) view = bindChecklist(root);
      else if (root.hasAttribute("data-sremgr-dashboard")) { waits.push(dashboardView(root)); continue; }
      if (!view) continue;
      S.views.push(view);
      view.paint();
      if (view.ready) waits.push(view.ready);
    }
    var ms = performance.now() - t0;
    api.timings.push({ page: location.pathname, ms: ms, storageMs: S.storageMs });
    Promise.all(waits).then(function () {
      for (var j = 0; j < roots.length; j++) roots[j].setAttribute("data-sremgr-ready", "");
      api.timings[api.timings.length - 1].readyMs = performance.now() - t0;
    });
  }

  // Another tab changed our entry: show its data here too.
  window.addEventListener("storage", function (e) {
    if (!S.key || (e.key !== S.key && e.key !== null)) return;
    load(S.key);
    S.views.forEach(function (v) { v.paint(); });
  });

  api.periodOf = periodOf;
  api.root = rootUrl;
  // Material's instant navigation swaps pages without a new DOMContentLoaded: follow document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(function () { init(); });
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
