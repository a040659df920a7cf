'use strict';
// The user's settings (options page) with their defaults, shared by the service worker and the
// options page. normalize() and sitePattern() are pure; get() and set() use extension storage.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.settings) return;

  const DEFAULTS = Object.freeze({
    serverUrl: 'http://127.0.0.1:8000',
    autoSites: [],
    severities: ['error', 'warning'],
    timeoutSeconds: 20, // below the service worker's 30 s limit for one request
    token: '', // only for a server started with --token
  });
  const SEVERITIES = ['error', 'warning'];

  const ext = () => (global.browser && global.browser.storage ? global.browser : global.chrome);

  // "http://127.0.0.1:8000/" -> "http://127.0.0.1:8000"; null if not an http(s) URL.
  function serverOrigin(value) {
    try {
      const url = new URL(String(value).trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    } catch (_) {
      return null;
    }
  }

  // A site as the user types it ("example.com", "*.example.com", "https://news.example.com/x")
  // -> a match pattern ("*://example.com/*"), or null if it is not a host name.
  function sitePattern(value) {
    let site = String(value || '').trim().toLowerCase();
    if (!site) return null;
    let scheme = '*';
    const m = /^(https?|\*):\/\/(.*)$/.exec(site);
    if (m) {
      scheme = m[1];
      site = m[2];
    }
    site = site.split(/[/?#]/)[0];
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/.test(site)) return null;
    return `${scheme}://${site.replace(/:\d+$/, '')}/*`;
  }

  function normalize(values) {
    const v = { ...DEFAULTS, ...(values || {}) };
    const timeout = Number(v.timeoutSeconds);
    return {
      serverUrl: serverOrigin(v.serverUrl) || DEFAULTS.serverUrl,
      autoSites: (Array.isArray(v.autoSites) ? v.autoSites : []).map(String).filter((s) => sitePattern(s)),
      severities: (Array.isArray(v.severities) ? v.severities : SEVERITIES).filter((s) => SEVERITIES.includes(s)),
      timeoutSeconds: Number.isFinite(timeout) ? Math.min(25, Math.max(1, timeout)) : DEFAULTS.timeoutSeconds,
      token: /^[!-~]+$/.test(String(v.token || '').trim()) ? String(v.token).trim() : '',
    };
  }

  async function get() {
    return normalize(await ext().storage.local.get(Object.keys(DEFAULTS)));
  }

  async function set(values) {
    const next = normalize({ ...(await get()), ...values });
    await ext().storage.local.set(next);
    return next;
  }

  ns.settings = { DEFAULTS, SEVERITIES, get, set, normalize, sitePattern, serverOrigin };
})(globalThis);
