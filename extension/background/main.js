'use strict';
// The service worker's message routing and browser events. Content scripts ask it to check text
// (only it may call the API) and report what they drew; the popup asks it to check a tab, for the
// tab's state and for the server's health.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  const ext = global.browser && global.browser.runtime ? global.browser : global.chrome;

  const failure = (err) => ({ ok: false, error: { kind: 'extension', message: String((err && err.message) || err) } });

  async function handle(message, sender) {
    const tabId = sender.tab ? sender.tab.id : message.tabId;
    switch (message.type) {
      case 'factlint:check':
        return ns.api.check(String(message.text || ''), { published: message.published });
      case 'factlint:report':
        if (Number.isInteger(tabId)) await ns.tabs.set(tabId, message.state || {});
        return { ok: true };
      case 'factlint:check-tab':
        return ns.inject.checkTab(message.tabId);
      case 'factlint:get-state':
        return ns.tabs.get(message.tabId);
      case 'factlint:reveal':
        return ext.tabs.sendMessage(message.tabId, { type: 'factlint:reveal', id: message.id });
      case 'factlint:health':
        return ns.api.health(message.serverUrl);
      case 'factlint:test-server':
        return ns.api.test(message.serverUrl, String(message.token || ''));
      case 'factlint:sync-sites':
        return { ok: true, granted: await ns.inject.syncAutoSites() };
      default:
        return { ok: false, error: { kind: 'extension', message: `unknown message ${message.type}` } };
    }
  }

  ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!message || typeof message.type !== 'string' || !message.type.startsWith('factlint:')) return false;
    if (sender.id !== ext.runtime.id) return false;
    if (['factlint:ping', 'factlint:run', 'factlint:state', 'factlint:flush'].includes(message.type)) return false;
    handle(message, sender).then(sendResponse, (err) => sendResponse(failure(err)));
    return true;
  });

  ext.tabs.onRemoved.addListener((tabId) => {
    ext.storage.session.remove(`tab:${tabId}`).catch(() => {});
  });
  ext.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') ns.tabs.clear(tabId).catch(() => {});
  });

  const sync = () => ns.inject.syncAutoSites().catch(() => {});
  ext.runtime.onInstalled.addListener(sync);
  ext.runtime.onStartup.addListener(sync);
  ext.permissions.onAdded.addListener(sync);
  ext.permissions.onRemoved.addListener(sync);
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.autoSites) sync();
  });

  // For tools and tests driving the worker directly (the same calls the popup makes).
  ns.checkTab = (tabId) => ns.inject.checkTab(tabId);
  ns.getState = (tabId) => ns.tabs.get(tabId);
  ns.flushTab = (tabId) => ext.tabs.sendMessage(tabId, { type: 'factlint:flush' });
  ns.badge = async (tabId) => ({
    text: await ext.action.getBadgeText({ tabId }),
    title: await ext.action.getTitle({ tabId }),
  });
  // The tab showing `url`: visible to us once the user clicked the button there (activeTab), else
  // the tab whose last report came from that page.
  ns.findTab = async (url) => {
    const tabs = await ext.tabs.query({}).catch(() => []);
    const tab = tabs.find((t) => t.url === url);
    return tab ? tab.id : ns.tabs.findByUrl(url);
  };
})(globalThis);
