'use strict';
// What was found in each tab (kept in storage.session, which outlives the service worker's
// sleeps) and the toolbar badge that shows it.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;

  const COLORS = { error: '#c5221f', warning: '#b06f00', clean: '#1e7e34', idle: '#6e7781' };
  const ERROR_BADGES = { down: 'off', timeout: 'slow' };
  const key = (tabId) => `tab:${tabId}`;

  function badgeFor(state) {
    if (!state) return { text: '', color: COLORS.idle, title: 'factlint: check this page' };
    if (state.status === 'checking') return { text: '…', color: COLORS.idle, title: 'factlint: checking…' };
    if (state.status === 'error') {
      const error = state.error || {};
      return { text: ERROR_BADGES[error.kind] || 'err', color: COLORS.idle, title: `factlint: ${error.message || 'the check failed'}` };
    }
    const findings = state.findings || [];
    const outcome = ns.outcome.summarize(state, 'page');
    const notLocated = findings.filter((f) => !f.located).length;
    const lost = notLocated ? ` (${notLocated} not located)` : '';
    const title = `factlint: ${outcome.headline}${lost}`;
    if (outcome.state === 'offtopic') return { text: '', color: COLORS.idle, title };
    // The badge counts contradictions; a page with only disputed facts shows their count in amber.
    const shown = outcome.errors || outcome.warnings;
    const color = outcome.errors ? COLORS.error : outcome.warnings ? COLORS.warning : COLORS.clean;
    return { text: shown > 999 ? '999+' : String(shown), color, title };
  }

  async function paint(tabId, state) {
    const badge = badgeFor(state);
    try {
      await ext.action.setBadgeText({ tabId, text: badge.text });
      await ext.action.setBadgeBackgroundColor({ tabId, color: badge.color });
      if (ext.action.setBadgeTextColor) await ext.action.setBadgeTextColor({ tabId, color: '#ffffff' });
      await ext.action.setTitle({ tabId, title: badge.title });
    } catch (_) {
      // the tab is gone
    }
  }

  async function get(tabId) {
    const stored = await ext.storage.session.get(key(tabId));
    return stored[key(tabId)] || null;
  }

  async function set(tabId, state) {
    await ext.storage.session.set({ [key(tabId)]: { ...state, tabId, updatedAt: Date.now() } });
    await paint(tabId, state);
  }

  async function clear(tabId) {
    await ext.storage.session.remove(key(tabId));
    await paint(tabId, null);
  }

  // The tab whose last report came from `url` (tests and tools; needs no "tabs" permission).
  async function findByUrl(url) {
    const all = await ext.storage.session.get(null);
    const hit = Object.values(all).find((s) => s && s.url === url);
    return hit ? hit.tabId : null;
  }

  ns.tabs = { get, set, clear, paint, badgeFor, findByUrl };
})(globalThis);
