'use strict';
// node:constants (deprecated): os errno/signal/priority/dlopen constants and fs constants flat.

const { os, fs } = internalBinding('constants');

module.exports = {};
Object.assign(module.exports, os.dlopen, os.errno, os.priority, os.signals, fs);
Object.freeze(module.exports);
