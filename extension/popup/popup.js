'use strict';
// The toolbar popup. Opening it is the "check this page" action: the first time for a page (or
// after an error) it asks the service worker to check the active tab, and it shows the tab's
// findings, located and not located, the server's status and a "this is wrong" report link.
(function () {
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let tabId = null;
  let current = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function send(message) {
    try {
      return await ext.runtime.sendMessage(message);
    } catch (err) {
      return { ok: false, error: { kind: 'extension', message: String((err && err.message) || err) } };
    }
  }

  function reportText(finding, state) {
    const sources = (finding.source_details || []).map((s) => `${s.id} ${s.outlet || ''}`.trim());
    return [
      'factlint: this finding looks wrong',
      `Page: ${state.url || ''}`,
      `Rule: ${finding.rule} (${finding.fact})`,
      `Severity: ${finding.severity}`,
      `Span: "${finding.quote}" at ${finding.start_utf16 ?? finding.start}-${finding.end_utf16 ?? finding.end}`,
      `Context: …${finding.prefix || ''}[${finding.quote}]${finding.suffix || ''}…`,
      `Expected: ${finding.expected}`,
      `Message: ${finding.message || ''}`,
      `Sources: ${sources.join('; ') || (finding.sources || []).join(', ')}`,
      `Sheet: ${state.sheet || ''}`,
      `Located on the page: ${finding.located ? 'yes' : 'no'}`,
      `Extension: ${ext.runtime.getManifest().version}`,
    ].join('\n');
  }

  async function copy(text) {
    const note = $('copied');
    const fallback = $('report-fallback');
    try {
      await navigator.clipboard.writeText(text);
      fallback.hidden = true;
      note.textContent = 'Report copied: paste it into an issue or an e-mail.';
    } catch (_) {
      fallback.value = text;
      fallback.hidden = false;
      fallback.select();
      note.textContent = 'Copy the report below (Ctrl+C).';
    }
  }

  function item(finding, state) {
    const li = el('li', finding.severity === 'warning' ? 'warning' : 'error');
    const button = el('button', 'finding');
    button.type = 'button';
    button.dataset.id = String(finding.id);
    button.append(el('span', 'found', finding.found || finding.quote), document.createTextNode(' → '));
    button.append(el('span', 'expected', finding.expected));
    button.append(el('span', 'meta', `${finding.severity} · ${finding.rule} · ${finding.fact}`));
    if (finding.located) {
      button.title = 'Show it on the page';
      button.addEventListener('click', () => send({ type: 'factlint:reveal', tabId, id: finding.id }));
    } else {
      button.disabled = true;
    }
    const wrong = el('button', 'wrong', 'This is wrong');
    wrong.type = 'button';
    wrong.title = 'Copy a report about this finding';
    wrong.addEventListener('click', () => copy(reportText(finding, state)));
    li.append(button, wrong);
    return li;
  }

  function render(state) {
    current = state;
    const summary = $('summary');
    summary.className = 'summary';
    const findings = (state && state.findings) || [];
    const located = findings.filter((f) => f.located);
    const lost = findings.filter((f) => !f.located);
    $('located').replaceChildren(...located.map((f) => item(f, state)));
    $('lost').replaceChildren(...lost.map((f) => item(f, state)));
    $('located-count').textContent = `(${located.length})`;
    $('lost-count').textContent = `(${lost.length})`;
    $('located-section').hidden = !located.length;
    $('lost-section').hidden = !lost.length;
    if (!state || state.status === 'checking' || state.status === 'idle') {
      summary.textContent = 'Checking this page…';
    } else if (state.status === 'error') {
      summary.className = 'summary error';
      summary.textContent = (state.error && state.error.message) || 'The check failed.';
    } else if (!findings.length) {
      summary.textContent = 'No statement on this page contradicts the fact sheet.';
    } else {
      const noun = findings.length === 1 ? 'statement contradicts' : 'statements contradict';
      summary.textContent = `${findings.length} ${noun} the fact sheet: ${located.length} located, ${lost.length} not located.`;
    }
  }

  async function showHealth() {
    const server = $('server');
    const health = await send({ type: 'factlint:health' });
    if (health && health.ok) {
      const sheets = Array.isArray(health.data.sheets) ? health.data.sheets.join(', ') : '';
      server.className = 'server ok';
      server.textContent = `Server ${health.data.status || 'ok'}${health.data.version ? ` (v${health.data.version})` : ''}`;
      server.title = `${health.serverUrl}${sheets ? ` · sheets: ${sheets}` : ''}`;
    } else {
      server.className = 'server down';
      server.textContent = health && health.error && health.error.kind === 'timeout' ? 'Server slow' : 'Server down';
      server.title = (health && health.error && health.error.message) || '';
    }
  }

  async function check() {
    render({ status: 'checking', findings: [] });
    const state = await send({ type: 'factlint:check-tab', tabId });
    if (state && state.status) render(state);
  }

  async function main() {
    const fromQuery = Number.parseInt(params.get('tab') || '', 10);
    if (Number.isInteger(fromQuery)) {
      tabId = fromQuery;
    } else {
      const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
      tabId = tab ? tab.id : null;
    }
    $('recheck').addEventListener('click', () => check());
    $('options').addEventListener('click', (event) => {
      event.preventDefault();
      ext.runtime.openOptionsPage();
    });
    ext.storage.onChanged.addListener((changes, area) => {
      const change = changes[`tab:${tabId}`];
      if (area === 'session' && change && change.newValue) render(change.newValue);
    });
    showHealth();
    if (tabId === null) {
      render({ status: 'error', error: { message: 'No tab to check.' }, findings: [] });
      return;
    }
    const state = await send({ type: 'factlint:get-state', tabId });
    if (state && state.status && state.status !== 'error' && params.get('check') !== '1') render(state);
    else if (params.get('check') !== '0') await check();
    else render(state);
  }

  main();
  globalThis.factlintPopup = { render, current: () => current };
})();
