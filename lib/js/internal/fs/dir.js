'use strict';
// fs.Dir (opendir): an open directory read a few entries at a time through the binding's
// DirHandle (handle.read(encoding, bufferSize) -> [name, type, ...] | null, handle.close()).
// Asynchronous reads and closes run one at a time in call order; synchronous work while one is
// pending is refused (ERR_DIR_CONCURRENT_OPERATION). With { recursive: true } the
// subdirectories found are opened in turn, breadth first, after the directory itself.

const pathModule = require('path');
const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION },
} = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const { toOptions, toPath } = require('internal/fs/args');
const { Dirent, direntTypeOf } = require('internal/fs/stats');
const { Step, deliver, runCallback, runSync, step } = require('internal/fs/run');
const { decodeName, define, statMap } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { UV_DIRENT_DIR, UV_DIRENT_UNKNOWN } = internalBinding('constants').fs;

// A Dir collected while open: its handle closes itself (fs_dir.cc); node warns.
const leaked = new FinalizationRegistry(() => {
  process.emitWarning('Closing directory handle on garbage collection');
});

class Dir {
  #handle;
  #path;
  #dirPath;  // The directory being read (a subdirectory of #path when recursive).
  #encoding;
  #bufferSize;
  #recursive;
  #entries = [];
  #subdirs = [];
  #closed = false;
  #queue = null;  // Pending asynchronous operations; null when none runs.

  constructor(handle, path, options) {
    this.#handle = handle;
    this.#path = path;
    this.#dirPath = path;
    this.#encoding = options?.encoding;
    this.#bufferSize = options?.bufferSize ?? 32;
    this.#recursive = !!options?.recursive;
    leaked.register(this, undefined, this);
  }

  get path() {
    return this.#path;
  }

  // The next entry (or null at the end) as a generator of binding steps.
  * #next() {
    for (;;) {
      if (this.#entries.length > 0) return this.#entries.shift();
      const batch = yield new Step(this.#handle.read, [this.#encoding, this.#bufferSize],
                                   undefined, this.#handle);
      if (batch === null) {
        if (this.#subdirs.length === 0) return null;
        yield new Step(this.#handle.close, [], undefined, this.#handle);
        this.#dirPath = this.#subdirs.shift();
        this.#handle = yield step(binding.opendir, [this.#dirPath, this.#encoding]);
        continue;
      }
      for (let i = 0; i < batch.length; i += 2) {
        const name = decodeName(batch[i], this.#encoding);
        let type = batch[i + 1];
        if (type === UV_DIRENT_UNKNOWN) {
          const stats = yield step(binding.lstat, [pathModule.join(String(this.#dirPath),
                                                                   String(name)), false], statMap);
          type = direntTypeOf(stats);
        }
        if (this.#recursive && type === UV_DIRENT_DIR) {
          this.#subdirs.push(pathModule.join(String(this.#dirPath), String(name)));
        }
        this.#entries.push(new Dirent(name, type, this.#dirPath));
      }
    }
  }

  // Runs `op` (a generator) after the pending asynchronous operations.
  #enqueue(op, cb) {
    const run = () => runCallback(op(), (err, value) => {
      const next = this.#queue.shift();
      if (next === undefined) this.#queue = null;
      else next();
      deliver(cb, err, value);
    });
    if (this.#queue === null) {
      this.#queue = [];
      run();
    } else {
      this.#queue.push(run);
    }
  }

  #checkSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#queue !== null) throw new ERR_DIR_CONCURRENT_OPERATION();
  }

  read(callback) {
    if (callback === undefined) {
      if (this.#closed) throw new ERR_DIR_CLOSED();
      return new Promise((resolve, reject) => {
        this.#enqueue(() => this.#next(), (err, entry) => (err ? reject(err) : resolve(entry)));
      });
    }
    validateFunction(callback, 'callback');
    if (this.#closed) throw new ERR_DIR_CLOSED();
    this.#enqueue(() => this.#next(), callback);
  }

  readSync() {
    this.#checkSync();
    return runSync(this.#next());
  }

  * #close() {
    leaked.unregister(this);
    yield new Step(this.#handle.close, [], undefined, this.#handle);
  }

  close(callback) {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(new ERR_DIR_CLOSED());
      this.#closed = true;
      return new Promise((resolve, reject) => {
        this.#enqueue(() => this.#close(), (err) => (err ? reject(err) : resolve()));
      });
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    this.#enqueue(() => this.#close(), callback);
  }

  closeSync() {
    this.#checkSync();
    this.#closed = true;
    runSync(this.#close());
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }
}
Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  __proto__: null, value: Dir.prototype.entries, writable: true, configurable: true,
});

// opendir(path, { encoding, bufferSize, recursive })
define('opendir', [2, 3, 3], (path, options) => {
  path = toPath(path);
  options = toOptions(options, { encoding: 'utf8', bufferSize: 32 });
  validateUint32(options.bufferSize, 'options.bufferSize', true);
  return [path, options];
}, (how, path, options) =>
  step(binding.opendir, [path, options.encoding], (handle) => new Dir(handle, path, options)),
{ cbName: 'callback' });

module.exports = { Dir };
