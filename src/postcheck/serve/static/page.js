"use strict";
// The page's only script (the Content-Security-Policy allows no other, and no inline one).
// Every piece of the draft is put into the page with textContent, never as HTML.
(function () {
  const T = {
    vi: {
      tagline: "Kiểm tra bản nháp theo Quy tắc ứng xử trên mạng xã hội của Bộ Ngoại giao (Quyết định 722/QĐ-BNG) trước khi đăng.",
      label: "Bản nháp (dán hoặc gõ vào đây; kiểm tra ngay khi gõ)",
      placeholder: "Dán bài viết vào đây…",
      drop: "…hoặc thả tệp vào đây (.txt, .md, .html, .docx)",
      pick: "Chọn tệp",
      privacy: "Bản nháp không rời khỏi máy này: trang chạy trên máy của bạn (127.0.0.1), không lưu gì và không gửi đi đâu.",
      idle: "Chưa có gì để kiểm tra.",
      checking: "Đang kiểm tra…",
      clean: "Đã kiểm tra: không phát hiện vấn đề nào.",
      found: (n) => "Có " + n + " phát hiện cần xem lại.",
      failed: "Không kiểm tra được:",
      file: (name) => "Tệp: " + name,
      showClause: "Xem nguyên văn điều khoản",
      suggestion: "Gợi ý: ",
      fix: "Sửa thành: ",
      apply: "Áp dụng",
      applyTitle: "Thay chữ này trong bản nháp rồi kiểm tra lại",
      where: (f) => "Trong Word: " + partName(f.part, "vi") + ", đoạn " + f.paragraph + " (“" + f.paragraph_opening + "”)",
      sev: { error: "lỗi", warning: "cảnh báo", info: "lưu ý" },
      parts: { body: "thân bài", header: "đầu trang", footer: "chân trang", footnotes: "chú thích cuối trang",
               endnotes: "chú thích cuối văn bản", comments: "nhận xét" },
    },
    en: {
      tagline: "Check a draft against the Ministry of Foreign Affairs' social-network code of conduct (Decision 722/QĐ-BNG) before posting.",
      label: "Draft (paste or type here; checked as you type)",
      placeholder: "Paste your post here…",
      drop: "…or drop a file here (.txt, .md, .html, .docx)",
      pick: "Choose a file",
      privacy: "Your draft never leaves this machine: the page runs on your computer (127.0.0.1), keeps nothing and sends nothing anywhere.",
      idle: "Nothing to check yet.",
      checking: "Checking…",
      clean: "Checked: nothing found.",
      found: (n) => n + (n === 1 ? " finding" : " findings") + " to review.",
      failed: "Could not check:",
      file: (name) => "File: " + name,
      showClause: "Show the clause's text",
      suggestion: "Suggestion: ",
      fix: "Fix: ",
      apply: "Apply",
      applyTitle: "Replace these words in the draft and check again",
      where: (f) => "In Word: " + partName(f.part, "en") + ", paragraph " + f.paragraph + " (“" + f.paragraph_opening + "”)",
      sev: { error: "error", warning: "warning", info: "note" },
      parts: { body: "body", header: "header", footer: "footer", footnotes: "footnotes",
               endnotes: "endnotes", comments: "comments" },
    },
  };
  // the JSON's part id (footer1) as Word users say it (chân trang 1), as the text report does
  function partName(part, language) {
    const m = /^([a-z]+)(\d*)$/.exec(part || "");
    const name = m && T[language].parts[m[1]];
    return name ? (m[2] ? name + " " + m[2] : name) : part;
  }
  const RANK = { info: 0, warning: 1, error: 2 };
  const PAD = /\ufdd0/g; // masked secrets keep their length with this character; never shown
  const $ = (id) => document.getElementById(id);
  let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "vi";
  let clauses = {};
  let seq = 0;
  let timer = null;
  let lastFile = null;
  let current = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function applyLang() {
    const t = T[lang];
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t[e.dataset.t]; });
    $("draft").placeholder = t.placeholder;
    $("lang-vi").setAttribute("aria-pressed", String(lang === "vi"));
    $("lang-en").setAttribute("aria-pressed", String(lang === "en"));
    history.replaceState(null, "", lang === "en" ? "?lang=en" : location.pathname);
  }

  async function loadClauses() {
    const r = await fetch("/api/clauses?lang=" + lang);
    const j = await r.json();
    clauses = {};
    j.clauses.forEach((c) => { clauses[c.code] = c; });
  }

  function setStatus(state, text) {
    const s = $("status");
    s.className = "status " + state;
    s.dataset.state = state;
    s.textContent = text;
  }

  async function post(url, init) {
    const r = await fetch(url, Object.assign({ method: "POST" }, init));
    let j = null;
    try { j = await r.json(); } catch (e) { /* not JSON: said below */ }
    if (!r.ok || !j) throw new Error((j && j.error) || "HTTP " + r.status);
    return j;
  }

  async function checkText() {
    const text = $("draft").value;
    const mine = ++seq;
    lastFile = null;
    if (!text.trim()) { show(null); return; }
    setStatus("busy", T[lang].checking);
    try {
      const j = await post("/api/check", {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, lang: lang }),
      });
      if (mine === seq) show({ text: text, file: j.files[0], name: null });
    } catch (e) {
      if (mine === seq) setStatus("failed", T[lang].failed + " " + e.message);
    }
  }

  async function checkFile(file) {
    const mine = ++seq;
    lastFile = file;
    setStatus("busy", T[lang].checking);
    try {
      const data = await file.arrayBuffer();
      const j = await post("/api/check-file?name=" + encodeURIComponent(file.name) + "&lang=" + lang, {
        headers: { "Content-Type": "application/octet-stream" },
        body: data,
      });
      if (mine !== seq) return;
      const f = j.files[0];
      if (f.error) throw new Error(f.error);
      show({ text: f.text, file: f, name: file.name });
    } catch (e) {
      if (mine === seq) { show(null); setStatus("failed", T[lang].failed + " " + e.message); }
    }
  }

  // Segments of the text between finding boundaries, each with the findings covering it.
  // Offsets are Unicode code points (Python's), so the text is split into code points.
  function segments(chars, findings) {
    const cuts = new Set([0, chars.length]);
    findings.forEach((f) => { cuts.add(Math.min(f.start, chars.length)); cuts.add(Math.min(f.end, chars.length)); });
    const points = Array.from(cuts).sort((a, b) => a - b);
    const out = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      const cover = [];
      findings.forEach((f, i) => { if (f.start <= a && f.end >= b && f.end > f.start) cover.push(i); });
      const last = out[out.length - 1];
      if (last && last.cover.join() === cover.join()) last.end = b;
      else out.push({ start: a, end: b, cover: cover });
    }
    return out;
  }

  // clickable, and reachable with Tab and Enter for people who do not use a mouse
  function activate(e, action) {
    e.tabIndex = 0;
    e.addEventListener("click", action);
    e.addEventListener("keydown", (k) => { if (k.key === "Enter" || k.key === " ") { k.preventDefault(); action(); } });
  }

  function worst(findings, indices) {
    return indices.map((i) => findings[i].severity).sort((x, y) => RANK[y] - RANK[x])[0];
  }

  function renderView(text, findings) {
    const view = $("view");
    view.replaceChildren();
    const chars = Array.from(text);
    segments(chars, findings).forEach((s) => {
      const piece = chars.slice(s.start, s.end).join("").replace(PAD, "");
      if (!s.cover.length) { view.appendChild(document.createTextNode(piece)); return; }
      const m = el("mark", worst(findings, s.cover), piece);
      m.dataset.f = s.cover.join(" ");
      m.title = s.cover.map((i) => findings[i].message).join("\n");
      activate(m, () => focus(s.cover[0]));
      view.appendChild(m);
    });
    view.hidden = false;
  }

  function clauseKey(code) { return code.split(".").map((n) => Number(n)); }

  function renderGroups(findings) {
    const groups = $("groups");
    groups.replaceChildren();
    const by = {};
    findings.forEach((f, i) => { (by[f.clause] = by[f.clause] || []).push(i); });
    Object.keys(by).sort((a, b) => {
      const x = clauseKey(a), y = clauseKey(b);
      return x[0] - y[0] || x[1] - y[1];
    }).forEach((code) => {
      const c = clauses[code] || { heading: code, text: "" };
      const sec = el("section", "clause");
      sec.dataset.clause = code;
      sec.appendChild(el("h2", null, c.heading));
      const d = el("details");
      d.appendChild(el("summary", null, T[lang].showClause));
      d.appendChild(el("p", "clause-text", c.text));
      sec.appendChild(d);
      const ul = el("ul");
      by[code].forEach((i) => {
        const f = findings[i];
        const li = el("li", f.severity);
        li.dataset.f = String(i);
        li.dataset.rule = f.rule;
        li.appendChild(el("span", "sev", T[lang].sev[f.severity] || f.severity));
        // most messages quote the match already: it is shown once
        if (!f.message.includes(f.match)) {
          li.appendChild(el("span", "match", "“" + f.match.replace(PAD, "") + "”"));
          li.appendChild(document.createTextNode(" — "));
        }
        li.appendChild(document.createTextNode(f.message.replace(PAD, "")));
        if (f.suggestion) li.appendChild(el("div", "suggestion", T[lang].suggestion + f.suggestion.replace(PAD, "")));
        if (f.fixes && f.fixes.length) li.appendChild(fixLine(f));
        if (f.part) li.appendChild(el("div", "where", T[lang].where(f)));
        activate(li, () => focus(i));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      groups.appendChild(sec);
    });
  }

  // "Fix: “…”" and, for a draft typed in the box (a dropped file is not the box's text), a
  // button that makes the edit there and checks again
  function fixLine(f) {
    const fix = f.fixes[0];
    const line = el("div", "fix", T[lang].fix);
    line.appendChild(el("span", "replacement", "“" + fix.replacement + "”"));
    if (current && !current.name) {
      const b = el("button", "apply-fix", T[lang].apply);
      b.type = "button";
      b.title = T[lang].applyTitle;
      b.addEventListener("click", (e) => { e.stopPropagation(); applyFix(fix); });
      // Enter on the button is the button's, not the finding's (which would only focus it)
      b.addEventListener("keydown", (e) => e.stopPropagation());
      line.appendChild(document.createTextNode(" "));
      line.appendChild(b);
    }
    return line;
  }

  function applyFix(fix) {
    const box = $("draft");
    // offsets are into the text that was checked: if the box changed since, check it first
    if (!current || current.name || box.value !== current.text) { checkText(); return; }
    const chars = Array.from(box.value); // code points, as the offsets count them
    box.value = chars.slice(0, fix.start).join("") + fix.replacement + chars.slice(fix.end).join("");
    clearTimeout(timer);
    checkText();
  }

  function focus(i) {
    document.querySelectorAll(".focus").forEach((e) => e.classList.remove("focus"));
    const marks = Array.from(document.querySelectorAll("mark")).filter((m) => m.dataset.f.split(" ").includes(String(i)));
    marks.forEach((m) => m.classList.add("focus"));
    const li = document.querySelector('li[data-f="' + i + '"]');
    if (li) li.classList.add("focus");
    if (marks[0]) marks[0].scrollIntoView({ block: "nearest" });
    if (li) li.scrollIntoView({ block: "nearest" });
  }

  function show(result) {
    current = result;
    const source = $("source");
    if (!result) {
      setStatus("idle", T[lang].idle);
      $("view").hidden = true;
      source.hidden = true;
      $("groups").replaceChildren();
      return;
    }
    const findings = result.file.findings;
    if (findings.length) setStatus("found", T[lang].found(findings.length));
    else setStatus("clean", T[lang].clean);
    source.hidden = !result.name;
    source.textContent = result.name ? T[lang].file(result.name) : "";
    renderView(result.text, findings);
    renderGroups(findings);
  }

  function recheck() {
    if (lastFile) checkFile(lastFile); else checkText();
  }

  async function switchLang(to) {
    if (to === lang) return;
    lang = to;
    applyLang();
    await loadClauses();
    if (current || lastFile) recheck(); else show(null);
  }

  function wireDrop() {
    const zone = $("drop");
    // a file dropped anywhere on the page is checked, never opened by the browser in its place
    document.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) zone.classList.remove("over"); });
    document.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) checkFile(f);
    });
    $("file").addEventListener("change", (e) => {
      const f = e.target.files[0];
      if (f) checkFile(f);
      e.target.value = "";
    });
  }

  document.addEventListener("DOMContentLoaded", async () => {
    applyLang();
    $("lang-vi").addEventListener("click", () => switchLang("vi"));
    $("lang-en").addEventListener("click", () => switchLang("en"));
    $("draft").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(checkText, 250); });
    wireDrop();
    await loadClauses();
    document.body.dataset.ready = "1";
    if ($("draft").value.trim()) checkText();
  });
})();
