'use strict';
// Web-platform globals node 20 has. Each loads lazily from the module that implements it;
// ones whose module has not landed yet are simply absent.

const { defineLazyGlobal } = require('internal/bootstrap/globals');
const { BuiltinModule } = require('internal/bootstrap/realm');

// Modules still served by internal/not_implemented would give globals that throw when read.
const stubExports = require('internal/stub_exports');

// node 20's switches that take web globals away again (their positive forms are no-ops).
const { execArgv } = process;
const withoutFetch = execArgv.includes('--no-experimental-fetch');
const withoutWebCrypto = execArgv.includes('--no-experimental-global-webcrypto');
const withoutCustomEvent = execArgv.includes('--no-experimental-global-customevent');

function lazyFrom(id, ...names) {
  if (!BuiltinModule.exists(id) || stubExports[id] !== undefined) return;
  for (const name of names) defineLazyGlobal(name, () => require(id)[name]);
}

lazyFrom('internal/event_target', 'EventTarget', 'Event');
if (!withoutCustomEvent) lazyFrom('internal/event_target', 'CustomEvent');
lazyFrom('internal/abort_controller', 'AbortController', 'AbortSignal');
lazyFrom('internal/per_context/domexception', 'DOMException');
lazyFrom('buffer', 'Buffer', 'atob', 'btoa', 'Blob');
lazyFrom('internal/url', 'URL', 'URLSearchParams');
lazyFrom('internal/encoding', 'TextEncoder', 'TextDecoder');
lazyFrom('internal/structured_clone', 'structuredClone');
lazyFrom('internal/worker/io', 'MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel');
lazyFrom('perf_hooks', 'performance');
if (!withoutWebCrypto) {
  lazyFrom('internal/crypto/webcrypto', 'crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto');
}
lazyFrom('stream/web',
         'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
         'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
         'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
         'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
         'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
         'TextDecoderStream', 'CompressionStream', 'DecompressionStream');
lazyFrom('buffer', 'File');
if (!withoutFetch) {
  lazyFrom('internal/fetch/headers', 'Headers');
  lazyFrom('internal/fetch/request', 'Request');
  lazyFrom('internal/fetch/response', 'Response');
  lazyFrom('internal/fetch/form_data', 'FormData');
  // node's fetch is a plain function that loads its implementation on the first call.
  require('internal/bootstrap/globals').defineOperation(globalThis, 'fetch',
    function fetch(input, init = undefined) {
      return require('internal/fetch/fetch').fetch(input, init);
    });
}
