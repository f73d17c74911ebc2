'use strict';
// Export names of node modules ringjs does not implement yet (from node 20's public API), so
// `require()` of them works and each call throws ERR_NOT_IMPLEMENTED naming the API.
// A module is removed from this table when its real implementation lands.

module.exports = {
 '_stream_wrap': {
  'functions': [],
  'values': [],
  'callable': true
 },
 'async_hooks': {
  'functions': [
   'createHook',
   'executionAsyncId',
   'executionAsyncResource',
   'triggerAsyncId'
  ],
  'values': [
   'asyncWrapProviders'
  ],
  'callable': false
 },
 'crypto': {
  'functions': [
   'Certificate',
   'X509Certificate',
   'setEngine'
  ],
  'values': [
  ],
  'callable': false
 },
 'http2': {
  'functions': [
   'Http2ServerRequest',
   'Http2ServerResponse',
   'connect',
   'createSecureServer',
   'createServer',
   'getDefaultSettings',
   'getPackedSettings',
   'getUnpackedSettings',
   'performServerHandshake'
  ],
  'values': [
   'constants',
   'sensitiveHeaders'
  ],
  'callable': false
 },
 'inspector': {
  'functions': [
   'Session',
   'close',
   'open',
   'url',
   'waitForDebugger'
  ],
  'values': [
   'Network',
   'console'
  ],
  'callable': false
 },
 'inspector/promises': {
  'functions': [
   'Session',
   'close',
   'open',
   'url',
   'waitForDebugger'
  ],
  'values': [
   'Network',
   'console'
  ],
  'callable': false
 },
 'timers/promises': {
  'functions': [
   'setImmediate',
   'setInterval',
   'setTimeout'
  ],
  'values': [
   'scheduler'
  ],
  'callable': false
 },
 'trace_events': {
  'functions': [
   'createTracing',
   'getEnabledCategories'
  ],
  'values': [],
  'callable': false
 },
 'wasi': {
  'functions': [
   'WASI'
  ],
  'values': [],
  'callable': false
 }
};
