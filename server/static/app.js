// factlint's page: send the article to /v1/check and show the findings in place.
// Everything that comes from the server or the user is inserted with textContent, never innerHTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("check-form");
  const article = $("article");
  const fileInput = $("file");
  const formatSelect = $("format");
  const extractBox = $("extract");
  const publishedInput = $("published");
  const sheetField = $("sheet-field");
  const sheetSelect = $("sheet");
  const tokenDetails = $("token-details");
  const tokenInput = $("token");
  const button = $("check-button");
  const statusLine = $("status");
  const legend = $("legend");
  const rendered = $("rendered");
  const findingsHeading = $("findings-heading");
  const findingsList = $("findings");
  const card = $("card");

  const SUFFIX_FORMATS = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };
  const MAX_FILE_BYTES = 1024 * 1024;
  let findings = [];
  let marks = [];  // one <mark> per stretch of text; mark.findingIndexes lists the findings covering it
  let hideTimer = null;

  // ------------------------------------------------------------------------------ small helpers
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
  }

  function sourceLabel(src) {
    const outlet = src.outlet || `source ${src.id}`;
    return src.published ? `${outlet} (${src.published})` : outlet;
  }

  function severityLabel(severity) {
    return severity === "error" ? "Error" : "Warning";
  }

  // ------------------------------------------------------------------------------ request
  function looksLikeHtml(text) {
    return /^\s*(<!doctype html|<html[\s>]|<(body|article|main|div|p|section|h[1-6])[\s>])/i.test(text);
  }

  function buildRequest() {
    const text = article.value;
    let format = formatSelect.value;
    if (format === "auto") format = looksLikeHtml(text) ? "html" : "text";
    const body = format === "html" ? { html: text, extract: extractBox.checked } : { text, format };
    if (publishedInput.value) body.published = publishedInput.value;
    if (!sheetField.hidden && sheetSelect.value) body.sheet = sheetSelect.value;
    return body;
  }

  function headers() {
    const result = { "Content-Type": "application/json", Accept: "application/json" };
    if (tokenInput.value.trim()) result.Authorization = `Bearer ${tokenInput.value.trim()}`;
    return result;
  }

  async function check(event) {
    event.preventDefault();
    if (!article.value.trim()) {
      setStatus("Paste an article or choose a file first.", true);
      article.focus();
      return;
    }
    button.disabled = true;
    setStatus("Checking…");
    try {
      const response = await fetch("/v1/check", { method: "POST", headers: headers(), body: JSON.stringify(buildRequest()) });
      let data = null;
      try {
        data = await response.json();
      } catch (_) {
        data = null;
      }
      if (!response.ok) {
        const message = data && data.error ? data.error.message : `the server answered ${response.status}`;
        clearResults();
        setStatus(`Could not check: ${message}`, true);
        if (response.status === 401) {
          tokenDetails.open = true;
          tokenInput.focus();
        }
        return;
      }
      showResults(data);
    } catch (err) {
      clearResults();
      setStatus("Could not reach the server. Is factlint serve still running?", true);
    } finally {
      button.disabled = false;
    }
  }

  // ------------------------------------------------------------------------------ results
  function clearResults() {
    hideCard();
    findings = [];
    marks = [];
    rendered.replaceChildren();
    findingsList.replaceChildren();
    rendered.hidden = true;
    legend.hidden = true;
    findingsHeading.hidden = true;
  }

  function showResults(data) {
    clearResults();
    findings = data.findings || [];
    renderText(data.text || "", findings);
    renderList(findings);
    rendered.hidden = false;
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    if (findings.length === 0) {
      setStatus("No mismatches with the fact sheet found.");
    } else {
      setStatus(`${plural(findings.length, "finding")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
      legend.hidden = false;
      findingsHeading.hidden = false;
    }
  }

  // The text, cut at every finding boundary (UTF-16 offsets, as JavaScript indexes strings); each
  // stretch covered by findings becomes one <mark>, so overlapping findings still render.
  function renderText(text, list) {
    const cuts = new Set([0, text.length]);
    list.forEach((f) => {
      cuts.add(Math.max(0, Math.min(text.length, f.start_utf16)));
      cuts.add(Math.max(0, Math.min(text.length, f.end_utf16)));
    });
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i += 1) {
      const start = points[i];
      const end = points[i + 1];
      const piece = text.slice(start, end);
      const covering = [];
      list.forEach((f, index) => {
        if (f.start_utf16 <= start && end <= f.end_utf16 && f.start_utf16 < f.end_utf16) covering.push(index);
      });
      if (covering.length === 0) {
        fragment.append(document.createTextNode(piece));
        continue;
      }
      const worst = covering.some((index) => list[index].severity === "error") ? "error" : "warning";
      const mark = el("mark", `finding sev-${worst}`, piece);
      mark.tabIndex = 0;
      mark.findingIndexes = covering;
      mark.setAttribute("aria-describedby", "card");
      mark.dataset.findings = covering.join(" ");
      mark.addEventListener("mouseenter", () => showCard(mark));
      mark.addEventListener("mouseleave", scheduleHide);
      mark.addEventListener("focus", () => showCard(mark));
      mark.addEventListener("blur", scheduleHide);
      marks.push(mark);
      fragment.append(mark);
    }
    rendered.append(fragment);
  }

  function renderList(list) {
    list.forEach((f, index) => {
      const item = el("li", `sev-${f.severity}`);
      const go = el("button", "finding-button");
      go.type = "button";
      go.append(
        el("span", "badge", severityLabel(f.severity)),
        el("span", "where", ` line ${f.line}, column ${f.column}: `),
        el("span", "found", `“${f.found}”`),
        el("span", "arrow", " should be "),
        el("span", "expected", f.expected),
      );
      go.title = "Show in the text";
      go.addEventListener("click", () => focusFinding(index));
      item.append(go, el("p", "message", `${f.rule}: ${f.message}`));
      const sources = (f.source_details || []).map(sourceLabel);
      if (sources.length) item.append(el("p", "sources", `Sources: ${sources.join("; ")}`));
      findingsList.append(item);
    });
  }

  function focusFinding(index) {
    const mark = marks.find((m) => m.findingIndexes.includes(index));
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.focus({ preventScroll: true });
    showCard(mark, index);
  }

  // ------------------------------------------------------------------------------ hover card
  function showCard(mark, only) {
    clearTimeout(hideTimer);
    card.replaceChildren();
    const indexes = only === undefined ? mark.findingIndexes : [only];
    indexes.forEach((index) => {
      const f = findings[index];
      const section = el("div", `card-finding sev-${f.severity}`);
      section.append(el("p", "card-title", `${severityLabel(f.severity)} · ${f.rule}`));
      const facts = el("dl");
      const row = (term, value) => {
        if (value === null || value === undefined || value === "") return;
        facts.append(el("dt", "", term), el("dd", "", value));
      };
      row("Found", f.found);
      row("Expected", f.expected);
      if (f.suggestion && f.suggestion !== f.expected) row("Suggestion", f.suggestion);
      row("Rule", `${f.rule} – ${f.message}`);
      row("Sources", (f.source_details || []).map(sourceLabel).join("; "));
      section.append(facts);
      card.append(section);
    });
    card.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    card.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    card.style.left = `${left}px`;
    card.style.top = `${box.bottom + window.scrollY + 6}px`;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, 250);
  }

  function hideCard() {
    clearTimeout(hideTimer);
    card.hidden = true;
  }

  card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  card.addEventListener("mouseleave", scheduleHide);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideCard();
  });

  // ------------------------------------------------------------------------------ files
  async function loadFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus(`${file.name} is larger than 1 MB; the server would refuse it.`, true);
      return;
    }
    const suffix = (file.name.split(".").pop() || "").toLowerCase();
    const format = SUFFIX_FORMATS[suffix];
    if (!format) {
      setStatus(`${file.name}: choose a .txt, .md or .html file.`, true);
      return;
    }
    article.value = await file.text();
    formatSelect.value = format;
    if (format === "html") extractBox.checked = true;
    setStatus(`Loaded ${file.name} (${format}). Press Check.`);
  }

  fileInput.addEventListener("change", () => loadFile(fileInput.files[0]));
  article.addEventListener("dragover", (event) => {
    event.preventDefault();
    article.classList.add("dragging");
  });
  article.addEventListener("dragleave", () => article.classList.remove("dragging"));
  article.addEventListener("drop", (event) => {
    event.preventDefault();
    article.classList.remove("dragging");
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) loadFile(file);
  });

  // ------------------------------------------------------------------------------ start
  async function loadSheets() {
    try {
      const response = await fetch("/v1/health", { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const health = await response.json();
      if (!Array.isArray(health.sheets) || health.sheets.length < 2) return;
      health.sheets.forEach((id) => {
        const option = el("option", "", id);
        option.value = id;
        option.selected = id === health.default_sheet;
        sheetSelect.append(option);
      });
      sheetField.hidden = false;
    } catch (_) {
      // The check itself reports an unreachable server.
    }
  }

  form.addEventListener("submit", check);
  loadSheets();
})();
