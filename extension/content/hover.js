'use strict';
// Shows the card while the pointer is over a highlight (hit-testing the ranges' client rects on
// mousemove) or while the caret or selection is inside one (keyboard and caret browsing).
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.hover) return;

  const HIDE_DELAY = 300;
  let getFindings = () => [];
  let frame = 0;
  let hideTimer = 0;
  let lastX = 0;
  let lastY = 0;
  let started = false;
  let quietUntil = 0; // scrolling we caused ourselves (reveal) does not hide the card

  function showFor(finding, rect) {
    clearTimeout(hideTimer);
    hideTimer = 0;
    ns.highlight.setActive(finding);
    ns.card.show(finding, rect);
  }

  function hideSoon() {
    if (!ns.card.shown() || hideTimer) return;
    hideTimer = setTimeout(() => {
      hideTimer = 0;
      ns.card.hide();
      ns.highlight.setActive(null);
    }, HIDE_DELAY);
  }

  function rectAt(finding, x, y) {
    for (const rect of finding.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
    }
    return finding.range.getBoundingClientRect();
  }

  function onFrame() {
    frame = 0;
    try {
      if (ns.card.contains(lastX, lastY)) {
        clearTimeout(hideTimer);
        hideTimer = 0;
        return;
      }
      const finding = ns.highlight.hitTest(getFindings(), lastX, lastY);
      if (finding) {
        if (ns.card.shown() !== finding) showFor(finding, rectAt(finding, lastX, lastY));
        clearTimeout(hideTimer);
        hideTimer = 0;
      } else {
        hideSoon();
      }
    } catch (_) {
      // never disturb the page
    }
  }

  function onMove(event) {
    lastX = event.clientX;
    lastY = event.clientY;
    if (!frame) frame = requestAnimationFrame(onFrame);
  }

  function onSelection() {
    try {
      const selection = document.getSelection();
      if (!selection || !selection.rangeCount) return;
      const node = selection.focusNode;
      const offset = selection.focusOffset;
      const finding = getFindings().find((f) => f.range && f.range.isPointInRange(node, offset));
      if (finding) showFor(finding, finding.range.getBoundingClientRect());
    } catch (_) {
      // never disturb the page
    }
  }

  function onScroll() {
    if (Date.now() < quietUntil) return;
    if (ns.card.shown()) {
      ns.card.hide();
      ns.highlight.setActive(null);
    }
  }

  function start(findingsGetter) {
    getFindings = findingsGetter;
    if (started) return;
    started = true;
    document.addEventListener('mousemove', onMove, { passive: true, capture: true });
    document.addEventListener('selectionchange', onSelection, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
  }

  function stop() {
    started = false;
    document.removeEventListener('mousemove', onMove, { capture: true });
    document.removeEventListener('selectionchange', onSelection);
    window.removeEventListener('scroll', onScroll, { capture: true });
  }

  // Scroll `finding` into view and show its card (the popup's list uses this).
  function reveal(finding) {
    quietUntil = Date.now() + 600;
    const target = finding.range.startContainer.parentElement;
    if (target) target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    requestAnimationFrame(() => {
      try {
        showFor(finding, finding.range.getBoundingClientRect());
      } catch (_) {
        // never disturb the page
      }
    });
  }

  ns.hover = { start, stop, showFor, reveal };
})(globalThis);
