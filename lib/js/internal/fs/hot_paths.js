'use strict';
// The hot forms of a few operations, beside their rows in the operation table (ops.js): the
// table's generic argument handling (rest arguments, callback search, Step objects, a closure
// per call) costs more than the call itself for stat and readFile. Each fast form takes only
// the plain argument shapes and checks them as the row does; every other shape goes to the row,
// so errors and edge cases stay the table's.

const { FastBuffer } = require('internal/buffer');
const {
  codes: { ERR_FS_FILE_TOO_LARGE },
} = require('internal/errors');
const { toFd, toPath } = require('internal/fs/args');
const { named } = require('internal/fs/run');
const { statsFromArray } = require('internal/fs/stats');
const { callback, promise } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { FSReqCallback, kUsePromises } = binding;
const { O_RDONLY } = internalBinding('constants').fs;

binding.setReadFileHooks(FastBuffer.prototype, (size) => new ERR_FS_FILE_TOO_LARGE(size));

const {
  state: asyncContext, bindToCurrent: bindToCurrentAsyncContext,
} = require('internal/async_context_frame');

// The request's oncomplete (called with this === the request).
function statDone(err, value) {
  const cb = this.callback;
  if (err) return cb(err);
  cb(null, statsFromArray(value));
}

// stat(path, cb) / stat(path, options, cb), and lstat and fstat likewise.
function fastStat(name, check) {
  const row = callback[name];
  const fn = binding[name];
  callback[name] = named(function(target, options, cb) {
    if (arguments.length === 2 && typeof options === 'function' && typeof target !== 'function') {
      cb = options;
      options = undefined;
    } else if (arguments.length !== 3 || typeof cb !== 'function' ||
               typeof options === 'function' || typeof target === 'function') {
      return Reflect.apply(row, this, arguments);
    }
    target = check(target);
    const bigint = options === undefined ? false : options.bigint === true;  // null throws, as the row
    const req = new FSReqCallback();
    req.oncomplete = statDone;
    req.callback = asyncContext.enabled ? bindToCurrentAsyncContext(cb) : cb;
    fn(target, bigint, req);
  }, name, row.length);
}

fastStat('stat', toPath);
fastStat('lstat', toPath);
fastStat('fstat', toFd);

// fs.promises.readFile(path) of a path string: the binding's promise is the result (it resolves
// with a Buffer and rejects with node's errors itself).
const readFileRow = promise.readFile;
promise.readFile = named(function readFile(path, options) {
  if (options !== undefined || typeof path !== 'string' || arguments.length > 2) {
    return Reflect.apply(readFileRow, this, arguments);
  }
  try {
    path = toPath(path);
  } catch (err) {
    return Promise.reject(err);
  }
  return binding.readFileAll(path, O_RDONLY, kUsePromises, undefined, true);
}, 'readFile', readFileRow.length);
