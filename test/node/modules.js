'use strict';
// Which test/parallel files belong to which node module, and which modules ringjs claims.
// make-list.js reads both; the list file it writes carries the grouping, so the runner does not.
//
// A module "lands" by adding its name to CLAIMED (or passing --modules to make-list.js) and
// regenerating the list: `node test/node/make-list.js`.

// First match wins, so narrower patterns come first (http2 before http).
const MODULES = [
  ['assert', /^test-assert\b/],
  ['buffer', /^test-(buffer|blob|btoa-atob|stringbytes)\b|^test-file\.js$/],
  ['console', /^test-console\b/],
  ['events', /^test-(events?|event-emitter|eventemitter)\b/],
  ['fs', /^test-(fs|file|filehandle)\b/],
  ['path', /^test-path\b/],
  ['process', /^test-(process|next-tick)\b/],
  ['querystring', /^test-querystring\b/],
  ['stream/web', /^test-(whatwg-webstreams|whatwg-readablestream|whatwg-writablestream|whatwg-transformstream|webstreams?)\b/],
  ['stream', /^test-(stream|stream2|stream3|streams|readable)\b/],
  ['string_decoder', /^test-string-decoder\b/],
  ['timers', /^test-(timers|timer)\b/],
  ['url', /^test-(url|whatwg-url)\b/],
  ['util', /^test-(util|sys)\b/],
  ['module', /^test-(module|require)\b/],
  ['os', /^test-os\b/],
  // Not claimed yet: listed here so that claiming one is a one-word change.
  ['http2', /^test-http2\b/],
  ['https', /^test-https\b/],
  ['http', /^test-http\b/],
  ['net', /^test-(net|tcp|socket)\b/],
  ['dgram', /^test-dgram\b/],
  ['dns', /^test-dns\b/],
  ['crypto', /^test-(crypto|webcrypto)\b/],
  ['zlib', /^test-zlib\b/],
  ['child_process', /^test-child-process\b/],
  ['worker_threads', /^test-worker\b/],
  ['readline', /^test-readline\b/],
  ['tls', /^test-tls\b/],
  ['vm', /^test-vm\b/],
  ['v8', /^test-v8\b/],
  ['perf_hooks', /^test-(perf-hooks|performance|performanceobserver)\b/],
  ['async_hooks', /^test-(async-hooks|async-local-storage|asyncresource)\b/],
  ['diagnostics_channel', /^test-diagnostics-channel\b/],
  ['domain', /^test-domain\b/],
  ['cluster', /^test-cluster\b/],
  ['repl', /^test-repl\b/],
  ['punycode', /^test-punycode\b/],
  ['tty', /^test-(tty|ttywrap)\b/],
];

const CLAIMED = [
  'assert', 'buffer', 'console', 'events', 'fs', 'path', 'process', 'querystring', 'stream',
  'string_decoder', 'timers', 'url', 'util', 'module', 'os', 'child_process',
  'http', 'net', 'dgram', 'dns', 'crypto', 'zlib', 'readline', 'perf_hooks', 'punycode', 'tty',
  'vm', 'stream/web', 'tls', 'https', 'worker_threads', 'v8', 'diagnostics_channel',
  'async_hooks', 'repl', 'cluster', 'domain',
];

function moduleOf(file) {
  for (const [name, re] of MODULES) {
    if (re.test(file)) return name;
  }
  return null;
}

module.exports = { MODULES, CLAIMED, moduleOf };
