'use strict';
// The options page: server URL, auto-check sites (asking for their optional host permission on
// save, which is a user gesture), which severities to show, and the request timeout.
(function () {
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const settings = globalThis.factlint.settings;
  const form = document.getElementById('form');
  const $ = (id) => document.getElementById(id);

  function say(id, text, kind) {
    const node = $(id);
    node.textContent = text;
    node.className = `status ${kind || ''}`;
  }

  async function load() {
    const values = await settings.get();
    $('server-url').value = values.serverUrl;
    $('auto-sites').value = values.autoSites.join('\n');
    for (const box of form.elements.severity) box.checked = values.severities.includes(box.value);
    $('timeout').value = String(values.timeoutSeconds);
  }

  function read() {
    const lines = $('auto-sites').value.split('\n').map((s) => s.trim()).filter(Boolean);
    return {
      serverUrl: $('server-url').value,
      autoSites: lines,
      badSites: lines.filter((s) => !settings.sitePattern(s)),
      severities: [...form.elements.severity].filter((b) => b.checked).map((b) => b.value),
      timeoutSeconds: Number($('timeout').value),
    };
  }

  // Ask for what the new settings need: the server's origin (if it is not the default one) and
  // the auto-check sites. The browser shows one prompt; refusing keeps the settings but those
  // sites are not checked automatically.
  async function requestPermissions(values) {
    const origins = values.autoSites.map(settings.sitePattern).filter(Boolean);
    const server = settings.serverOrigin(values.serverUrl);
    if (server) {
      const url = new URL(server);
      origins.push(`${url.protocol}//${url.hostname}/*`);
    }
    if (!origins.length) return true;
    try {
      return await ext.permissions.request({ origins });
    } catch (_) {
      return false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = read();
    if (!settings.serverOrigin(values.serverUrl)) {
      say('saved', 'The server must be an http:// or https:// address.', 'bad');
      return;
    }
    if (values.badSites.length) {
      say('saved', `Not a site: ${values.badSites.join(', ')}`, 'bad');
      return;
    }
    const granted = await requestPermissions(values);
    const saved = await settings.set(values);
    await ext.runtime.sendMessage({ type: 'factlint:sync-sites' }).catch(() => null);
    await load();
    const note = granted ? 'Saved.' : 'Saved, but permission was refused: those sites are checked only on request.';
    say('saved', note, granted ? 'ok' : 'bad');
    return saved;
  });

  $('test').addEventListener('click', async () => {
    say('server-status', 'Asking…');
    const url = settings.serverOrigin($('server-url').value);
    if (!url) {
      say('server-status', 'Not an http:// or https:// address.', 'bad');
      return;
    }
    const result = await ext.runtime.sendMessage({ type: 'factlint:health', serverUrl: url }).catch(() => null);
    if (result && result.ok) {
      say('server-status', `OK: ${result.serverUrl} answers (version ${result.data.version || '?'}).`, 'ok');
    } else {
      say('server-status', (result && result.error && result.error.message) || 'No answer.', 'bad');
    }
  });

  load();
})();
