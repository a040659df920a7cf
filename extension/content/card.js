'use strict';
// The hover card: what the text says, what the fact sheet says, the rule and the sources. It lives
// in a shadow root on an element appended to <html>, outside the article, and everything from the
// server is set with textContent, never parsed as HTML.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.card) return;

  const STYLE = `
    :host { all: initial; }
    .card { position: fixed; z-index: 2147483647; max-width: 360px; box-sizing: border-box;
      padding: 10px 12px; border-radius: 8px; border: 1px solid #c9ccd1; border-left: 4px solid #d93025;
      background: #fff; color: #1f2328; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .card.warning { border-left-color: #e8a100; }
    .head { display: flex; gap: 6px; align-items: baseline; margin-bottom: 6px; font-size: 12px; color: #57606a; }
    .sev { font-weight: 700; text-transform: uppercase; color: #d93025; }
    .warning .sev { color: #9a6700; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 6px; }
    dt { color: #57606a; }
    dd { margin: 0; font-weight: 600; }
    .found { text-decoration: line-through; text-decoration-color: #d93025; }
    .message { margin: 0 0 6px; color: #3d444d; }
    .sources-title { font-size: 12px; color: #57606a; margin: 0; }
    ul { margin: 2px 0 0; padding-left: 18px; font-size: 12px; }
    li { margin: 1px 0; }
    .date { color: #57606a; }
  `;

  let host = null;
  let box = null;
  let current = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function ensure() {
    if (host && host.isConnected) return;
    host = document.createElement('factlint-card');
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = STYLE;
    box = el('div', 'card');
    box.setAttribute('role', 'tooltip');
    box.id = 'factlint-card';
    box.hidden = true;
    shadow.append(style, box);
    document.documentElement.appendChild(host);
  }

  function sourceLine(source) {
    const item = el('li');
    item.append(el('span', 'outlet', source.outlet || source.id || 'source'));
    if (source.title) item.append(document.createTextNode(' — '), el('span', 'title', source.title));
    item.append(document.createTextNode(' '), el('span', 'date', source.published ? `(${source.published})` : '(no date)'));
    return item;
  }

  function render(finding) {
    box.replaceChildren();
    box.className = finding.severity === 'warning' ? 'card warning' : 'card';
    const head = el('div', 'head');
    head.append(el('span', 'sev', finding.severity), el('span', 'rule', finding.rule), el('span', 'fact', finding.fact));
    const facts = el('dl');
    facts.append(el('dt', '', 'The text says'), el('dd', 'found', finding.found || finding.quote));
    facts.append(el('dt', '', 'The sheet says'), el('dd', 'expected', finding.expected));
    box.append(head, facts);
    if (finding.message) box.append(el('p', 'message', finding.message));
    const sources = Array.isArray(finding.source_details) && finding.source_details.length
      ? finding.source_details
      : (finding.sources || []).map((id) => ({ id }));
    if (sources.length) {
      const list = el('ul', 'sources');
      for (const source of sources) list.append(sourceLine(source || {}));
      box.append(el('p', 'sources-title', 'Sources'), list);
    }
  }

  // Show the card for `finding` next to `rect` (a DOMRect in viewport coordinates).
  function show(finding, rect) {
    ensure();
    if (current !== finding) render(finding);
    current = finding;
    box.hidden = false;
    box.style.left = '0px';
    box.style.top = '0px';
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    let left = Math.min(Math.max(4, rect.left), Math.max(4, vw - width - 4));
    let top = rect.bottom + 6;
    if (top + height > vh - 4 && rect.top - height - 6 >= 4) top = rect.top - height - 6;
    box.style.left = `${Math.round(left)}px`;
    box.style.top = `${Math.round(top)}px`;
  }

  function hide() {
    current = null;
    if (box) box.hidden = true;
  }

  // Is the viewport point inside the visible card?
  function contains(x, y) {
    if (!box || box.hidden) return false;
    const r = box.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  function remove() {
    hide();
    if (host) host.remove();
    host = null;
  }

  ns.card = { show, hide, contains, remove, shown: () => current };
})(globalThis);
