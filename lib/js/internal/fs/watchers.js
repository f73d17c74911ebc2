'use strict';
// fs.watch / fs.watchFile machinery, after node v20's lib/internal/fs/watchers.js.
// FSWatcher sits on the binding's FSEvent (inotify). StatWatcher's handle polls with stat like
// libuv's uv_fs_poll: a stat every `interval` ms (counted from the start), a change reported
// when ctime/mtime/birthtime/size/mode/uid/gid/ino/dev differ or the error status changes.

const {
  AbortError,
  UVException,
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  createDeferredPromise,
  kEmptyObject,
} = require('internal/util');

const binding = internalBinding('fs');
const {
  FSEvent,
  FSReqCallback,
  kFsStatsFieldsNumber,
} = binding;
const { UV_ENOSPC } = internalBinding('uv');
const { EventEmitter } = require('events');

const {
  decodeName,
  getStatsFromBinding,
  getValidatedPath,
  isEncoding,
} = require('internal/fs/utils');

const { toNamespacedPath } = require('path');

const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
  validateUint32,
} = require('internal/validators');

const owner_symbol = Symbol('owner_symbol');
const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');

const kFSWatchStart = Symbol('kFSWatchStart');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const KFSStatWatcherRefCount = Symbol('KFSStatWatcherRefCount');
const KFSStatWatcherMaxRefCount = Symbol('KFSStatWatcherMaxRefCount');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

// --- the polling handle of watchFile -------------------------------------------------------

// Fields uv_fs_poll compares: dev, mode, uid, gid, ino, size, mtime, ctime, birthtime.
const kComparedFields = [0, 1, 3, 4, 7, 8, 12, 13, 14, 15, 16, 17];

class StatWatcherHandle {
  constructor(bigint) {
    this.bigint = Boolean(bigint);
    this.onchange = null;
    this.path = null;
    this.interval = 0;
    this.startTime = 0;
    this.timer = null;
    this.refed = true;
    this.closed = false;
    this.busyPolling = 0;  // 0 before the first result, 1 after a success, or -errno.
    const Array = this.bigint ? BigInt64Array : Float64Array;
    this.prev = new Array(kFsStatsFieldsNumber);
    this.zero = new Array(kFsStatsFieldsNumber);
  }

  getAsyncId() {
    return -1;
  }

  start(path, interval) {
    this.path = path;
    this.interval = interval;
    this.startTime = Date.now();
    this.poll();
    return 0;
  }

  poll() {
    if (this.closed) return;
    const req = new FSReqCallback(this.bigint);
    req.oncomplete = (err, stats) => this.onStat(err, stats);
    binding.stat(this.path, this.bigint, req);
  }

  onStat(err, stats) {
    if (this.closed) return;
    if (err) {
      if (this.busyPolling !== err.errno) {
        // As uv_fs_poll: the previous stats stay the last good ones.
        this.emit(err.errno, this.zero, this.prev);
        this.busyPolling = err.errno;
      }
    } else {
      // A callback completion's stats array is the binding's shared one: keep a copy.
      stats = stats.slice(0, kFsStatsFieldsNumber);
      if (this.busyPolling !== 0 && (this.busyPolling < 0 || this.changed(stats))) {
        this.emit(0, stats, this.prev);
      }
      this.prev = stats;
      this.busyPolling = 1;
    }
    const interval = this.interval - (Date.now() - this.startTime) % this.interval;
    this.timer = setTimeout(() => this.poll(), interval);
    if (!this.refed) this.timer.unref();
  }

  changed(stats) {
    for (const i of kComparedFields) {
      if (stats[i] !== this.prev[i]) return true;
    }
    return false;
  }

  emit(status, curr, prev) {
    if (typeof this.onchange !== 'function') return;
    const Array = this.bigint ? BigInt64Array : Float64Array;
    const both = new Array(2 * kFsStatsFieldsNumber);
    both.set(curr, 0);
    both.set(prev, kFsStatsFieldsNumber);
    this.onchange(status, both);
  }

