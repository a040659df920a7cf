'use strict';
// The toolbar popup. Opening it is the "check this page" action: the first time for a page (or
// after an error) it asks the service worker to check the active tab. It shows the server's
// status, the check's outcome, the findings (located ones scroll the page to themselves, the
// others are listed as not located) and a "this is wrong" link that copies a report.
(function () {
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const report = globalThis.factlint.report;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let tabId = null;

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
    show.append(el('span', 'meta', `${finding.severity} · ${finding.rule} ${finding.fact}`));
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
      setStatus('error', `Not checked: ${message}.`);
    } else {
      counts = `${located.length} highlighted · ${lost.length} not located`;
      if (!findings.length) {
        setStatus('clean', 'Nothing on this page contradicts the fact sheet.');
      } else {
        const noun = findings.length === 1 ? 'statement contradicts' : 'statements contradict';
        setStatus('found', `${findings.length} ${noun} the fact sheet.`);
      }
      if (state.hidden) counts += ` · ${state.hidden} more hidden by your settings`;
      if (state.highlights === false) counts += ' · this browser cannot draw highlights';
    }
    $('counts').textContent = counts;
  }

  async function showHealth() {
    const server = $('server');
    const health = await send({ type: 'factlint:health' });
    const where = (health && health.serverUrl) || 'the configured address';
    if (health && health.ok) {
      const sheets = Array.isArray(health.data.sheets) ? health.data.sheets.join(', ') : '';
      server.dataset.state = 'ok';
      server.textContent = `Server: running at ${where}`;
      server.title = `version ${health.data.version || '?'}${sheets ? ` · sheets: ${sheets}` : ''}`;
    } else if (health && health.error && health.error.kind === 'timeout') {
      server.dataset.state = 'slow';
      server.textContent = `Server: slow at ${where}`;
      server.title = health.error.message;
    } else if (health && health.error && health.error.kind === 'http') {
      server.dataset.state = 'error';
      server.textContent = `Server: error at ${where}`;
      server.title = health.error.message;
    } else {
      server.dataset.state = 'down';
      server.textContent = `Server: not reachable at ${where}`;
      server.title = 'Start it with "factlint serve", or set its address in the options.';
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
