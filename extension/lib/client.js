'use strict';
// The one client of factlint's HTTP API, for the extension's service worker and the server's page
// at /. Every request has a timeout (AbortController), and every failure becomes a plain
// {ok: false, error} value: kind 'down' (nothing answers), 'timeout' (too slow), 'auth' (the token
// is missing or wrong) or 'http' (the server said no). Messages are for readers; callers add where
// to set the token (`tokenHint`), since the extension and the page at / keep it in different places.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.client) return;

  function failure(kind, message, extra) {
    return { ok: false, error: { kind, message, ...(extra || {}) } };
  }

  function refused(status, data, { token, tokenHint }) {
    const error = (data && data.error) || {};
    if (status === 401) {
      const why = token ? 'the server did not accept the access token' : 'the server needs an access token';
      return failure('auth', tokenHint ? `${why}: ${tokenHint}` : why, { status, code: error.code || null });
    }
    const said = error.message || 'error';
    return failure('http', `the server answered ${status}: ${said}`, { status, code: error.code || null });
  }

  // options: {method, body (sent as JSON), timeoutSeconds, token, tokenHint, where (for messages)}
  async function request(serverUrl, path, options = {}) {
    const { method = 'GET', body, timeoutSeconds = 20, token = '', where = serverUrl || 'this address' } = options;
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
      } catch (err) {
        if (controller.signal.aborted) throw err;
      }
      if (!response.ok) return refused(response.status, data, options);
      if (!data || typeof data !== 'object') {
        return failure('http', 'the server did not answer with JSON', { status: response.status });
      }
      return { ok: true, data };
    } catch (_) {
      if (controller.signal.aborted) {
        return failure('timeout', `the factlint server at ${where} did not answer within ${timeoutSeconds} s`);
      }
      return failure('down', `cannot reach the factlint server at ${where} (start it with "factlint serve")`);
    } finally {
      clearTimeout(timer);
    }
  }

  ns.client = { request };
})(globalThis);
