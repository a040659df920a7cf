'use strict';
// Watches the page after a check: a debounced MutationObserver collects the blocks whose text
// changed (so only those are checked again), and a change of URL without a reload (single-page-app
// navigation) or of the article element asks for a full check.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.observer) return;

  const DEBOUNCE = 500;
  const MAX_WAIT = 3000;
  const URL_POLL = 1000;
  // Block elements whose removal needs no new check (their findings simply go away).
  const BLOCK_TAGS = new Set([
    'p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'pre',
  ]);

  let options = null;
  let observer = null;
  let pending = [];
  let timer = 0;
  let firstAt = 0;
  let poll = 0;
  let lastUrl = '';

  const pageUrl = () => location.href.split('#')[0];

  function schedule() {
    const now = Date.now();
    if (!firstAt) firstAt = now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(options.debounceMs, firstAt + MAX_WAIT - now));
    timer = setTimeout(flush, wait);
  }

  function changedBlocks(root, records) {
    const { closestBlock, isBlock } = ns.textmap;
    const blocks = new Set();
    for (const record of records) {
      const target = record.target;
      if (!root.contains(target)) continue;
      if (record.type === 'characterData') {
        blocks.add(closestBlock(target, root));
      } else if (record.type === 'attributes') {
        blocks.add(isBlock(target) ? target : closestBlock(target, root));
      } else {
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && node.localName === 'factlint-card') continue;
          if (node.nodeType === 1 && node.isConnected && isBlock(node)) blocks.add(node);
          else if (node.nodeType === 1 || node.nodeType === 3) blocks.add(closestBlock(target, root));
        }
        for (const node of record.removedNodes) {
          if (node.nodeType === 1 && BLOCK_TAGS.has(node.localName)) continue;
          if (node.nodeType === 1 || node.nodeType === 3) blocks.add(closestBlock(target, root));
        }
      }
    }
    const list = [...blocks].filter((b) => b.isConnected);
    if (list.includes(root)) return null; // the root's own inline text changed: check it all
    return list.filter((b) => !list.some((other) => other !== b && other.contains(b)));
  }

  function flush() {
    clearTimeout(timer);
    timer = 0;
    firstAt = 0;
    const records = pending.concat(observer ? observer.takeRecords() : []);
    pending = [];
    try {
      const root = options.getRoot();
      if (pageUrl() !== lastUrl) {
        lastUrl = pageUrl();
        options.onFull('navigation');
        return;
      }
      if (!root || !root.isConnected || ns.textmap.findRoot(document) !== root) {
        options.onFull('new article');
        return;
      }
      if (!records.length) return;
      const blocks = changedBlocks(root, records);
      if (blocks === null) options.onFull('changed');
      else options.onBlocks(blocks);
    } catch (_) {
      // never disturb the page
    }
  }

  function onMutations(records) {
    pending.push(...records);
    schedule();
  }

  function onUrlMaybeChanged() {
    if (pageUrl() !== lastUrl) schedule();
  }

  // options: {getRoot(), onFull(reason), onBlocks(elements), debounceMs}
  function start(opts) {
    stop();
    options = { debounceMs: DEBOUNCE, ...opts };
    lastUrl = pageUrl();
    observer = new MutationObserver(onMutations);
    observer.observe(document.body || document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'open'],
    });
    window.addEventListener('popstate', onUrlMaybeChanged);
    if (global.navigation && typeof global.navigation.addEventListener === 'function') {
      global.navigation.addEventListener('currententrychange', onUrlMaybeChanged);
    }
    poll = setInterval(onUrlMaybeChanged, URL_POLL);
  }

  function stop() {
    if (observer) observer.disconnect();
    observer = null;
    pending = [];
    clearTimeout(timer);
    clearInterval(poll);
    timer = 0;
    firstAt = 0;
    window.removeEventListener('popstate', onUrlMaybeChanged);
    if (global.navigation && typeof global.navigation.removeEventListener === 'function') {
      global.navigation.removeEventListener('currententrychange', onUrlMaybeChanged);
    }
  }

  // flush(): finish now what is waiting for the debounce (the worker's flushTab() test hook uses it).
  ns.observer = { start, stop, flush, active: () => !!observer };
})(globalThis);
