'use strict';
// Talks to the factlint HTTP API. Every request has a timeout (AbortController) well inside the
// service worker's 30 s limit, and every failure becomes a plain {ok: false, error} value:
// kind 'down' (nothing answers), 'timeout' (too slow) or 'http' (the server said no).
(function (global) {
  const ns = (global.factlint = global.factlint || {});

  async function request(serverUrl, path, { method = 'GET', body, timeoutSeconds = 20, token = '' } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
    const headers = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      const response = await fetch(`${serverUrl}${path}`, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      let data = null;
      try {
        data = await response.json();
      } catch (_) {
        if (controller.signal.aborted) throw _;
      }
      if (!response.ok) {
        const error = (data && data.error) || {};
        return {
          ok: false,
          error: {
            kind: 'http',
            status: response.status,
            code: error.code || null,
            message: `the server answered ${response.status}: ${error.message || response.statusText || 'error'}`,
          },
        };
      }
      if (!data || typeof data !== 'object') {
        return { ok: false, error: { kind: 'http', status: response.status, message: 'the server did not answer with JSON' } };
      }
      return { ok: true, data };
    } catch (_) {
      if (controller.signal.aborted) {
        return { ok: false, error: { kind: 'timeout', message: `the factlint server at ${serverUrl} did not answer within ${timeoutSeconds} s` } };
      }
      return { ok: false, error: { kind: 'down', message: `cannot reach the factlint server at ${serverUrl} (start it with "factlint serve")` } };
    } finally {
      clearTimeout(timer);
    }
  }

  // Check `text`; findings are filtered to the severities the user wants to see.
  async function check(text, { published } = {}) {
    const settings = await ns.settings.get();
    const body = { text, format: 'text' };
    if (typeof published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(published)) body.published = published;
    const result = await request(settings.serverUrl, '/v1/check', {
      method: 'POST',
      body,
      timeoutSeconds: settings.timeoutSeconds,
      token: settings.token,
    });
    if (!result.ok) return result;
    const findings = Array.isArray(result.data.findings) ? result.data.findings : [];
    return {
      ok: true,
      sheet: result.data.sheet || null,
      findings: findings.filter((f) => f && settings.severities.includes(f.severity)),
      hidden: findings.filter((f) => f && !settings.severities.includes(f.severity)).length,
    };
  }

  // Is the server at `serverUrl` (default: the saved one) up?
  async function health(serverUrl) {
    const settings = await ns.settings.get();
    const url = (serverUrl && ns.settings.serverOrigin(serverUrl)) || settings.serverUrl;
    const result = await request(url, '/v1/health', { timeoutSeconds: Math.min(5, settings.timeoutSeconds), token: settings.token });
    return { ...result, serverUrl: url };
  }

  ns.api = { request, check, health };
})(globalThis);
