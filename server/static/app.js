// factlint's page: send the article to /v1/check and show the findings in place.
// Everything that comes from the server or the user is inserted with textContent, never innerHTML.
// The finding card, the outcome's words and the API client are the extension's (served at /static/shared/).
"use strict";

(() => {
  const { dom, client, finding: words, outcome } = globalThis.factlint;
  const { el } = dom;
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
  let loadedFile = null;  // the file whose text is in the box, until the reader types or pastes other text

  // ------------------------------------------------------------------------------ small helpers
  function setStatus(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
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
      const result = await client.request("", "/v1/check", {
        method: "POST",
        body: buildRequest(),
        timeoutSeconds: 30,
        token: tokenInput.value.trim(),
        tokenHint: "enter it under Options › Access token",
        where: location.origin,
      });
      if (!result.ok) {
        clearResults();
        setStatus(`Could not check: ${result.error.message}.`, true);
        if (result.error.kind === "auth") {
          tokenDetails.open = true;
          tokenInput.focus();
        }
        return;
      }
      showResults(result.data);
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
    const result = outcome.summarize(
      { applies: data.applies, statementsChecked: data.statements_checked, sheetTitle: data.sheet_title, findings },
      "text",
    );
    setStatus(result.headline);
    statusLine.dataset.state = result.state;
    legend.hidden = !findings.length;
    findingsHeading.hidden = !findings.length;
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

  // Each finding: where it is (a button that shows it in the text), then the same card as on hover.
  function renderList(list) {
    list.forEach((f, index) => {
      const item = el("li", `sev-${f.severity}`);
      const go = el("button", "finding-button");
      go.type = "button";
      go.append(el("span", "where", `Line ${f.line}, column ${f.column}: `), el("span", "line", words.line(f)));
      go.title = "Show in the text";
      go.addEventListener("click", () => focusFinding(index));
      item.append(go, words.explain(f));
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
    indexes.forEach((index) => card.append(words.explain(findings[index])));
    card.hidden = false;
    placeCard(mark.getBoundingClientRect());
  }

  // Below the highlight, else above it, else as high as fits; never taller than the window.
  function placeCard(box) {
    const width = Math.min(420, window.innerWidth - 16);
    card.style.maxWidth = `${width}px`;
    card.style.maxHeight = `${window.innerHeight - 16}px`;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    card.style.left = `${left}px`;
    const height = card.offsetHeight;
    let top = box.bottom + 6;
    if (top + height > window.innerHeight - 8) top = box.top - height - 6 >= 8 ? box.top - height - 6 : 8;
    card.style.top = `${top + window.scrollY}px`;
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
    extractBox.checked = format === "html";
    loadedFile = file.name;
    setStatus(`Loaded ${file.name} (${format}). Press Check.`);
  }

  // Text pasted over a loaded file (or typed once the box was emptied) is not that file: Format goes
  // back to Automatic, the HTML option off and the file name away. Editing the file's text keeps them.
  function forgetFile(event) {
    if (!loadedFile) return;
    const replaced = /^insertFrom(Paste|Drop)/.test(event.inputType || "") || !article.value.trim();
    const noLongerHtml = formatSelect.value === "html" && !looksLikeHtml(article.value);
    if (!replaced && !noLongerHtml) return;
    setStatus(`The text is no longer ${loadedFile}: Format is back to Automatic.`);
    loadedFile = null;
    fileInput.value = "";
    formatSelect.value = "auto";
    extractBox.checked = false;
  }

  fileInput.addEventListener("change", () => loadFile(fileInput.files[0]));
  article.addEventListener("input", forgetFile);
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
  // A sheet picker when the server has more than one sheet; an unreachable server is reported by the check.
  async function loadSheets() {
    const result = await client.request("", "/v1/health", { timeoutSeconds: 10 });
    const health = result.ok ? result.data : {};
    if (!Array.isArray(health.sheets) || health.sheets.length < 2) return;
    health.sheets.forEach((id) => {
      const option = el("option", "", id);
      option.value = id;
      option.selected = id === health.default_sheet;
      sheetSelect.append(option);
    });
    sheetField.hidden = false;
  }

  form.addEventListener("submit", check);
  loadSheets();
})();
