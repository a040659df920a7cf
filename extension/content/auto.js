'use strict';
// Registered for the sites the user chose to check automatically: check once the page is idle.
globalThis.factlint.content.run();
