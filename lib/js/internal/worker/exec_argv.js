'use strict';
// Which command-line options a Worker accepts in options.execArgv and in its env's NODE_OPTIONS.
// A worker shares its process and its V8 with the main thread, so options that configure either
// (the title, the heap, V8 flags, OpenSSL, reports, ...) are refused, as are unknown ones:
// new Worker() throws ERR_WORKER_INVALID_EXEC_ARGV instead of starting the thread.

const { ERR_WORKER_INVALID_EXEC_ARGV } = require('internal/errors').codes;

// Options NODE_OPTIONS allows that belong to the whole process (node's per-process and V8
// options), compared without a leading `--no-`.
const kProcessWide = new Set([
  '--abort-on-uncaught-exception', '--debug-arraybuffer-allocations', '--disable-proto',
  '--disable-wasm-trap-handler', '--disallow-code-generation-from-strings',
  '--enable-etw-stack-walking', '--enable-fips', '--experimental-shadow-realm', '--expose-gc',
  '--force-fips', '--huge-max-old-generation-size', '--icu-data-dir',
  '--interpreted-frames-native-stack', '--jitless', '--max-old-space-size',
  '--max-semi-space-size', '--node-memory-debug', '--node-snapshot', '--openssl-config',
  '--openssl-legacy-provider', '--openssl-shared-config', '--perf-basic-prof',
  '--perf-basic-prof-only-functions', '--perf-prof', '--perf-prof-unwinding-info',
  '--report-compact', '--report-dir', '--report-directory', '--report-filename',
  '--report-on-fatalerror', '--secure-heap', '--secure-heap-min', '--snapshot-blob',
  '--stack-trace-limit', '--title', '--tls-cipher-list', '--trace-event-categories',
  '--trace-event-file-pattern', '--trace-events-enabled', '--trace-sigint', '--use-bundled-ca',
  '--use-largepages', '--use-openssl-ca', '--v8-pool-size', '--zero-fill-buffers', '--watch',
  '--stack-size',
]);

// Per-thread options that NODE_OPTIONS does not allow but a worker's execArgv does.
const kWorkerOnly = new Set([
  '--expose-internals', '--eval', '-e', '--print', '-p', '--inspect-brk', '--trace-uncaught',
  '--experimental-permission', '--check', '-c', '--interactive', '-i',
]);

// Options that take a value (`--require x` or `--require=x`).
const kTakesValue = new Set([
  '--allow-fs-read', '--allow-fs-write', '--conditions', '-C', '--debug-port',
  '--diagnostic-dir', '--disable-warning', '--dns-result-order', '--experimental-default-type',
  '--experimental-loader', '--loader', '--experimental-policy', '--heap-prof-dir',
  '--heap-prof-interval', '--heap-prof-name', '--heapsnapshot-near-heap-limit',
  '--heapsnapshot-signal', '--import', '--input-type', '--inspect-port',
  '--inspect-publish-uid', '--max-http-header-size',
  '--network-family-autoselection-attempt-timeout', '--policy-integrity', '--redirect-warnings',
  '--report-signal', '--require', '-r', '--test-reporter', '--test-reporter-destination',
  '--test-shard', '--tls-keylog', '--trace-require-module', '--unhandled-rejections',
  '--watch-path', '--eval', '-e', '--print', '-p',
]);

function baseName(flag) {
  const name = flag.replace(/_/g, '-');
  return name.startsWith('--no-') ? `--${name.slice(5)}` : name;
}

function isKnown(name) {
  const base = baseName(name);
  const allowed = process.allowedNodeEnvironmentFlags;
  return allowed.has(name) || allowed.has(base) || kWorkerOnly.has(base) ||
    kProcessWide.has(base);
}

// Throws for options a worker cannot take; returns how many leading entries are options (the
// worker's process.execArgv, as node drops `--` and everything after the options).
function validateExecArgv(execArgv) {
  const invalid = [];
  let i = 0;
  for (; i < execArgv.length; i++) {
    const arg = execArgv[i];
    // Options end at `--` or at the first argument that is not one.
    if (arg === '--' || !arg.startsWith('-')) break;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!isKnown(name) || kProcessWide.has(baseName(name))) {
      invalid.push(arg);
      continue;
    }
    if (equals === -1 && kTakesValue.has(name)) {
      if (i + 1 >= execArgv.length) {
        throw new ERR_WORKER_INVALID_EXEC_ARGV([`${name} requires an argument`]);
      }
      i++;
    }
  }
  if (invalid.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(invalid);
  return i;
}

function validateNodeOptions(nodeOptions) {
  for (const arg of nodeOptions.split(/\s+/)) {
    if (!arg.startsWith('-')) continue;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (process.allowedNodeEnvironmentFlags.has(name) && !kProcessWide.has(baseName(name))) {
      continue;
    }
    throw new ERR_WORKER_INVALID_EXEC_ARGV(
      [`${equals === -1 ? name : arg.slice(0, equals + 1)} is not allowed in NODE_OPTIONS`],
      'invalid NODE_OPTIONS env variable');
  }
}

module.exports = { validateExecArgv, validateNodeOptions };
