'use strict';
// Chromium's service worker entry. Firefox loads the same files as background "scripts".
importScripts('../lib/settings.js', '../lib/client.js', '../lib/outcome.js', 'api.js', 'tabs.js', 'inject.js', 'main.js');
