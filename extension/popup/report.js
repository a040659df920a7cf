'use strict';
// The "this is wrong" report: a plain-text note with the page, the span and the rule, for the
// user to paste into an issue or an email. copy() tries the clipboard and says whether it worked.
(function (global) {
  const ns = (global.factlint = global.factlint || {});

  function flat(value) {
    return String(value === undefined || value === null ? '' : value).replace(/\s+/g, ' ');
  }

  function oneLine(value) {
    return flat(value).trim();
  }

  function text(finding, state, version) {
    const lines = [
      'factlint: a finding that looks wrong',
      `Page: ${oneLine(state.url)}`,
      `Rule: ${oneLine(finding.rule)} (${oneLine(finding.fact)}), ${oneLine(finding.severity)}`,
      `Span: "${oneLine(finding.quote)}" at UTF-16 ${finding.start_utf16}-${finding.end_utf16}` +
        (finding.located ? '' : ' (not located on the page)'),
      `Context: …${flat(finding.prefix).trimStart()}[${oneLine(finding.quote)}]${flat(finding.suffix).trimEnd()}…`,
      `The sheet says: ${oneLine(finding.expected)}`,
      `Message: ${oneLine(finding.message)}`,
      `Sheet: ${oneLine(state.sheet || 'unknown')}; extension ${oneLine(version)}`,
      'Why it is wrong: ',
    ];
    return lines.join('\n');
  }

  // Copies `value`; resolves to true when the clipboard took it.
  async function copy(value, textarea) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch (_) {
      // the clipboard API needs focus and permission: fall back to a selection copy
    }
    try {
      textarea.focus();
      textarea.select();
      return document.execCommand('copy');
    } catch (_) {
      return false;
    }
  }

  ns.report = { text, copy };
})(globalThis);
