'use strict';
// Draws located findings with CSS.highlights (styles in highlight.css) and hit-tests them.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.highlight) return;

  const NAMES = { error: 'factlint-error', warning: 'factlint-warning' };
  const ACTIVE = 'factlint-active';

  function supported() {
    return typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';
  }

  function clear() {
    if (!supported()) return;
    for (const name of [...Object.values(NAMES), ACTIVE]) CSS.highlights.delete(name);
  }

  // `findings`: objects with a `range` (located) and a `severity`.
  function draw(findings) {
    if (!supported()) return false;
    clear();
    for (const [severity, name] of Object.entries(NAMES)) {
      const ranges = findings.filter((f) => f.range && (f.severity === severity)).map((f) => f.range);
      if (!ranges.length) continue;
      const highlight = new Highlight(...ranges);
      highlight.priority = severity === 'error' ? 2 : 1;
      CSS.highlights.set(name, highlight);
    }
    return true;
  }

  function setActive(finding) {
    if (!supported()) return;
    if (finding && finding.range) {
      const highlight = new Highlight(finding.range);
      highlight.priority = 3;
      CSS.highlights.set(ACTIVE, highlight);
    } else {
      CSS.highlights.delete(ACTIVE);
    }
  }

  // The finding whose text is under the viewport point (x, y), or null.
  function hitTest(findings, x, y) {
    for (const f of findings) {
      if (!f.range) continue;
      for (const rect of f.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return f;
      }
    }
    return null;
  }

  ns.highlight = { supported, draw, clear, setActive, hitTest };
})(globalThis);
