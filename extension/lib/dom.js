'use strict';
// The one element builder of factlint's pages (the extension's card, popup and options, and the
// server's page at /): whatever comes from a server or a user goes in as textContent, never as HTML.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.dom) return;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // An http(s) link to `url` opening in a new tab, or null for anything else (javascript:, data:…).
  function link(url, text, className) {
    let parsed = null;
    try {
      parsed = new URL(String(url));
    } catch (_) {
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const a = el('a', className, text);
    a.href = parsed.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  ns.dom = { el, link };
})(globalThis);
