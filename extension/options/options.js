'use strict';
// The options page: server address, time limit, auto-check sites (each one an optional host
// permission the browser asks the user for) and the severities to show.
(function (global) {
  const ns = global.factlint;
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;
  const $ = (id) => document.getElementById(id);
  let saved = ns.settings.DEFAULTS;

  function note(id, text, bad) {
    $(id).textContent = text;
    $(id).classList.toggle('bad', !!bad);
  }

  function fill(settings) {
    saved = settings;
    $('serverUrl').value = settings.serverUrl;
    $('timeoutSeconds').value = String(settings.timeoutSeconds);
    $('token').value = settings.token;
    $('autoSites').value = settings.autoSites.join('\n');
    for (const box of document.querySelectorAll('input[name=severity]')) box.checked = settings.severities.includes(box.value);
  }

  function read() {
    const sites = $('autoSites').value.split(/\s*\n\s*/).map((s) => s.trim()).filter(Boolean);
    return {
      serverUrl: $('serverUrl').value,
      timeoutSeconds: Number($('timeoutSeconds').value),
      token: $('token').value,
      autoSites: sites,
      severities: [...document.querySelectorAll('input[name=severity]:checked')].map((box) => box.value),
    };
  }

  // Asks the server as the form now stands (address and token), before they are saved.
  async function testServer() {
    note('server-status', 'Asking the server…');
    const origin = ns.settings.serverOrigin($('serverUrl').value);
    if (!origin) return note('server-status', 'This is not an http:// or https:// address.', true);
    const token = $('token').value.trim();
    const answer = await ext.runtime
      .sendMessage({ type: 'factlint:test-server', serverUrl: origin, token })
      .catch(() => null);
    if (answer && answer.ok) {
      const how = token ? 'it accepts this token' : 'it needs no token';
      return note('server-status', `OK: factlint ${answer.data.version} at ${answer.serverUrl} checks text; ${how}.`);
    }
    const message = (answer && answer.error && answer.error.message) || 'No answer.';
    if (answer && answer.error && answer.error.kind === 'auth') {
      return note('server-status', `The server at ${answer.serverUrl} is running, but ${message}.`, true);
    }
    return note('server-status', `${message[0].toUpperCase()}${message.slice(1)}.`, true);
  }

  // Called straight from the submit event: permissions.request() needs the user's gesture.
  function onSubmit(event) {
    event.preventDefault();
    const values = read();
    const bad = values.autoSites.filter((s) => !ns.settings.sitePattern(s));
    if (!ns.settings.serverOrigin(values.serverUrl)) return note('saved', 'The server address must be an http(s) URL.', true);
    if (bad.length) return note('sites-status', `Not a site name: ${bad.join(', ')}`, true);
    if (!values.severities.length) return note('saved', 'Choose at least one kind of finding to show.', true);
    const wanted = [...new Set(values.autoSites.map(ns.settings.sitePattern))];
    const dropped = saved.autoSites.map(ns.settings.sitePattern).filter((p) => p && !wanted.includes(p));
    const asked = wanted.length ? ext.permissions.request({ origins: wanted }) : Promise.resolve(true);
    asked
      .catch(() => false)
      .then(async (granted) => {
        if (dropped.length) await ext.permissions.remove({ origins: dropped }).catch(() => false);
        fill(await ns.settings.set(values));
        const answer = await ext.runtime.sendMessage({ type: 'factlint:sync-sites' }).catch(() => null);
        const active = (answer && answer.granted) || [];
        note('sites-status', wanted.length
          ? `${active.length} of ${wanted.length} sites allowed${granted ? '' : ' (the browser did not grant the others)'}.`
          : '');
        note('saved', 'Saved.');
      })
      .catch((err) => note('saved', `Not saved: ${(err && err.message) || err}`, true));
  }

  async function init() {
    fill(await ns.settings.get());
    $('form').addEventListener('submit', onSubmit);
    $('test').addEventListener('click', testServer);
  }

  init();
})(globalThis);
