'use strict';
// The hover card: one finding explained (lib/finding.js, the same words as the page at /), in a
// shadow root on an element appended to <html>, outside the article. It always fits in the
// viewport: below or above the highlight, else scrolling inside itself.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.card) return;

  const MARGIN = 4;
  const STYLE = `
    :host { all: initial; }
    .card { position: fixed; z-index: 2147483647; max-width: min(380px, calc(100vw - 8px));
      max-height: calc(100vh - 8px); overflow-y: auto; overscroll-behavior: contain; box-sizing: border-box;
      padding: 10px 12px; border-radius: 8px; border: 1px solid #c9ccd1; border-left: 4px solid #d93025;
      background: #fff; color: #1f2328; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; }
    .card.warning { border-left-color: #e8a100; }
    p { margin: 0 0 6px; }
    .fl-kind { font-size: 12px; color: #57606a; }
    .fl-label { text-transform: uppercase; color: #c5221f; }
    .fl-warning .fl-label { color: #9a6700; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 6px; }
    dt { color: #57606a; }
    dd { margin: 0; }
    .fl-found { text-decoration: line-through; text-decoration-color: #d93025; }
    .fl-expected, .fl-fix { font-weight: 600; }
    .fl-sources-title { font-size: 12px; color: #57606a; margin: 0; }
    ul { margin: 2px 0 6px; padding-left: 18px; font-size: 12px; }
    li { margin: 1px 0; }
    a { color: #0969da; }
    .fl-source-about, .fl-rule { color: #57606a; }
    .fl-rule { font-size: 11px; margin: 0; }
  `;

  let host = null;
  let box = null;
  let current = null;

  function ensure() {
    if (host && host.isConnected) return;
    const { el } = ns.dom;
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

  function render(finding) {
    box.className = finding.severity === 'warning' ? 'card warning' : 'card';
    box.replaceChildren(ns.finding.explain(finding));
    box.scrollTop = 0;
  }

  // Where a box of `height` goes for a highlight at `rect` in a viewport `vh` high: below it, else
  // above it, else wherever it overlaps least while staying inside (it then scrolls inside itself).
  function placeTop(rect, height, vh) {
    const below = rect.bottom + 6;
    if (below + height <= vh - MARGIN) return below;
    const above = rect.top - height - 6;
    if (above >= MARGIN) return above;
    const roomBelow = vh - rect.bottom;
    const top = roomBelow >= rect.top ? below : MARGIN;
    return Math.max(MARGIN, Math.min(top, vh - height - MARGIN));
  }

  // Show the card for `finding` next to `rect` (a DOMRect in viewport coordinates).
  function show(finding, rect) {
    ensure();
    if (current !== finding) render(finding);
    current = finding;
    box.hidden = false;
    box.style.left = '0px';
    box.style.top = '0px';
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    box.style.maxHeight = `${vh - 2 * MARGIN}px`;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const left = Math.min(Math.max(MARGIN, rect.left), Math.max(MARGIN, vw - width - MARGIN));
    box.style.left = `${Math.round(left)}px`;
    box.style.top = `${Math.round(placeTop(rect, height, vh))}px`;
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

  ns.card = { show, hide, contains, remove, placeTop, shown: () => current };
})(globalThis);