  close() {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  ref() {
    this.refed = true;
    this.timer?.ref();
  }

  unref() {
    this.refed = false;
    this.timer?.unref();
  }

  hasRef() {
    return this.refed;
  }
}

// --- StatWatcher ------------------------------------------------------------------------------

function emitStop(self) {
  self.emit('stop');
}

function StatWatcher(bigint) {
  Reflect.apply(EventEmitter, this, []);

  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[KFSStatWatcherRefCount] = 1;
  this[KFSStatWatcherMaxRefCount] = 1;
}
Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(StatWatcher, EventEmitter);

function onchange(newStatus, stats) {
  const self = this[owner_symbol];
  if (self[kOldStatus] === -1 &&
      newStatus === -1 &&
      stats[2/* new nlink */] === stats[16/* old nlink */]) {
    return;
  }

  self[kOldStatus] = newStatus;
  self.emit('change', getStatsFromBinding(stats),
            getStatsFromBinding(stats, kFsStatsFieldsNumber));
}

// A no-op if the watcher has already been started.
StatWatcher.prototype[kFSStatWatcherStart] = function(filename,
                                                      persistent,
                                                      interval) {
  if (this._handle !== null)
    return;

  this._handle = new StatWatcherHandle(this[kUseBigint]);
  this._handle[owner_symbol] = this;
  this._handle.onchange = onchange;
  if (!persistent)
    this.unref();

  // uv_fs_poll is a little more powerful than ev_stat but we curb it for
  // the sake of backwards compatibility.
  this[kOldStatus] = -1;

  filename = getValidatedPath(filename, 'filename');
  validateUint32(interval, 'interval');
  const err = this._handle.start(toNamespacedPath(filename), interval);
  if (err) {
    const error = new UVException({
      errno: err,
      syscall: 'watch',
      path: filename,
    });
    error.filename = filename;
    throw error;
  }
};

// Kept (as a no-op) for backward compatibility, as node.
StatWatcher.prototype.start = () => {};

// A no-op if the watcher has not been started.
StatWatcher.prototype.stop = function() {
  if (this._handle === null)
    return;

  process.nextTick(emitStop, this);
  this._handle.close();
  this._handle = null;
};

// Clean up or add ref counters.
StatWatcher.prototype[kFSStatWatcherAddOrCleanRef] = function(operate) {
  if (operate === 'add') {
    // Add a Ref
    this[KFSStatWatcherRefCount]++;
    this[KFSStatWatcherMaxRefCount]++;
  } else if (operate === 'clean') {
    // Clean up a single
    this[KFSStatWatcherMaxRefCount]--;
    this.unref();
  } else if (operate === 'cleanAll') {
    // Clean up all
    this[KFSStatWatcherMaxRefCount] = 0;
    this[KFSStatWatcherRefCount] = 0;
    this._handle?.unref();
  }
};

StatWatcher.prototype.ref = function() {
  // Avoid refCount calling ref multiple times causing unref to have no effect.
  if (this[KFSStatWatcherRefCount] === this[KFSStatWatcherMaxRefCount])
    return this;
  if (this._handle && this[KFSStatWatcherRefCount]++ === 0)
    this._handle.ref();
  return this;
};

StatWatcher.prototype.unref = function() {
  // Avoid refCount calling unref multiple times causing ref to have no effect.
  if (this[KFSStatWatcherRefCount] === 0) return this;
  if (this._handle && --this[KFSStatWatcherRefCount] === 0)
    this._handle.unref();
  return this;
};

// --- FSWatcher --------------------------------------------------------------------------------

// The binding reports names in encodings other than UTF-8/latin1 as bytes.
function decodeEventName(filename, encoding) {
  return filename == null || typeof filename === 'string' ?
    filename : decodeName(filename, encoding || 'utf8');
}

function FSWatcher() {
  Reflect.apply(EventEmitter, this, []);

  this._handle = new FSEvent();
  this._handle[owner_symbol] = this;
  this._encoding = undefined;

  this._handle.onchange = (status, eventType, filename) => {
    filename = decodeEventName(filename, this._encoding);
    if (status < 0) {
      if (this._handle !== null) {
        // We don't use this.close() here to avoid firing the close event.
        this._handle.close();
        this._handle = null;  // Make the handle garbage collectable.
      }
      const error = new UVException({
        errno: status,
        syscall: 'watch',
        path: filename,
      });
      error.filename = filename;
      this.emit('error', error);
    } else {
      this.emit('change', eventType, filename);
    }
  };
}
Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(FSWatcher, EventEmitter);

// A no-op if the watcher has already been started or closed.
FSWatcher.prototype[kFSWatchStart] = function(filename,
                                              persistent,
                                              recursive,
                                              encoding) {
  if (this._handle === null) {  // closed
    return;
  }
  if (this._handle.initialized) {  // already started
    return;
  }

  filename = getValidatedPath(filename, 'filename');
  this._encoding = encoding;

  const err = this._handle.start(toNamespacedPath(filename),
                                 persistent,
                                 recursive,
                                 encoding);
  if (err) {
    const error = new UVException({
      errno: err,
      syscall: 'watch',
      path: filename,
      message: err === UV_ENOSPC ?
        'System limit for number of file watchers reached' : '',
    });
    error.filename = filename;
    throw error;
  }
};

// Kept (as a no-op) for backward compatibility, as node.
FSWatcher.prototype.start = () => {};

// A no-op if the watcher has not been started or has already been closed.
FSWatcher.prototype.close = function() {
  if (this._handle === null) {  // closed
    return;
  }
  if (!this._handle.initialized) {  // not started
    return;
  }
  this._handle.close();
  this._handle = null;  // Make the handle garbage collectable.
  process.nextTick(emitCloseNT, this);
};

FSWatcher.prototype.ref = function() {
  if (this._handle) this._handle.ref();
  return this;
};

FSWatcher.prototype.unref = function() {
  if (this._handle) this._handle.unref();
  return this;
};

function emitCloseNT(self) {
  self.emit('close');
}

// Legacy alias on the native handle, as node.
Object.defineProperty(FSEvent.prototype, 'owner', {
  __proto__: null,
  get() { return this[owner_symbol]; },
  set(v) { return this[owner_symbol] = v; },
});

let kResistStopPropagation;

async function* watch(filename, options = kEmptyObject) {
  const path = toNamespacedPath(getValidatedPath(filename));
  validateObject(options, 'options');

  const {
    persistent = true,
    recursive = false,
    encoding = 'utf8',
    signal,
  } = options;

  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');

  if (encoding && !isEncoding(encoding)) {
    const reason = 'is invalid encoding';
    throw new ERR_INVALID_ARG_VALUE(encoding, 'encoding', reason);
  }

  if (signal?.aborted)
    throw new AbortError(undefined, { cause: signal?.reason });

  const handle = new FSEvent();
  let { promise, resolve, reject } = createDeferredPromise();
  const oncancel = () => {
    handle.close();
    reject(new AbortError(undefined, { cause: signal?.reason }));
  };

  try {
    if (signal) {
      kResistStopPropagation ??= require('internal/event_target').kResistStopPropagation;
      signal.addEventListener('abort', oncancel, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
    handle.onchange = (status, eventType, filename) => {
      filename = decodeEventName(filename, encoding);
      if (status < 0) {
        const error = new UVException({
          errno: status,
          syscall: 'watch',
          path: filename,
        });
        error.filename = filename;
        handle.close();
        reject(error);
        return;
      }

      resolve({ eventType, filename });
    };

    const err = handle.start(path, persistent, recursive, encoding);
    if (err) {
      const error = new UVException({
        errno: err,
        syscall: 'watch',
        path: filename,
        message: err === UV_ENOSPC ?
          'System limit for number of file watchers reached' : '',
      });
      error.filename = filename;
      handle.close();
      throw error;
    }

    while (!signal?.aborted) {
      yield await promise;
      ({ promise, resolve, reject } = createDeferredPromise());
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
}

module.exports = {
  FSWatcher,
  StatWatcher,
  kFSWatchStart,
  kFSStatWatcherStart,
  kFSStatWatcherAddOrCleanRef,
  watch,
};
