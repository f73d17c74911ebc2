'use strict';
// The hot forms of a few operations, beside their rows in the operation table (ops.js): the
// table's generic argument handling (rest arguments, callback search, Step objects, a closure
// per call) costs more than the call itself for stat and readFile. Each fast form takes only
// the plain argument shapes and checks them as the row does; every other shape goes to the row,
// so errors and edge cases stay the table's.

const { FastBuffer } = require('internal/buffer');
const {
  codes: { ERR_FS_FILE_TOO_LARGE }, uvException,
} = require('internal/errors');
const { toNativeFd, toPath } = require('internal/fs/args');
const { named } = require('internal/fs/run');
const { kStatFields, statsFromArray } = require('internal/fs/stats');
const { callback, promise } = require('internal/fs/ops');
const { runNextTicks } = require('internal/process/task_queues');

const binding = internalBinding('fs');
const { kCachedStatError, kCachedStatStride, kUsePromises } = binding;
const { O_RDONLY } = internalBinding('constants').fs;

binding.setReadFileHooks(FastBuffer.prototype, (size) => new ERR_FS_FILE_TOO_LARGE(size));

const {
  state: asyncContext, bindToCurrent: bindToCurrentAsyncContext,
} = require('internal/async_context_frame');

// The request of a fast stat: a plain object (the binding only needs an object with an
// oncomplete), which costs far less to make than an FSReqCallback from a C++ template.
class StatRequest {
  constructor(callback) {
    this.callback = callback;
  }

  // Called with this === the request.
  oncomplete(err, value) {
    const cb = this.callback;
    if (err) return cb(err);
    cb(null, statsFromArray(value));
  }
}

// The callbacks of the stats the binding answered from the kernel's caches
// (src/bindings/fs_stat_batch.h), in call order: those queued since the last delivery, and the
// batch being delivered (kept while a callback's throw is reported, so the next call goes on
// after it). Two arrays take turns, so a batch's array is reused. An answer's tag tells a
// bigint stat and a promise's resolve function (called with the Stats alone) from a callback;
// a failed answer's entry is a FailedStat.
const kTagBigInt = 1;
const kTagPromise = 2;
const kQueued = 1;
const kQueuedError = 2;
let queuedStatCallbacks = [];
let spareStatCallbacks = [];
let deliveringStatCallbacks = null;
let nextStatCallback = 0;

// A cached answer that is an error: the callback (or the promise's reject) and what the error
// names.
class FailedStat {
  constructor(callback, syscall, path) {
    this.callback = callback;
    this.syscall = syscall;
    this.path = path;
  }

  error(errno) {
    // code first (filled in by uvException) for node's key order: errno, code, syscall, path.
    const err = uvException({ errno, code: undefined, syscall: this.syscall, path: this.path });
    // No stack frames, as for an error the binding makes.
    Error.captureStackTrace(err, deliverCachedStats);
    return err;
  }
}

function deliverCachedStats(values, bigintValues) {
  if (deliveringStatCallbacks === null) {
    deliveringStatCallbacks = queuedStatCallbacks;
    queuedStatCallbacks = spareStatCallbacks;
    nextStatCallback = 0;
  }
  const callbacks = deliveringStatCallbacks;
  while (nextStatCallback < callbacks.length) {
    const i = nextStatCallback++;
    const at = i * kCachedStatStride;
    const tag = values[at + kStatFields];
    const cb = callbacks[i];
    callbacks[i] = undefined;
    if ((tag & kCachedStatError) !== 0) {
      cb.callback(cb.error(values[at]));
    } else if ((tag & kTagPromise) === 0) {
      cb(null, statsFromArray((tag & kTagBigInt) === 0 ? values : bigintValues, at));
    } else {
      cb(statsFromArray((tag & kTagBigInt) === 0 ? values : bigintValues, at));
    }
    // What closing one callback scope per callback would do.
    runNextTicks();
  }
  callbacks.length = 0;
  spareStatCallbacks = callbacks;
  deliveringStatCallbacks = null;
}
binding.setStatDelivery(deliverCachedStats);

