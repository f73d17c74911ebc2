'use strict';
// fs.watch and fs.promises.watch over the binding's FSEvent (one inotify watch per handle:
// start(path, persistent, recursive, encoding) -> 0 | -errno, onchange(status, eventType,
// filename)). inotify does not watch subtrees, so { recursive: true } is done here: one
// handle per directory of the tree, handles added for directories created later and dropped
// for those removed, and each event named relative to the watched root.

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const pathModule = require('path');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateObject } = require('internal/validators');
const { kNoOptions, toOptions, toPath } = require('internal/fs/args');
const { uvError } = require('internal/fs/run');
const { decodeName } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { FSEvent } = binding;
const { S_IFMT, S_IFDIR } = internalBinding('constants').fs;

const kStart = Symbol('kStart');

function watchError(errno, filename) {
  const err = uvError({ errno, syscall: 'watch', path: filename });
  err.filename = filename;
  return err;
}

// Whether `path` is a directory now (false if it is gone).
function isDirectory(path) {
  const ctx = {};
  const a = binding.lstat(path, false, undefined, ctx);
  return ctx.errno === undefined && (a[1] & S_IFMT) === S_IFDIR;
}

function subdirectories(dir) {
  const ctx = {};
  const entries = binding.readdir(dir, 'utf8', false, undefined, ctx);
  if (ctx.errno !== undefined) return [];
  return entries.map((name) => pathModule.join(dir, name)).filter(isDirectory);
}

class FSWatcher extends EventEmitter {
  #handles = new Map();  // Watched directory (or the file) -> FSEvent.
  #root = null;
  #encoding = 'utf8';
  #persistent = true;
  #refed = true;

  constructor() {
    super();
    this._handle = null;
  }

  // Starts watching; throws node's error if the root cannot be watched.
  [kStart](filename, persistent, recursive, encoding) {
    this.#encoding = encoding;
    this.#persistent = persistent;
    this._handle = this.#watch(filename, null);
    if (!recursive || !isDirectory(String(filename))) return;
    this.#root = String(filename);
    for (const dir of subdirectories(this.#root)) this.#watchTree(dir);
  }

  // A handle on `path`; events are reported relative to #root when `dir` is set.
  #watch(path, dir) {
    const handle = new FSEvent();
    handle.onchange = (status, eventType, filename) => {
      if (status < 0) {
        this.emit('error', watchError(status, path));
        this.close();
        return;
      }
      if (this.#root === null) {
        this.emit('change', eventType,
                  filename === null ? null : decodeName(filename, this.#encoding));
        return;
      }
      const full = pathModule.join(dir ?? this.#root, String(filename));
      this.#report(eventType, full);
      if (eventType === 'rename' && this._handle !== null) this.#treeChanged(full);
    };
    const err = handle.start(path, this.#persistent, false,
                             this.#root === null ? this.#encoding : 'utf8');
    if (err !== 0) {
      handle.close();
      throw watchError(err, path);
    }
    if (!this.#refed) handle.unref();
    this.#handles.set(String(path), handle);
    return handle;
  }

  // An event on `full` under the root, named relative to it.
  #report(eventType, full) {
    const relative = pathModule.relative(this.#root, full);
    this.emit('change', eventType, this.#encoding === 'buffer' ? Buffer.from(relative) : relative);
  }

  // Watches `dir` and the directories under it; with `announce`, each entry found (created
  // before its directory was watched) is reported as a 'rename'.
  #watchTree(dir, announce = false) {
    if (this.#handles.has(dir)) return;
    try {
      this.#watch(dir, dir);
    } catch {
      return;  // Gone already.
    }
    const ctx = {};
    const names = binding.readdir(dir, 'utf8', false, undefined, ctx) ?? [];
    for (const name of ctx.errno === undefined ? names : []) {
      const full = pathModule.join(dir, name);
      if (announce) this.#report('rename', full);
      if (this._handle === null) return;
      if (isDirectory(full)) this.#watchTree(full, announce);
    }
  }

  // A 'rename' under the root: a directory appeared (watch it) or went away (forget it).
  #treeChanged(full) {
    if (isDirectory(full)) {
      this.#watchTree(full, true);
      return;
    }
    for (const [dir, handle] of this.#handles) {
      if (dir === full || dir.startsWith(full + pathModule.sep)) {
        handle.close();
        this.#handles.delete(dir);
      }
    }
  }

  start() {}

  close() {
    if (this._handle === null) return;
    for (const handle of this.#handles.values()) handle.close();
    this.#handles.clear();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this.#refed = true;
    for (const handle of this.#handles.values()) handle.ref();
    return this;
  }

  unref() {
    this.#refed = false;
    for (const handle of this.#handles.values()) handle.unref();
    return this;
  }
}

function watchOptions(options) {
  options = toOptions(options);
  const { persistent = true, recursive = false } = options;
  validateBoolean(recursive, 'options.recursive');
  return { encoding: options.encoding ?? 'utf8', persistent: !!persistent, recursive,
           signal: options.signal };
}

// fs.watch(filename[, options][, listener])
function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  filename = toPath(filename);
  const { encoding, persistent, recursive, signal } = watchOptions(options);
  const watcher = new FSWatcher();
  watcher[kStart](filename, persistent, recursive, encoding);
  if (listener) watcher.on('change', listener);
  if (signal !== undefined) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// fs.promises.watch(filename[, options]): an async iterator of { eventType, filename }.
async function* watchAsync(filename, options = kNoOptions) {
  filename = toPath(filename);
  validateObject(options, 'options');
  if (options.encoding && options.encoding !== 'buffer' && !Buffer.isEncoding(options.encoding)) {
    throw new ERR_INVALID_ARG_VALUE(options.encoding, 'encoding', 'is invalid encoding');  // Sic.
  }
  const { encoding, persistent, recursive, signal } = watchOptions(options);
  if (options.persistent !== undefined) validateBoolean(options.persistent, 'options.persistent');
  const maxQueue = options.maxQueue ?? 2048;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const watcher = new FSWatcher();
  watcher[kStart](filename, persistent, recursive, encoding);
  const queue = [];
  let wake = null;
  let failure = null;
  const notify = () => {
    if (wake !== null) wake();
    wake = null;
  };
  watcher.on('change', (eventType, name) => {
    if (queue.length < maxQueue) queue.push({ __proto__: null, eventType, filename: name });
    notify();
  });
  watcher.on('error', (err) => {
    failure = err;
    notify();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal.reason });
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (failure !== null) throw failure;
      if (queue.length > 0) {
        yield queue.shift();
        continue;
      }
      await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    watcher.close();
    signal?.removeEventListener('abort', onAbort);
  }
}

module.exports = { FSWatcher, watch, watchAsync };
