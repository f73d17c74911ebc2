'use strict';
// fs.watchFile / fs.unwatchFile: polling a path's stats (as libuv's uv_fs_poll does). One
// StatWatcher per resolved path, shared by its listeners. Every `interval` ms the path is
// stat'ed; 'change'(current, previous) is emitted when a stat differs from the last good one
// (atime aside), when the path fails in a new way (current is then all zeros, previous the last
// good stats) and when it comes back. The first stat only sets the baseline, unless it fails.

const EventEmitter = require('events');
const pathModule = require('path');
const { validateFunction, validateNumber } = require('internal/validators');
const { toPath } = require('internal/fs/args');
const { kStatFields, statsFromArray } = require('internal/fs/stats');

const { FSReqCallback, stat } = internalBinding('fs');

const kStart = Symbol('kStart');

// Fields libuv compares: dev, mode, uid, gid, ino, size, mtime, ctime, birthtime.
const kCompared = [0, 1, 3, 4, 7, 8, 12, 13, 14, 15, 16, 17];

class StatWatcher extends EventEmitter {
  #bigint;
  #path = null;
  #interval = 5007;
  #timer = null;
  #refed = true;
  #status;                 // undefined before the first stat, then 0 or the last -errno.
  #last;                   // The last good stats (an array), zeros until there is one.

  constructor(bigint) {
    super();
    this._handle = null;
    this.#bigint = !!bigint;
    this.#last = this.#bigint ? new BigInt64Array(kStatFields) : new Float64Array(kStatFields);
  }

  [kStart](path, persistent, interval) {
    if (this.#path !== null) return;
    this.#path = path;
    this.#interval = interval;
    this.#refed = persistent;
    this._handle = {};
    this.#poll();
  }

  #schedule() {
    this.#timer = setTimeout(() => this.#poll(), this.#interval);
    if (!this.#refed) this.#timer.unref();
  }

  #poll() {
    this.#timer = null;
    const req = new FSReqCallback();
    req.oncomplete = (err, values) => {
      if (this.#path === null) return;
      const current = err ? null : values.slice(0, kStatFields);
      this.#update(err ? err.errno : 0, current);
      if (this.#path !== null && this.#timer === null) this.#schedule();
    };
    stat(this.#path, this.#bigint, req);
  }

  #update(status, current) {
    const zeros = this.#bigint ? new BigInt64Array(kStatFields) : new Float64Array(kStatFields);
    const first = this.#status === undefined;
    const previous = this.#last;
    if (status < 0) {
      if (status !== this.#status) {
        this.#status = status;
        this.emit('change', statsFromArray(zeros), statsFromArray(previous));
      }
      return;
    }
    const changed = this.#status !== 0 ||
      kCompared.some((i) => current[i] !== previous[i]);
    this.#status = 0;
    this.#last = current;
    if (!first && changed) {
      this.emit('change', statsFromArray(current), statsFromArray(previous));
    }
  }

  start() {}

  stop() {
    if (this.#path === null) return;
    this.#path = null;
    this._handle = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    this.#refed = true;
    this.#timer?.ref();
    return this;
  }

  unref() {
    this.#refed = false;
    this.#timer?.unref();
    return this;
  }
}

const watchers = new Map();  // Resolved path -> StatWatcher.

const keyOf = (filename) => pathModule.resolve(String(toPath(filename)));

// fs.watchFile(filename[, options], listener)
function watchFile(filename, options, listener) {
  const key = keyOf(filename);
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = undefined;
  }
  const { interval = 5007, persistent = true, bigint = false } = options ?? {};
  validateFunction(listener, 'listener');
  validateNumber(interval, 'interval');
  let watcher = watchers.get(key);
  if (watcher === undefined) {
    watcher = new StatWatcher(bigint);
    watcher[kStart](toPath(filename), persistent, interval);
    watchers.set(key, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

// fs.unwatchFile(filename[, listener])
function unwatchFile(filename, listener) {
  const key = keyOf(filename);
  const watcher = watchers.get(key);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    watcher.removeListener('change', listener);
  } else {
    watcher.removeAllListeners('change');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    watchers.delete(key);
  }
}

module.exports = { StatWatcher, unwatchFile, watchFile };