// The arguments of a call as far as they can be told apart without `arguments` (whose use would
// make every call allocate it until the function is optimized): trailing undefineds dropped,
// which node's fs functions do not distinguish either.
function givenArguments(a, b, c) {
  if (c !== undefined) return [a, b, c];
  if (b !== undefined) return [a, b];
  if (a !== undefined) return [a];
  return [];
}

// stat(path, cb) / stat(path, options, cb), and lstat and fstat likewise.
function fastStat(name, check) {
  const row = callback[name];
  const fn = binding[name];
  const fromCache = binding[`${name}IfCached`];
  callback[name] = named(function(target, options, cb) {
    if (typeof options === 'function') {
      if (cb !== undefined || typeof target === 'function') {
        return Reflect.apply(row, this, givenArguments(target, options, cb));
      }
      cb = options;
      options = undefined;
    } else if (typeof cb !== 'function' || typeof target === 'function') {
      return Reflect.apply(row, this, givenArguments(target, options, cb));
    }
    target = check(target);
    const bigint = options === undefined ? false : options.bigint === true;  // null throws, as the row
    if (asyncContext.enabled) cb = bindToCurrentAsyncContext(cb);
    const queued = fromCache(target, bigint ? kTagBigInt : 0);
    if (queued === kQueued) {
      queuedStatCallbacks.push(cb);
    } else if (queued === kQueuedError) {
      queuedStatCallbacks.push(new FailedStat(cb, name, target));
    } else {
      fn(target, bigint, new StatRequest(cb));
    }
  }, name, row.length);
}

fastStat('stat', toPath);
fastStat('lstat', toPath);
fastStat('fstat', toNativeFd);

let resolveNewPromise;
let rejectNewPromise;
const keepResolvers = (resolve, reject) => {
  resolveNewPromise = resolve;
  rejectNewPromise = reject;
};

// fs.promises.stat(path) / stat(path, options), and lstat likewise, of a path string: a cached
// answer comes with the batch (one promise, resolved from JS; no native request or promise).
// Every other shape and answer goes to the row.
function fastPromiseStat(name) {
  const row = promise[name];
  const fromCache = binding[`${name}IfCached`];
  promise[name] = named(function(target, options) {
    if (typeof target !== 'string' ||
        (options !== undefined && (typeof options !== 'object' || options === null))) {
      return Reflect.apply(row, this, givenArguments(target, options));
    }
    let path;
    try {
      path = toPath(target);
    } catch {
      return Reflect.apply(row, this, givenArguments(target, options));
    }
    const tag = options !== undefined && options.bigint === true ? kTagPromise | kTagBigInt
                                                                  : kTagPromise;
    const queued = fromCache(path, tag);
    if (queued !== kQueued && queued !== kQueuedError) {
      return Reflect.apply(row, this, givenArguments(target, options));
    }
    const result = new Promise(keepResolvers);
    queuedStatCallbacks.push(queued === kQueued ? resolveNewPromise
                                                : new FailedStat(rejectNewPromise, name, path));
    return result;
  }, name, row.length);
}

fastPromiseStat('stat');
fastPromiseStat('lstat');

// fs.promises.readFile(path) of a path string: the binding's promise is the result (it resolves
// with a Buffer and rejects with node's errors itself).
const readFileRow = promise.readFile;
promise.readFile = named(function readFile(path, options) {
  if (options !== undefined || typeof path !== 'string') {
    return Reflect.apply(readFileRow, this, givenArguments(path, options));
  }
  try {
    path = toPath(path);
  } catch (err) {
    return Promise.reject(err);
  }
  return binding.readFileAll(path, O_RDONLY, kUsePromises, undefined, true);
}, 'readFile', readFileRow.length);
