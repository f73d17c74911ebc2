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
const { statsFromArray, statsFromBatch } = require('internal/fs/stats');
const { callback, promise } = require('internal/fs/ops');
const { runNextTicks } = require('internal/process/task_queues');

const binding = internalBinding('fs');
const {
  kStatStride, kStatTagBigInt, kStatTagLstat, kStatTagFstat, kStatTagError, kStatTagInt32s,
  kStatAtTimes, kStatAtIntegers, kStatAtInt32s, kUsePromises,
} = binding;
const { O_RDONLY } = internalBinding('constants').fs;

binding.setReadFileHooks(FastBuffer.prototype, (size) => new ERR_FS_FILE_TOO_LARGE(size));

const {
  state: asyncContext, bindToCurrent: bindToCurrentAsyncContext,
} = require('internal/async_context_frame');

// The stats queued to the binding (src/bindings/fs_stat_batch.h), in call order from
// statHead on, three entries each: the callback (or a promise's resolve, called with the Stats
// alone), what the call named (for an error) and a promise's reject. One array and one push per
// call keep the code V8 inlines into a caller's loop small. The answers come back in the same
// order. An answer's tag says bigint, promise, and which call it was.
const kTagPromise = 2;
const statQueue = [];
let statHead = 0;
// The chunk being delivered: answers left and the next one's index (kept while a callback's
// throw is reported, so the next call goes on after it).
let chunkLeft = 0;
let chunkNext = 0;

function statError(errno, tag, target) {
  const syscall = (tag & kStatTagFstat) !== 0 ? 'fstat' :
    (tag & kStatTagLstat) !== 0 ? 'lstat' : 'stat';
  // code first (filled in by uvException) for node's key order: errno, code, syscall, path.
  const err = (tag & kStatTagFstat) !== 0 ?
    uvException({ errno, code: undefined, syscall }) :
    uvException({ errno, code: undefined, syscall, path: target });
  // No stack frames, as for an error the binding makes.
  Error.captureStackTrace(err, deliverStats);
  return err;
}

function deliverStats(values, bigintValues, int32Values, count) {
  if (count !== 0) {
    chunkLeft = count;
    chunkNext = 0;
  }
  while (chunkLeft !== 0) {
    chunkLeft--;
    const at = kStatStride * chunkNext++;
    const i = statHead;
    statHead += 3;
    const cb = statQueue[i];
    const tag = values[at];
    if ((tag & kStatTagError) !== 0) {
      const err = statError(values[at + 1], tag, statQueue[i + 1]);
      if ((tag & kTagPromise) === 0) cb(err);
      else statQueue[i + 2](err);
    } else {
      let stats;
      if ((tag & kStatTagBigInt) !== 0) {
        stats = statsFromArray(bigintValues, at + 1);
      } else {
        const narrow = (tag & kStatTagInt32s) !== 0;
        stats = statsFromBatch(values, narrow ? int32Values : values,
                               narrow ? 2 * (at + kStatAtInt32s) : at + kStatAtIntegers,
                               at + kStatAtTimes);
      }
      if ((tag & kTagPromise) === 0) cb(null, stats);
      else cb(stats);
    }
    // What closing one callback scope per callback would do.
    runNextTicks();
  }
  // Answered entries are dropped here rather than cleared one by one (stores that cost more than
  // the calls while the code is not yet optimized).
  if (statHead === statQueue.length) {
    statQueue.length = 0;
    statHead = 0;
  } else if (statHead >= 3 * 4096 && statHead * 2 >= statQueue.length) {
    // Callbacks that keep issuing stats never let the queue empty: drop the answered front.
    statQueue.splice(0, statHead);
    statHead = 0;
  }
}
binding.setStatDelivery(deliverStats);

function queueStat(target, tag, cb, reject) {
  statQueue.push(cb, target, reject);
  binding.queueStat(target, tag);
}

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
function fastStat(name, check, kindTag) {
  const row = callback[name];
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
    queueStat(target, bigint ? kindTag | kStatTagBigInt : kindTag, cb, undefined);
  }, name, row.length);
}

fastStat('stat', toPath, 0);
fastStat('lstat', toPath, kStatTagLstat);
fastStat('fstat', toNativeFd, kStatTagFstat);

let resolveNewPromise;
let rejectNewPromise;
const keepResolvers = (resolve, reject) => {
  resolveNewPromise = resolve;
  rejectNewPromise = reject;
};

// fs.promises.stat(path) / stat(path, options), and lstat likewise, of a path string: the
// answer comes with a batch (one promise, settled from JS; no native request or promise).
// Every other shape goes to the row.
function fastPromiseStat(name, kindTag) {
  const row = promise[name];
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
    const bigint = options !== undefined && options.bigint === true;
    const result = new Promise(keepResolvers);
    queueStat(path, kTagPromise | kindTag | (bigint ? kStatTagBigInt : 0), resolveNewPromise,
              rejectNewPromise);
    return result;
  }, name, row.length);
}

fastPromiseStat('stat', 0);
fastPromiseStat('lstat', kStatTagLstat);

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
