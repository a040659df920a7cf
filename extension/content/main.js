'use strict';
// The content script's conductor: take the article's text, have the service worker check it,
// anchor each finding to a DOM Range, draw the highlights, report to the service worker (badge and
// popup), and keep watching the page. Nothing here throws into the page or logs to its console.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.content) return;
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;
  const { textmap, anchor, highlight, hover, card, observer } = ns;

  const state = {
    url: location.href, status: 'idle', error: null, sheet: null, root: null, findings: [], hidden: 0,
    sheetTitle: null, applies: true, statementsChecked: null, checkedUrl: null, checkedAt: null,
  };  // prettier-ignore
  let seq = 0; // each full check supersedes the checks asked for before it
  let nextId = 1;
  let queue = Promise.resolve(); // checks run one at a time, in the order asked
  let dead = false;

  function enqueue(task) {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  async function send(message) {
    if (dead) return { ok: false, error: { kind: 'extension', message: 'factlint was reloaded; reload the page' } };
    try {
      const response = await ext.runtime.sendMessage(message);
      return response || { ok: false, error: { kind: 'extension', message: 'no answer from the extension' } };
    } catch (err) {
      const message = String((err && err.message) || err);
      if (/context invalidated|Receiving end does not exist/i.test(message) && !(ext.runtime && ext.runtime.id)) {
        teardown();
      }
      return { ok: false, error: { kind: 'extension', message } };
    }
  }

  function teardown() {
    dead = true;
    observer.stop();
    hover.stop();
    highlight.clear();
    card.remove();
  }

  // The article's publication date (YYYY-MM-DD) from the usual metadata, for relative dates.
  function publishedDate() {
    const pick = (value) => {
      const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value || '');
      return m ? m[1] : null;
    };
    const metas = [
      'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="dc.date"]',
    ];  // prettier-ignore
    for (const selector of metas) {
      const found = pick(document.querySelector(selector)?.getAttribute('content'));
      if (found) return found;
    }
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        const data = JSON.parse(script.textContent || '');
        for (const item of Array.isArray(data) ? data : [data]) {
          const found = pick(item && item.datePublished);
          if (found) return found;
        }
      } catch (_) {
        // not JSON: ignore
      }
    }
    const time = (state.root || document).querySelector('time[datetime]');
    return pick(time && time.getAttribute('datetime'));
  }

  function anchorAll(findings, map, sentText) {
    const out = [];
    for (const f of Array.isArray(findings) ? findings : []) {
      if (!f || typeof f !== 'object') continue;
      const where = anchor.locate(map.text, anchor.selectorOf(f, sentText));
      const range = where ? textmap.toRange(map, where.start, where.end) : null;
      out.push({
        ...f,
        id: nextId++,
        range,
        how: range ? where.how : null,
        errors: range ? where.errors : null,
        located: !!range,
      });
    }
    return out;
  }

  function sortFindings(findings) {
    const located = findings.filter((f) => f.range);
    const lost = findings.filter((f) => !f.range);
    located.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return located.concat(lost);
  }

  function serialize() {
    const findings = state.findings.map((f) => {
      const { range, ...rest } = f;
      return { ...rest, located: !!range, text: range ? range.toString() : null };
    });
    const located = findings.filter((f) => f.located).length;
    return {
      url: location.href,
      title: document.title,
      status: state.status,
      error: state.error,
      sheet: state.sheet,
      sheetTitle: state.sheetTitle,
      applies: state.applies,
      statementsChecked: state.statementsChecked,
      // After a failed check of the same page, the findings shown are those of the last good one.
      stale: state.status === 'error' && findings.length > 0,
      checkedAt: state.checkedAt,
      highlights: highlight.supported(),
      hidden: state.hidden,
      counts: { total: findings.length, located, notLocated: findings.length - located },
      findings,
    };
  }

  function report() {
    send({ type: 'factlint:report', state: serialize() });
  }

  function draw() {
    highlight.draw(state.findings);
    hover.start(() => state.findings);
    const shown = card.shown();
    if (shown && !state.findings.includes(shown)) {
      card.hide();
      highlight.setActive(null);
    }
  }

  function fail(error) {
    state.status = 'error';
    state.error = error || { kind: 'unknown', message: 'the check failed' };
  }

  // Watch the page from the start of the first check, so that what changes while a check waits for
  // the server is checked after it.
  function watch() {
    if (observer.active()) return;
    observer.start({
      getRoot: () => state.root,
      onFull: () => {
        checkAll().catch(() => {});
      },
      onBlocks: (blocks) => {
        const at = seq;
        enqueue(() => (at === seq ? checkBlocks(blocks) : null)).catch(() => {});
      },
    });
  }

  // Check the whole article (after the checks already asked for); resolves to the state.
  function checkAll() {
    const my = ++seq;
    if (!state.root || !state.root.isConnected) state.root = textmap.findRoot(document);
    watch();
    return enqueue(() => (my === seq ? fullCheck(my) : serialize()));
  }

  async function fullCheck(my) {
    state.root = textmap.findRoot(document);
    state.url = location.href;
    state.status = 'checking';
    state.error = null;
    report();
    const sent = textmap.build(state.root);
    let response = { ok: true, findings: [], sheet: state.sheet, sheetTitle: state.sheetTitle, statementsChecked: 0, hidden: 0 };
    if (sent.text.trim()) {
      response = await send({ type: 'factlint:check', text: sent.text, published: publishedDate() });
    }
    if (my !== seq) return serialize();
    if (!response.ok) {
      fail(response.error);
      if (state.checkedUrl !== location.href) {
        // A failed check of another page (or the first one): nothing of the last page stays.
        state.findings = [];
        highlight.clear();
        card.hide();
      }
    } else {
      const map = textmap.build(state.root); // the page may have changed while we waited
      state.findings = sortFindings(anchorAll(response.findings, map, sent.text));
      state.sheet = response.sheet || null;
      state.sheetTitle = response.sheetTitle || null;
      state.applies = response.applies !== false;
      state.statementsChecked = Number.isInteger(response.statementsChecked) ? response.statementsChecked : null;
      state.checkedUrl = location.href;
      state.checkedAt = Date.now();
      state.hidden = response.hidden || 0;
      state.status = 'done';
      draw();
    }
    report();
    return serialize();
  }

  // Drop findings whose text was removed from the page.
  function prune() {
    state.findings = state.findings.filter((f) => !f.range || (!f.range.collapsed && f.range.startContainer.isConnected));
  }

  // Check only `blocks` (elements whose text changed) and replace their findings.
  async function checkBlocks(blocks) {
    const at = seq;
    prune();
    const live = () => blocks.filter((b) => b.isConnected);
    const sent = textmap.join(live().map((b) => textmap.build(b)));
    let response = { ok: true, findings: [], hidden: 0 };
    if (sent.text.trim()) {
      response = await send({ type: 'factlint:check', text: sent.text, published: publishedDate() });
    }
    if (at !== seq) return;
    if (!response.ok) {
      fail(response.error);
      report();
      return;
    }
    const targets = live();
    const map = textmap.join(targets.map((b) => textmap.build(b)));
    const fresh = anchorAll(response.findings, map, sent.text);
    const inBlocks = (f) => f.range && targets.some((b) => f.range.intersectsNode(b));
    const key = (f) => `${f.rule}|${f.fact}|${f.quote}`;
    const freshKeys = new Set(fresh.filter((f) => f.range).map(key));
    // A finding that was not located stays listed while its quote is still in the article.
    const pageText = anchor.fold(textmap.build(state.root).text);
    const stillThere = (f) => !!f.quote && pageText.includes(anchor.fold(f.quote)) && !freshKeys.has(key(f));
    prune();
    const kept = state.findings.filter((f) => (f.range ? !inBlocks(f) : stillThere(f)));
    state.findings = sortFindings(kept.concat(fresh));
    state.status = 'done';
    state.error = null;
    draw();
    report();
  }

  function reveal(id) {
    const finding = state.findings.find((f) => f.id === id);
    if (!finding || !finding.range) return false;
    hover.reveal(finding);
    return true;
  }

  async function handle(message) {
    switch (message.type) {
      case 'factlint:ping':
        return { ok: true };
      case 'factlint:run':
        return checkAll();
      case 'factlint:state':
        return serialize();
      case 'factlint:reveal':
        return { ok: reveal(message.id) };
      case 'factlint:flush':
        observer.flush();
        await queue;
        return serialize();
      default:
        return { ok: false, error: { kind: 'extension', message: `unknown message ${message.type}` } };
    }
  }

  ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!message || typeof message.type !== 'string' || !message.type.startsWith('factlint:')) return false;
    if (sender && sender.id && sender.id !== ext.runtime.id) return false;
    if (['factlint:check', 'factlint:report', 'factlint:check-tab', 'factlint:get-state'].includes(message.type)) {
      return false; // meant for the service worker
    }
    handle(message).then(sendResponse, (err) =>
      sendResponse({ ok: false, error: { kind: 'extension', message: String((err && err.message) || err) } }),
    );
    return true;
  });

  ns.content = { run: () => checkAll().catch(() => null), state: serialize };
})(globalThis);
