'use strict';
// The toolbar popup: opening it checks the current tab (the click grants activeTab), then shows the
// server's status, the findings split into located and not located (click one to scroll to it) and
// a "this is wrong" link per finding that copies a report. Server data is set as text only.
(function (global) {
  const ns = global.factlint;
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;
  const $ = (id) => document.getElementById(id);
  let tabId = null;
  let current = null;

  async function send(message) {
    try {
      const answer = await ext.runtime.sendMessage(message);
      return answer === undefined ? null : answer;
    } catch (err) {
      return { ok: false, error: { kind: 'extension', message: String((err && err.message) || err) } };
    }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function renderServer(health) {
    const line = $('server');
    if (health && health.ok) {
      const version = health.data && health.data.version ? ` (factlint ${health.data.version})` : '';
      line.dataset.state = 'ok';
      line.textContent = `Server: running at ${health.serverUrl}${version}`;
    } else {
      line.dataset.state = 'down';
      const where = health && health.serverUrl ? ` at ${health.serverUrl}` : '';
      line.textContent = `Server: not reachable${where}. Start it with "factlint serve" or change it in Options.`;
    }
  }

  function statusOf(state) {
    if (!state || state.status === 'checking' || state.status === 'idle') return ['checking', 'Checking this page…'];
    if (state.status === 'error') {
      const error = state.error || {};
      if (error.kind === 'down') return ['error', `Not checked: ${error.message}.`];
      if (error.kind === 'timeout') return ['error', `Not checked: ${error.message}. Try again later.`];
      return ['error', `Not checked: ${error.message || 'the check failed'}.`];
    }
    const total = (state.findings || []).length;
    if (!total) return ['clean', 'Nothing on this page contradicts the fact sheet.'];
    return ['found', `${total} ${total === 1 ? 'statement contradicts' : 'statements contradict'} the fact sheet.`];
  }

  function describe(finding, container) {
    const head = el('div', 'rule');
    head.append(el('span', 'sev', finding.severity), ` ${finding.rule} · ${finding.fact || ''}`);
    const body = el('div');
    body.append(el('span', 'found', finding.found || finding.quote), ' → ', el('span', 'expected', finding.expected));
    container.append(head, body);
  }

  async function reportWrong(finding) {
    const manifest = ext.runtime.getManifest();
    const value = ns.report.text(finding, current || {}, manifest.version);
    const area = $('report');
    area.value = value;
    $('report-section').hidden = false;
    const copied = await ns.report.copy(value, area);
    $('report-status').textContent = copied
      ? 'Report copied to the clipboard. Paste it where you report problems, and say why it is wrong.'
      : 'Could not use the clipboard: copy the report below.';
  }

  function item(finding) {
    const li = el('li', `finding ${finding.severity === 'warning' ? 'warning' : 'error'}${finding.located ? '' : ' lost'}`);
    li.dataset.id = String(finding.id);
    const show = el('button', 'show');
    show.type = 'button';
    describe(finding, show);
    if (finding.located) {
      show.title = 'Show it in the page';
      show.addEventListener('click', () => send({ type: 'factlint:reveal', tabId, id: finding.id }));
    } else {
      show.disabled = true;
    }
    const wrong = el('a', 'wrong', 'This is wrong');
    wrong.href = '#';
    wrong.title = 'Copy a report about this finding';
    wrong.addEventListener('click', (event) => {
      event.preventDefault();
      reportWrong(finding);
    });
    li.append(show, wrong);
    return li;
  }

  function render(state) {
    current = state;
    const [kind, text] = statusOf(state);
    const status = $('status');
    status.dataset.state = kind;
    status.textContent = text;
    const findings = (state && state.status === 'done' && state.findings) || [];
    const located = findings.filter((f) => f.located);
    const lost = findings.filter((f) => !f.located);
    const counts = $('counts');
    counts.hidden = !findings.length;
    counts.textContent = `${located.length} highlighted · ${lost.length} not located`;
    if (findings.length && state.highlights === false) counts.textContent += ' (this browser cannot draw highlights)';
    $('located').replaceChildren(...located.map(item));
    $('lost').replaceChildren(...lost.map(item));
    $('located-section').hidden = !located.length;
    $('lost-section').hidden = !lost.length;
    $('recheck').disabled = kind === 'checking';
  }

  async function check() {
    render({ status: 'checking' });
    const result = await send({ type: 'factlint:check-tab', tabId });
    if (result && typeof result.status === 'string') render(result);
    else render({ status: 'error', error: (result && result.error) || { message: 'no answer from the page' } });
    send({ type: 'factlint:health' }).then(renderServer);
  }

  async function init() {
    $('recheck').addEventListener('click', check);
    $('options').addEventListener('click', (event) => {
      event.preventDefault();
      ext.runtime.openOptionsPage();
    });
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    if (!tab) {
      render({ status: 'error', error: { message: 'no tab to check' } });
      return;
    }
    tabId = tab.id;
    ext.storage.onChanged.addListener((changes, area) => {
      const change = changes[`tab:${tabId}`];
      if (area === 'session' && change && change.newValue) render(change.newValue);
    });
    send({ type: 'factlint:health' }).then(renderServer);
    const known = await send({ type: 'factlint:get-state', tabId });
    if (known && known.status === 'done' && (!tab.url || known.url === tab.url)) render(known);
    else await check();
  }

  init().catch((err) => render({ status: 'error', error: { message: String((err && err.message) || err) } }));
})(globalThis);
