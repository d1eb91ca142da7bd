/* mkdocs-sremgr: the dashboard (quarters, charts, backups, import and export, the 1:1 summary).
 * Loaded by sremgr.js only on pages with a dashboard; it builds on that file's internals.
 * Storage format and DOM contract: docs/design.md. No dependencies, no eval, no innerHTML. */
(function (K) {
  "use strict";
  if (!K) return;
  var S = K.S, VERSION = K.VERSION, MAX_NOTE = K.MAX_NOTE, PERIOD = K.PERIOD,
    has = K.has, isObj = K.isObj, get = K.get, child = K.child, now = K.now, pct = K.pct,
    isDate = K.isDate, h = K.h, button = K.button, parseStored = K.parseStored, save = K.save,
    backup = K.backup, backupCurrent = K.backupCurrent, backups = K.backups, record = K.record,
    stateOf = K.stateOf, score = K.score, fiscalStart = K.fiscalStart, periodOf = K.periodOf,
    closedPeriods = K.closedPeriods, lastClosedBefore = K.lastClosedBefore, snapshotOf = K.snapshotOf,
    sinceText = K.sinceText, notice = K.notice, clearNotice = K.clearNotice, noticeArea = K.noticeArea,
    drawBar = K.drawBar, manifest = K.manifest;
  var MAX_IMPORT_BYTES = 5e6, MAX_IDS = 5000;
  var CADENCE_DAYS = { weekly: 7, monthly: 31, quarterly: 92, yearly: 366 };
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  // ---------------------------------------------------------------- small helpers
  function day(iso) { return isDate(iso) ? new Date(iso).toLocaleDateString() : "never"; }
  function daysSince(iso) { return isDate(iso) ? Math.floor((Date.now() - Date.parse(iso)) / 864e5) : Infinity; }
  function svg(tag, attrs, kids) {
    var el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (var k in attrs) if (has.call(attrs, k)) el.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) { el.appendChild(c); });
    return el;
  }

  function bindDashboard(root) {
    var fys = fiscalStart(root), area = noticeArea(root), m = null;
    var list = root.querySelector(".sremgr-dashboard-list");
    var summary = h("section", { "class": "sremgr-summary-panel", "aria-label": "Your progress" });
    var controls = h("div", { "class": "sremgr-toolbar" }, [
      button("Close the quarter", "close"), button("Copy as Markdown", "copy"), button("Download Markdown", "download"),
      button("Export progress", "export"), button("Import…", "import"), button("Reset everything", "reset-all", "sremgr-danger")]);
    var picker = h("input", { type: "file", accept: ".json,application/json", "class": "sremgr-file", "aria-label": "Progress file to import", tabindex: "-1" });
    var panel = h("div", { "class": "sremgr-panel", role: "group", hidden: "" });
    var charts = h("section", { "class": "sremgr-charts" });
    var extra = h("section", { "class": "sremgr-extra" });
    root.insertBefore(summary, list);
    root.insertBefore(controls, list);
    root.insertBefore(panel, list);
    root.insertBefore(picker, list);
    list.parentNode.insertBefore(charts, list.nextSibling);
    charts.parentNode.insertBefore(extra, charts.nextSibling);
    var rows = {};

    function period() { return periodOf(new Date(), fys); }
    function scores() {
      var out = {};
      m.checklists.forEach(function (c) { out[c.id] = score(c.id, c.items); });
      return out;
    }
    function mean(values) {
      var v = values.filter(function (x) { return typeof x === "number"; });
      return v.length ? Math.round(v.reduce(function (a, b) { return a + b; }, 0) / v.length) : 0;
    }
    function snapshotMean(p) {
      return mean(m.checklists.map(function (c) { var s = snapshotOf(p, c.id); return s && s.total > 0 ? s.score : null; }));
    }

    function paint() {
      area.render();
      if (!m) return;
      var now_ = scores(), p = period(), prev = lastClosedBefore(p);
      var applicable = m.checklists.filter(function (c) { return now_[c.id].total > 0; });
      var overall = mean(applicable.map(function (c) { return now_[c.id].pct; }));
      var done = 0, total = 0;
      m.checklists.forEach(function (c) { done += now_[c.id].done; total += now_[c.id].total; });
      clear(summary);
      var bar = h("div", { "class": "sremgr-progress", "data-sremgr-progress": "overall" });
      summary.appendChild(h("h2", { id: "sremgr-overall", text: "Overall: " + overall + "%" }));
      summary.appendChild(bar);
      drawBar(bar, "Overall progress", { done: done, total: total, pct: overall });
      var exported = S.data.meta.exported, ago = daysSince(exported);
      summary.appendChild(h("p", { "class": "sremgr-quiet", "data-sremgr-export-age": isFinite(ago) ? String(ago) : "never",
        text: "This quarter: " + p + (prev ? " · last closed: " + prev : "") + " · " +
          (isFinite(ago) ? "last exported " + (ago === 0 ? "today" : ago === 1 ? "yesterday" : ago + " days ago") : "not exported yet — export now and then, browsers may clear site data") }));
      m.checklists.forEach(function (c) {
        var li = list.querySelector('li[data-sremgr-checklist="' + c.id + '"]');
        if (!li) return;
        var row = rows[c.id];
        if (!row) {
          row = rows[c.id] = { bar: h("div", { "class": "sremgr-progress" }), meta: h("span", { "class": "sremgr-row-meta" }) };
          li.appendChild(row.bar); li.appendChild(row.meta);
        }
        var s = now_[c.id], due = daysSince(s.last) > (CADENCE_DAYS[c.cadence] || 92);
        drawBar(row.bar, c.title + ": progress", s);
        clear(row.meta);
        row.meta.appendChild(document.createTextNode("Last change: " + day(s.last) + (prev && sinceText(s, prev, c.id) ? " · " + sinceText(s, prev, c.id) : "")));
        if (due) row.meta.appendChild(h("span", { "class": "sremgr-due", text: "due", title: "Not reviewed in the last " + (CADENCE_DAYS[c.cadence] || 92) + " days (" + c.cadence + ")" }));
        li.classList.toggle("sremgr-is-due", due);
        li.setAttribute("data-sremgr-score", s.pct);
      });
      paintCharts(now_, overall, p, prev);
      paintExtra(now_);
    }

    function paintCharts(now_, overall, p, prev) {
      clear(charts);
      var periods = closedPeriods().filter(function (x) { return x !== p; });
      var series = [{ name: "Overall", cls: "sremgr-line-overall", points: periods.map(function (x) { return [x, snapshotMean(x)]; }).concat([[p, overall]]) }];
      m.checklists.forEach(function (c) {
        series.push({ name: c.title, id: c.id, cls: "sremgr-line", points: periods.map(function (x) { var s = snapshotOf(x, c.id); return [x, s && typeof s.score === "number" ? s.score : null]; }).concat([[p, now_[c.id].pct]]) });
      });
      var labels = periods.concat([p]);
      charts.appendChild(h("h2", { id: "sremgr-history", text: "History by quarter" }));
      charts.appendChild(h("p", { "class": "sremgr-quiet", text: "Thick line: overall; thin lines: each checklist (hover a point for its value)." }));
      charts.appendChild(lineChart(labels, series));
      charts.appendChild(dataTable("Scores by quarter (percent; the last column is now)", ["Checklist"].concat(labels.map(function (l) { return l === p ? l + " (now)" : l; })),
        series.map(function (s) { return [s.name].concat(s.points.map(function (pt) { return pt[1] == null ? "–" : pt[1] + "%"; })); })));
      if (m.checklists.length >= 3) {
        charts.appendChild(h("h2", { id: "sremgr-radar", text: prev ? "This quarter and " + prev : "This quarter" }));
        var axes = m.checklists.map(function (c) {
          var s = prev && snapshotOf(prev, c.id);
          return { label: c.title, now: now_[c.id].pct, before: s && typeof s.score === "number" ? s.score : null };
        });
        charts.appendChild(h("p", { "class": "sremgr-quiet", text: prev ? "Filled: " + p + " so far; dashed: " + prev + "." : "Each lesson's score so far this quarter." }));
        charts.appendChild(radarChart(axes, p, prev));
        charts.appendChild(dataTable("Lessons: this quarter and the last closed one", ["Lesson", p].concat(prev ? [prev] : []),
          axes.map(function (a) { return [a.label, a.now + "%"].concat(prev ? [a.before == null ? "–" : a.before + "%"] : []); })));
      }
    }

    function paintExtra(now_) {
      clear(extra);
      var tags = {};
      m.checklists.forEach(function (c) {
        (c.tags || []).forEach(function (t) { (tags[t] = tags[t] || []).push(now_[c.id]); });
      });
      var names = Object.keys(tags).sort();
      if (names.length) {
        extra.appendChild(h("h2", { id: "sremgr-tags", text: "By tag" }));
        // Tags shared by several checklists first; a tag of one checklist repeats its row, so fold those.
        var shared = h("ul", { "class": "sremgr-tag-list" }), single = h("ul", { "class": "sremgr-tag-list" });
        names.forEach(function (t) {
          var d = 0, tot = 0, applicable = tags[t].filter(function (s) { return s.total > 0; });
          tags[t].forEach(function (s) { d += s.done; tot += s.total; });
          var bar = h("div", { "class": "sremgr-progress" });
          drawBar(bar, "Tag " + t + ": progress", { done: d, total: tot, pct: mean(applicable.map(function (s) { return s.pct; })) });
          (tags[t].length > 1 ? shared : single).appendChild(h("li", { "data-sremgr-tag": t }, [h("span", { "class": "sremgr-tag", text: t }), bar]));
        });
        if (shared.firstChild) extra.appendChild(shared);
        if (single.firstChild) {
          extra.appendChild(shared.firstChild ? h("details", { "class": "sremgr-more-tags" }, [
            h("summary", { text: single.children.length + " more tags, each on one checklist" }), single]) : single);
        }
      }
      var saved = backups();
      if (saved.length) {
        var box = h("details", { "class": "sremgr-backups" }, [h("summary", { text: "Backups (" + saved.length + ")" })]);
        var bl = h("ul");
        saved.forEach(function (k) {
          var when = k.slice((S.key + ":backup:").length);
          var li = h("li", { "data-sremgr-backup": k }, [day(when) + " " + (isDate(when) ? new Date(when).toLocaleTimeString() : when) + " ",
            button("Restore", "restore"), button("Delete", "delete-backup", "sremgr-danger")]);
          bl.appendChild(li);
        });
        box.appendChild(bl);
        extra.appendChild(box);
      }
    }

    // ---- actions
    function show(text, buttons) {
      clear(panel);
      panel.appendChild(h("p", { text: text }));
      buttons.forEach(function (b) { panel.appendChild(h("button", { type: "button", "class": "sremgr-btn" + (b[2] ? " " + b[2] : ""), text: b[0], on: function () { hide(); b[1](); } })); });
      panel.hidden = false;
      (panel.querySelector("button") || panel).focus();
    }
    function hide() { panel.hidden = true; clear(panel); }
    function say(text, ok) { area.say(text); if (ok === false) notice("action", text); else clearNotice("action"); }

    function closeQuarter() {
      var p = period(), old = get(S.data.snapshots, p);
      if (old && !window.confirm(p + " was already closed on " + day(old.closed) + ". Replace that snapshot with today's progress?")) return;
      var snap = { closed: now(), checklists: {} };
      m.checklists.forEach(function (c) {
        var s = score(c.id, c.items);
        snap.checklists[c.id] = { done: c.items.filter(function (it) { return stateOf(c.id, it) === "done"; }).map(function (it) { return it.id; }), total: s.total, score: s.pct };
      });
      S.data.snapshots[p] = snap;
      var ok = save();
      paint();
      show((ok ? "Closed " + p + "." : "Closed " + p + " on this page, but it could not be saved.") + " Keep your ticks for next quarter, or start it fresh? (Notes and “not for me” stay.)", [
        ["Keep my ticks", function () { say("Ticks kept."); }],
        ["Start fresh", startFresh, "sremgr-danger"]]);
    }
    function startFresh() {
      if (!backupCurrent()) return say("Could not keep a backup, so nothing was cleared.", false);
      var t = now();
      for (var cid in S.data.checklists) {
        var items = has.call(S.data.checklists, cid) && get(S.data.checklists[cid], "items");
        for (var iid in items) if (has.call(items, iid) && items[iid].state === "done") { items[iid].state = "open"; items[iid].changed = t; }
      }
      say(save() ? "A fresh quarter: every tick cleared, a backup kept." : "Cleared on this page, but it could not be saved.", true);
      paint();
    }
    function resetAll() {
      if (!window.confirm("Reset all progress, notes and closed quarters in this handbook? A backup is kept first.")) return;
      if (!backupCurrent()) return say("Could not keep a backup, so nothing was reset.", false);
      S.data.checklists = {}; S.data.snapshots = {};
      say(save() ? "Everything reset; a backup was kept." : "Reset on this page, but it could not be saved.");
      paint();
    }
    function exportFile() {
      S.data.meta.exported = now();
      var file = { format: "mkdocs-sremgr-export", storage_key: S.key, exported: S.data.meta.exported, data: S.data };
      download(JSON.stringify(file, null, 1), "application/json", S.key.replace(/[^a-z0-9-]+/gi, "-") + "-" + S.data.meta.exported.slice(0, 10) + ".json");
      save();
      paint();
      say("Exported. The file is in your downloads.");
    }
    function importFile(file) {
      var problem = file.size > MAX_IMPORT_BYTES ? "it is larger than 5 MB" : null;
      if (problem) return refuse(problem);
      file.text().then(function (text) {
        var result = validateImport(text, m);
        if (result.error) return refuse(result.error);
        var incoming = result.data, n = Object.keys(incoming.checklists).length;
        show("This file holds progress for " + n + " checklist" + (n === 1 ? "" : "s") + ", exported " + day(result.exported) + ". Merge it with yours (the newest change to each item wins), or replace yours with it (a backup of yours is kept)?", [
          ["Merge", function () { merge(incoming); say(save() ? "Imported and merged." : "Merged on this page, but it could not be saved.", true); paint(); }],
          ["Replace mine", function () {
            if (!backupCurrent()) return say("Could not keep a backup of your progress, so nothing was replaced.", false);
            incoming.meta = S.data.meta; S.data = incoming; say(save() ? "Imported; your previous progress is under Backups." : "Replaced on this page, but it could not be saved.", true); paint();
          }, "sremgr-danger"],
          ["Cancel", function () { say("Import cancelled; nothing changed."); }]]);
      }, function () { refuse("the file could not be read"); });
    }
    function refuse(why) { say("Import refused: " + why + ". Nothing was changed.", false); }
    function restore(name) {
      var raw = null;
      try { raw = window.localStorage.getItem(name); } catch (e) { /* handled below */ }
      var parsed = raw === null ? {} : parseStored(raw);
      if (!parsed.data) return say("That backup cannot be read by this version, so it was left as it is.", false);
      if (!window.confirm("Restore the backup from " + day(name.slice((S.key + ":backup:").length)) + "? Your current progress is kept as a backup first.")) return;
      if (!backupCurrent()) return say("Could not keep a backup of your progress, so nothing was restored.", false);
      S.data = parsed.data;
      say(save() ? "Backup restored." : "Restored on this page, but it could not be saved.", true);
      paint();
    }
    function removeBackup(name) {
      if (!window.confirm("Delete this backup for good?")) return;
      try { window.localStorage.removeItem(name); } catch (e) { /* nothing to delete */ }
      paint();
    }
    function copyMarkdown() {
      var text = markdownSummary(m, period(), fys);
      var done = function () { say("Copied: paste it into your 1:1 notes."); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { showText(text); });
      else showText(text);
    }
    function showText(text) {
      show("Copy this summary:", [["Close", function () {}]]);
      var box = h("textarea", { "class": "sremgr-note", rows: "10", readonly: "" });
      box.value = text;
      panel.insertBefore(box, panel.lastChild);
      box.select();
    }

    root.addEventListener("click", function (e) {
      var btn = e.target.closest("[data-sremgr-action]");
      if (!btn || !m) return;
      var a = btn.getAttribute("data-sremgr-action"), backupRow = btn.closest("[data-sremgr-backup]");
      if (S.mode === "newer" && a !== "copy" && a !== "download") return say("Not available: your stored progress belongs to a newer version of this handbook.", false);
      if (a === "close") closeQuarter();
      else if (a === "copy") copyMarkdown();
      else if (a === "download") download(markdownSummary(m, period(), fys), "text/markdown", "self-check-" + period() + ".md");
      else if (a === "export") exportFile();
      else if (a === "import") picker.click();
      else if (a === "reset-all") resetAll();
      else if (a === "restore" && backupRow) restore(backupRow.getAttribute("data-sremgr-backup"));
      else if (a === "delete-backup" && backupRow) removeBackup(backupRow.getAttribute("data-sremgr-backup"));
    });
    picker.addEventListener("change", function () { if (picker.files[0]) importFile(picker.files[0]); picker.value = ""; });
    root.classList.add("sremgr-js");
    var view = { paint: paint, notices: area.render, ready: null };
    view.ready = manifest().then(function (loaded) { m = loaded; S.manifest = m; paint(); }, function () {
      notice("manifest", "The progress summary needs the site's manifest (assets/sremgr/manifest.json), which could not be loaded. Serve the site over http(s) rather than opening files directly.");
    });
    return view;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = h("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---------------------------------------------------------------- import validation
  /** Strict: shape, types, sizes and ids; returns {data, exported} or {error}. Never throws. */
  function validateImport(text, m) {
    var f;
    try { f = JSON.parse(text); } catch (e) { return { error: "it is not a JSON file" }; }
    if (!isObj(f) || f.format !== "mkdocs-sremgr-export") return { error: "it is not an mkdocs-sremgr export" };
    if (f.storage_key !== S.key) return { error: "it belongs to another handbook (" + String(f.storage_key).slice(0, 60) + ")" };
    if (!isDate(f.exported)) return { error: "its export date is missing or invalid" };
    var d = f.data;
    if (!isObj(d) || typeof d.version !== "number") return { error: "its data has no version" };
    if (d.version > VERSION) return { error: "it was written by a newer version of the handbook" };
    var known = {}, count = 0, error = null;
    m.checklists.forEach(function (c) { known[c.id] = true; });
    function bad(msg) { error = error || msg; return false; }
    function primitive(v, where) {
      return typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v.length <= MAX_NOTE) || bad("unexpected value at " + where);
    }
    function keys(o, where, check) {
      if (!isObj(o)) return bad(where + " is not an object");
      var ks = Object.keys(o);
      if (ks.length > MAX_IDS) return bad(where + " has too many entries");
      return ks.every(function (k) { return (k !== "__proto__" && k !== "constructor" && k !== "prototype" || bad("forbidden key " + k)) && check(k, o[k]); });
    }
    var out = { version: VERSION, checklists: {}, snapshots: {}, meta: {} };
    var ok = keys(d, "data", function (k) { return ["version", "checklists", "snapshots", "meta"].indexOf(k) >= 0 || bad("unknown field " + k.slice(0, 40)); }) &&
      keys(d.checklists, "checklists", function (cid, c) {
        if (!ID.test(cid) || cid.length > 80) return bad("bad checklist id");
        if (known[cid]) count++;
        out.checklists[cid] = {};
        return keys(c, cid, function (k, v) {
          if (k === "reviewed") return (isDate(v) || bad("bad review date in " + cid)) && (out.checklists[cid].reviewed = v);
          if (k !== "items") return bad("unknown field in " + cid);
          out.checklists[cid].items = {};
          return keys(v, cid, function (iid, r) {
            if (!ID.test(iid) || iid.length > 80) return bad("bad item id in " + cid);
            out.checklists[cid].items[iid] = {};
            return keys(r, cid + "/" + iid, function (f2, val) {
              var good = f2 === "state" ? ["open", "done", "na"].indexOf(val) >= 0 : f2 === "changed" || f2 === "noted" ? isDate(val) :
                f2 === "fp" ? typeof val === "string" && /^[0-9a-f]{8}$/.test(val) : f2 === "note" ? typeof val === "string" && val.length <= MAX_NOTE :
                  /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(f2) && primitive(val, cid + "/" + iid);
              if (!good) return bad("bad " + f2.slice(0, 40) + " for item " + iid);
              out.checklists[cid].items[iid][f2] = val;
              return true;
            });
          });
        });
      }) &&
      keys(d.snapshots || {}, "snapshots", function (p, snap) {
        if (!PERIOD.test(p)) return bad("bad quarter name");
        if (!isObj(snap) || !isDate(snap.closed)) return bad("bad snapshot " + p);
        var copy = out.snapshots[p] = { closed: snap.closed, checklists: {} };
        return keys(snap, p, function (k) { return k === "closed" || k === "checklists" || bad("unknown field in " + p); }) &&
          keys(snap.checklists, p, function (cid, s) {
            if (!ID.test(cid) || !isObj(s) || !Array.isArray(s.done) || s.done.length > MAX_IDS || !s.done.every(function (x) { return typeof x === "string" && ID.test(x); }) ||
              typeof s.total !== "number" || s.total < 0 || s.total % 1 || typeof s.score !== "number" || s.score < 0 || s.score > 100 ||
              Object.keys(s).some(function (k) { return ["done", "total", "score"].indexOf(k) < 0; })) return bad("bad snapshot of " + cid + " in " + p);
            copy.checklists[cid] = { done: s.done.slice(), total: s.total, score: s.score };
            return true;
          });
      }) &&
      keys(d.meta || {}, "meta", function (k, v) { return /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(k) && primitive(v, "meta") || bad("bad meta field"); });
    if (!ok) return { error: error || "its content is not valid" };
    if (!count && Object.keys(out.checklists).length) return { error: "none of its checklists exists in this handbook" };
    return { data: out, exported: f.exported };
  }

  /** Newest change per item wins; a quarter closed in both keeps the later snapshot. */
  function merge(incoming) {
    for (var cid in incoming.checklists) {
      var theirs = incoming.checklists[cid], mine = child(S.data.checklists, cid);
      if (isDate(theirs.reviewed) && !(mine.reviewed >= theirs.reviewed)) mine.reviewed = theirs.reviewed;
      var items = child(mine, "items");
      for (var iid in theirs.items) {
        var t = theirs.items[iid], o = get(items, iid), keep = isObj(o) ? o : null;
        if (!keep || !isDate(keep.changed) || (isDate(t.changed) && t.changed > keep.changed)) items[iid] = t;
        var winner = items[iid], other = winner === t ? keep : t;
        // The note is merged apart from the state: the newer note wins, whichever side it is on.
        if (other && isDate(other.noted) && !(winner.noted >= other.noted)) { winner.note = other.note; winner.noted = other.noted; }
      }
    }
    for (var p in incoming.snapshots) {
      var cur = get(S.data.snapshots, p);
      if (!cur || !(cur.closed >= incoming.snapshots[p].closed)) S.data.snapshots[p] = incoming.snapshots[p];
    }
  }

  // ---------------------------------------------------------------- Markdown for the 1:1
  function markdownSummary(m, p, fys) {
    var prev = lastClosedBefore(p), lines = ["# Quarterly self-check: " + p, ""];
    var sc = m.checklists.map(function (c) { return score(c.id, c.items); });
    var applicable = sc.filter(function (s) { return s.total > 0; });
    var overall = applicable.length ? Math.round(applicable.reduce(function (a, s) { return a + s.pct; }, 0) / applicable.length) : 0;
    lines.push("Overall: **" + overall + "%**" + (prev ? " (last closed quarter: " + prev + ")" : ""), "");
    m.checklists.forEach(function (c, i) {
      var s = sc[i], since = prev ? sinceText(s, prev, c.id) : "";
      lines.push("## " + c.title, "", s.done + " of " + s.total + " done, " + s.pct + "%" + (since ? " (" + since + ")" : ""), "");
      c.items.forEach(function (it) {
        var st = stateOf(c.id, it), r = record(c.id, it);
        lines.push("- [" + (st === "done" ? "x" : " ") + "] " + it.text + (st === "na" ? " *(not for me)*" : ""));
        if (r && typeof r.note === "string" && r.note.trim()) lines.push("    - Note: " + r.note.trim().replace(/\s*\n\s*/g, " "));
      });
      lines.push("");
    });
    return lines.join("\n");
  }

  // ---------------------------------------------------------------- charts (plain SVG)
  function lineChart(labels, series) {
    var W = 640, H = 260, L = 40, R = 16, T = 12, B = 36, n = labels.length;
    var x = function (i) { return L + (n > 1 ? (i * (W - L - R)) / (n - 1) : (W - L - R) / 2); };
    var y = function (v) { return T + ((100 - v) * (H - T - B)) / 100; };
    var g = svg("svg", { viewBox: "0 0 " + W + " " + H, "class": "sremgr-chart", role: "img", "aria-label": "Scores by quarter: overall and per checklist; the table below has the numbers" });
    [0, 25, 50, 75, 100].forEach(function (v) {
      g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), "class": "sremgr-grid" }));
      var t = svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "class": "sremgr-axis" }); t.textContent = v + "%"; g.appendChild(t);
    });
    labels.forEach(function (l, i) {
      var anchor = n > 1 && i === n - 1 ? "end" : n > 1 && i === 0 ? "start" : "middle";
      var t = svg("text", { x: x(i), y: H - 12, "text-anchor": anchor, "class": "sremgr-axis" }); t.textContent = l; g.appendChild(t);
    });
    series.slice().reverse().forEach(function (s) {
      var pts = [], grp = svg("g", { "class": s.cls, "data-series": s.id || "overall" });
      s.points.forEach(function (pt, i) {
        if (pt[1] == null) return;
        pts.push(x(i) + "," + y(pt[1]));
        var c = svg("circle", { cx: x(i), cy: y(pt[1]), r: s.id ? 2.5 : 4, "data-period": pt[0], "data-score": pt[1] });
        var tip = svg("title"); tip.textContent = s.name + ", " + pt[0] + ": " + pt[1] + "%"; c.appendChild(tip);
        grp.appendChild(c);
      });
      grp.insertBefore(svg("polyline", { points: pts.join(" "), fill: "none" }), grp.firstChild);
      g.appendChild(grp);
    });
    return g;
  }

  function radarChart(axes, p, prev) {
    var S2 = 360, C = S2 / 2, Rr = 120, n = axes.length;
    var at = function (i, v) { var a = -Math.PI / 2 + (2 * Math.PI * i) / n; return [C + Math.cos(a) * Rr * v / 100, C + Math.sin(a) * Rr * v / 100]; };
    var g = svg("svg", { viewBox: "-100 -10 " + (S2 + 200) + " " + (S2 + 20), "class": "sremgr-chart sremgr-radar", role: "img", "aria-label": "Each lesson's score this quarter" + (prev ? " against " + prev : "") + "; the table below has the numbers" });
    [25, 50, 75, 100].forEach(function (v) {
      g.appendChild(svg("polygon", { points: axes.map(function (_, i) { return at(i, v).join(","); }).join(" "), "class": "sremgr-grid", fill: "none" }));
    });
    axes.forEach(function (a, i) {
      var end = at(i, 100), lab = at(i, 118);
      g.appendChild(svg("line", { x1: C, y1: C, x2: end[0], y2: end[1], "class": "sremgr-grid" }));
      var t = svg("text", { x: lab[0], y: lab[1] + 4, "text-anchor": lab[0] < C - 5 ? "end" : lab[0] > C + 5 ? "start" : "middle", "class": "sremgr-axis" });
      t.textContent = a.label.length > 18 ? a.label.slice(0, 17) + "…" : a.label;
      var tip = svg("title"); tip.textContent = a.label; t.appendChild(tip);
      g.appendChild(t);
    });
    [["before", prev, "sremgr-area-before"], ["now", p, "sremgr-area-now"]].forEach(function (spec) {
      if (!spec[1]) return;
      var grp = svg("g", { "class": spec[2], "data-series": spec[1] });
      var poly = svg("polygon", { points: axes.map(function (a, i) { return at(i, a[spec[0]] || 0).join(","); }).join(" ") });
      grp.appendChild(poly);
      axes.forEach(function (a, i) {
        var pt = at(i, a[spec[0]] || 0);
        grp.appendChild(svg("circle", { cx: pt[0], cy: pt[1], r: 3, "data-axis": a.label, "data-score": a[spec[0]] == null ? "" : a[spec[0]] }));
      });
      g.appendChild(grp);
    });
    return g;
  }

  function dataTable(caption, head, rows) {
    var t = h("table", { "class": "sremgr-table" }, [h("caption", { text: caption })]);
    var tr = h("tr");
    head.forEach(function (c) { tr.appendChild(h("th", { scope: "col", text: c })); });
    t.appendChild(h("thead", {}, [tr]));
    var body = h("tbody");
    rows.forEach(function (r) {
      var row = h("tr");
      r.forEach(function (c, i) { row.appendChild(h(i ? "td" : "th", i ? { text: c } : { scope: "row", text: c })); });
      body.appendChild(row);
    });
    t.appendChild(body);
    return h("details", { "class": "sremgr-table-wrap" }, [h("summary", { text: "Show as a table" }), t]);
  }

  K.bindDashboard = bindDashboard;
})(window.sremgr && window.sremgr.internal);
