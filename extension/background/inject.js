'use strict';
// Puts the content script into a tab: on demand (the toolbar button, with activeTab) or, for the
// sites the user chose, automatically (a registered content script, with an optional host
// permission the user granted on the options page).
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;

  const CONTENT_JS = [
    'lib/dom.js', 'lib/finding.js', 'lib/textmap.js', 'lib/fuzzy.js', 'lib/anchor.js',
    'content/highlight.js', 'content/card.js', 'content/hover.js', 'content/observer.js', 'content/main.js',
  ];  // prettier-ignore
  const CONTENT_CSS = ['content/highlight.css'];
  const AUTO_ID = 'factlint-auto';

  async function ping(tabId) {
    try {
      const answer = await ext.tabs.sendMessage(tabId, { type: 'factlint:ping' });
      return !!(answer && answer.ok);
    } catch (_) {
      return false;
    }
  }

  async function ensureInjected(tabId) {
    if (await ping(tabId)) return;
    await ext.scripting.insertCSS({ target: { tabId }, files: CONTENT_CSS });
    await ext.scripting.executeScript({ target: { tabId }, files: CONTENT_JS });
  }

  // Check the page in `tabId` now; resolves to the tab's state once the check is done.
  async function checkTab(tabId) {
    try {
      await ensureInjected(tabId);
    } catch (err) {
      const state = {
        status: 'error',
        error: { kind: 'page', message: `factlint cannot read this page (${(err && err.message) || err})` },
        findings: [],
      };
      await ns.tabs.set(tabId, state);
      return state;
    }
    return ext.tabs.sendMessage(tabId, { type: 'factlint:run' });
  }

  // Register the automatic content script for the auto-check sites whose permission is granted.
  async function syncAutoSites() {
    const { autoSites } = await ns.settings.get();
    const granted = [];
    for (const pattern of autoSites.map(ns.settings.sitePattern).filter(Boolean)) {
      try {
        if (await ext.permissions.contains({ origins: [pattern] })) granted.push(pattern);
      } catch (_) {
        // an invalid pattern: leave it out
      }
    }
    try {
      await ext.scripting.unregisterContentScripts({ ids: [AUTO_ID] });
    } catch (_) {
      // nothing was registered
    }
    if (granted.length) {
      await ext.scripting.registerContentScripts([
        { id: AUTO_ID, matches: granted, js: [...CONTENT_JS, 'content/auto.js'], css: CONTENT_CSS, runAt: 'document_idle' },
      ]);
    }
    return granted;
  }

  ns.inject = { CONTENT_JS, CONTENT_CSS, ensureInjected, checkTab, syncAutoSites };
})(globalThis);
