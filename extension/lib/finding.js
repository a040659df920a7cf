'use strict';
// One finding as a reader meets it, with the same words in the extension's hover card and on the
// server's page at /: what kind of problem it is, what the text says, what the sheet says, the
// suggested fix and who says so (outlet, title, date and a link where the sheet has them).
// Needs dom.js. The hosts style the class names (content/card.js, server/static/app.css).
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.finding) return;

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];  // prettier-ignore

  // Errors contradict a confirmed fact; warnings, a fact the sources themselves disagree on.
  const KINDS = {
    error: { label: 'Error', says: 'Contradicts the fact sheet' },
    warning: { label: 'Warning', says: 'Sources disagree' },
  };

  const kind = (finding) => KINDS[finding && finding.severity === 'warning' ? 'warning' : 'error'];
  const quoted = (value) => `“${String(value).trim()}”`;

  // '2026-05-29' -> '29 May 2026'; anything else as it is; null when there is no date.
  function readableDate(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ''));
    if (!m) return value ? String(value) : null;
    return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  }

  // The sources of `finding`: its details where the server sent them, else its bare ids.
  function sourcesOf(finding) {
    const details = Array.isArray(finding.source_details) ? finding.source_details.filter(Boolean) : [];
    if (details.length) return details;
    return (Array.isArray(finding.sources) ? finding.sources : []).map((id) => ({ id }));
  }

  // The replacement a reader can make, as a sentence; null when there is none.
  function fixOf(finding) {
    const fix = finding.suggestion;
    if (typeof fix !== 'string' || !fix.trim() || fix === finding.found) return null;
    return `Replace ${quoted(finding.found || finding.quote || '')} with ${quoted(fix)}.`;
  }

  function sourceItem(source) {
    const { el, link } = ns.dom;
    const item = el('li', 'fl-source');
    const name = source.title || source.outlet || `source ${source.id}`;
    item.append(link(source.url, name, 'fl-source-title') || el('span', 'fl-source-title', name));
    const about = [source.title ? source.outlet : null, readableDate(source.published)].filter(Boolean);
    if (about.length) item.append(el('span', 'fl-source-about', ` — ${about.join(', ')}`));
    return item;
  }

  // The explanation of one finding, as an element (<div class="fl-finding fl-error|fl-warning">).
  function explain(finding) {
    const { el } = ns.dom;
    const { label, says } = kind(finding);
    const box = el('div', `fl-finding fl-${finding.severity === 'warning' ? 'warning' : 'error'}`);
    const head = el('p', 'fl-kind');
    head.append(el('strong', 'fl-label', label), document.createTextNode(` · ${says}`));
    const facts = el('dl', 'fl-facts');
    const row = (term, value, className) => {
      if (value === null || value === undefined || value === '') return;
      facts.append(el('dt', '', term), el('dd', className, value));
    };
    row('The text says', quoted(finding.found || finding.quote || ''), 'fl-found');
    row('The sheet says', finding.expected, 'fl-expected');
    row('Suggested fix', fixOf(finding), 'fl-fix');
    box.append(head, facts);
    const sources = sourcesOf(finding);
    if (sources.length) {
      const list = el('ul', 'fl-sources');
      list.append(...sources.map(sourceItem));
      box.append(el('p', 'fl-sources-title', sources.length === 1 ? 'Source' : 'Sources'), list);
    }
    if (finding.message || finding.rule) {
      box.append(el('p', 'fl-rule', [finding.rule, finding.message].filter(Boolean).join(': ')));
    }
    return box;
  }

  // One line for lists: “found” → expected.
  function line(finding) {
    return `${quoted(finding.found || finding.quote || '')} → ${finding.expected}`;
  }

  ns.finding = { KINDS, kind, explain, line, fixOf, readableDate, sourcesOf };
})(globalThis);
