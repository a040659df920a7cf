'use strict';
// The service worker's calls to the factlint HTTP API (through lib/client.js), with the user's
// settings: the timeout stays well inside the service worker's 30 s limit.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  const TOKEN_HINT = 'set it in factlint’s Options (Token)';

  // Check `text`; findings are filtered to the severities the user wants to see.
  async function check(text, { published } = {}) {
    const settings = await ns.settings.get();
    const body = { text, format: 'text' };
    if (typeof published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(published)) body.published = published;
    const result = await ns.client.request(settings.serverUrl, '/v1/check', {
      method: 'POST',
      body,
      timeoutSeconds: settings.timeoutSeconds,
      token: settings.token,
      tokenHint: TOKEN_HINT,
    });
    if (!result.ok) return result;
    const data = result.data;
    const findings = (Array.isArray(data.findings) ? data.findings : []).filter((f) => f && typeof f === 'object');
    const shown = (f) => settings.severities.includes(f.severity);
    return {
      ok: true,
      sheet: data.sheet || null,
      sheetTitle: typeof data.sheet_title === 'string' ? data.sheet_title : null,
      applies: data.applies !== false,
      statementsChecked: Number.isInteger(data.statements_checked) ? data.statements_checked : null,
      findings: findings.filter(shown),
      hidden: findings.filter((f) => !shown(f)).length,
    };
  }

  // Is the server at `serverUrl` (default: the saved one) up?
  async function health(serverUrl) {
    const settings = await ns.settings.get();
    const url = (serverUrl && ns.settings.serverOrigin(serverUrl)) || settings.serverUrl;
    const timeoutSeconds = Math.min(5, settings.timeoutSeconds);
    const result = await ns.client.request(url, '/v1/health', { timeoutSeconds });
    return { ...result, serverUrl: url };
  }

  // The options page's "Test": is the server up, and does it take checks with this token? (Health
  // needs no token, so a check of a one-line text is what tells a wrong token.)
  async function test(serverUrl, token) {
    const up = await health(serverUrl);
    if (!up.ok) return up;
    const tried = await ns.client.request(up.serverUrl, '/v1/check', {
      method: 'POST',
      body: { text: 'factlint connection test.', format: 'text' },
      timeoutSeconds: 5,
      token,
      tokenHint: 'check the token below',
    });
    return tried.ok ? { ...up, tokenOk: true } : { ...tried, serverUrl: up.serverUrl, version: up.data.version };
  }

  ns.api = { check, health, test, TOKEN_HINT };
})(globalThis);
