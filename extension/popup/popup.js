'use strict';
// The toolbar popup. Opening it is the "check this page" action: the first time for a page (or
// after an error) it asks the service worker to check the active tab. It shows the server's
// status, the check's outcome, the findings (located ones scroll the page to themselves, the
// others are listed as not located) and a "this is wrong" link that copies a report.
(function () {
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const { report, dom, finding: words, outcome } = globalThis.factlint;
  const { el } = dom;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let tabId = null;

  async function send(message) {
    try {
      return await ext.runtime.sendMessage(message);
    } catch (err) {
      return { ok: false, error: { kind: 'extension', message: String((err && err.message) || err) } };
    }
  }

  async function fileReport(finding, state) {
    const area = $('report');
    area.value = report.text(finding, state, ext.runtime.getManifest().version);
    $('report-section').hidden = false;
    const copied = await report.copy(area.value, area);
    $('report-status').textContent = copied
      ? 'Report copied to the clipboard. Paste it into an issue, and say why the finding is wrong.'
      : 'Could not use the clipboard: copy the report below (Ctrl+C).';
    if (!copied) area.select();
  }

  function item(finding, state) {
    const li = el('li', finding.severity === 'warning' ? 'warning' : 'error');
    const show = el(finding.located ? 'button' : 'div', 'show');
    show.append(el('span', 'found', finding.found || finding.quote), document.createTextNode(' → '));
    show.append(el('span', 'expected', finding.expected));
    const fix = finding.suggestion !== finding.expected ? words.fixOf(finding) : null;
    if (fix) show.append(el('span', 'fix', `Suggested fix: ${fix}`));
    show.append(el('span', 'meta', `${words.kind(finding).says} · ${finding.rule}`));
    if (finding.located) {
      show.type = 'button';
      show.title = 'Show it on the page';
      show.addEventListener('click', () => send({ type: 'factlint:reveal', tabId, id: finding.id }));
    }
    const wrong = el('a', 'wrong', 'This is wrong');
    wrong.href = '#';
    wrong.title = 'Copy a report about this finding';
    wrong.addEventListener('click', (event) => {
      event.preventDefault();
      fileReport(finding, state);
    });
    li.append(show, wrong);
    return li;
  }

  function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
  }

  function render(state) {
    const findings = (state && state.findings) || [];
    const located = findings.filter((f) => f.located);
    const lost = findings.filter((f) => !f.located);
    $('located').replaceChildren(...located.map((f) => item(f, state)));
    $('lost').replaceChildren(...lost.map((f) => item(f, state)));
    $('located-section').hidden = !located.length;
    $('lost-section').hidden = !lost.length;
    let counts = '';
    if (!state || state.status === 'checking' || state.status === 'idle') {
      setStatus('checking', 'Checking this page…');
    } else if (state.status === 'error') {
      const message = (state.error && state.error.message) || 'the check failed';
      setStatus('error', state.stale ? `Not checked again: ${message}.` : `Not checked: ${message}.`);
      if (state.stale) counts = 'The highlights below are from the last check that worked.';
      serverFrom(state.error);
    } else {
      const result = outcome.summarize(state, 'page');
      setStatus(result.state, result.headline);
      if (findings.length) counts = `${located.length} highlighted · ${lost.length} not located`;
      if (state.hidden) counts += `${counts ? ' · ' : ''}${state.hidden} more hidden by your settings`;
      if (state.highlights === false) counts += ' · this browser cannot draw highlights';
      serverFrom(null);
    }
    $('counts').textContent = counts;
  }

  // The server line agrees with the last check: one that could not reach the server turns it red,
  // one that got an answer green.
  function serverFrom(error) {
    const server = $('server');
    const where = server.dataset.where || 'the configured address';
    if (!error) {
      if (server.dataset.state !== 'ok' && server.dataset.state !== 'unknown') showHealth();
    } else if (error.kind === 'down') {
      setServer('down', `Server: not reachable at ${where}`, 'Start it with "factlint serve", or set its address in the options.');
    } else if (error.kind === 'timeout') {
      setServer('slow', `Server: slow at ${where}`, error.message);
    } else if (error.kind === 'auth') {
      setServer('error', `Server: needs a token at ${where}`, error.message);
    }
  }

  function setServer(state, text, title) {
    const server = $('server');
    server.dataset.state = state;
    server.textContent = text;
    server.title = title || '';
  }

  async function showHealth() {
    const health = await send({ type: 'factlint:health' });
    const where = (health && health.serverUrl) || 'the configured address';
    $('server').dataset.where = where;
    if (health && health.ok) {
      const sheets = Array.isArray(health.data.sheets) ? health.data.sheets.join(', ') : '';
      setServer('ok', `Server: running at ${where}`, `version ${health.data.version || '?'}${sheets ? ` · sheets: ${sheets}` : ''}`);
    } else if (health && health.error && health.error.kind === 'timeout') {
      setServer('slow', `Server: slow at ${where}`, health.error.message);
    } else if (health && health.error && (health.error.kind === 'http' || health.error.kind === 'auth')) {
      setServer('error', `Server: error at ${where}`, health.error.message);
    } else {
      setServer('down', `Server: not reachable at ${where}`, 'Start it with "factlint serve", or set its address in the options.');
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
      render({ status: 'error', error: { message: 'there is no tab to check' }, findings: [] });
      return;
    }
    const state = await send({ type: 'factlint:get-state', tabId });
    const fresh = state && state.status && state.status !== 'error' && state.status !== 'idle';
    if (params.get('check') === '0' || (fresh && params.get('check') !== '1')) render(state);
    else await check();
  }

  main();
})();
