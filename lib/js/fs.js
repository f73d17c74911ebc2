'use strict';
// node:fs. Its functions are the rows of the operation table (internal/fs/api: each row gives
// the sync, callback and promise forms); this module lays the exports out in node's order and
// adds the classes, streams, watchers and constants.

const { validateObject, validateString } = require('internal/validators');
const { kNoOptions, toPath, toUnixTimestamp } = require('internal/fs/args');
const { Dirent, Stats } = require('internal/fs/stats');
const { callback, cpEntry, sync } = require('internal/fs/api');
const { Dir } = require('internal/fs/dir');
const { watch } = require('internal/fs/watch');
const { unwatchFile, watchFile } = require('internal/fs/watch_file');

const constants = internalBinding('constants').fs;

let streams;
const fileStreams = () => (streams ??= require('internal/fs/file_streams'));

function createReadStream(path, options) {
  return new (fileStreams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (fileStreams().WriteStream)(path, options);
}

// A Blob of the file's contents, read when the Blob is (internal/fs/file_blob).
function openAsBlob(path, options = kNoOptions) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = toPath(path);
  const stats = sync.statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) {
    const err = new TypeError('Unable to open file as blob');
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  return Promise.resolve(require('internal/fs/file_blob').fileBlob(path, stats, type));
}

const fs = module.exports = {};

function value(name, v, writable = true) {
  Object.defineProperty(fs, name, {
    __proto__: null, value: v, enumerable: true, writable, configurable: writable,
  });
}

// An export whose value is computed on first read (and may be replaced by assignment).
function lazy(name, load) {
  let current;
  let loaded = false;
  Object.defineProperty(fs, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      if (!loaded) {
        current = load();
        loaded = true;
      }
      return current;
    },
    set(v) {
      current = v;
      loaded = true;
    },
  });
}

const pair = (name) => {
  value(name, callback[name]);
  value(`${name}Sync`, sync[`${name}Sync`]);
};

pair('appendFile');
pair('access');
pair('chown');
pair('chmod');
pair('close');
pair('copyFile');
value('cp', cpEntry('callback', 'cp', 4));
value('cpSync', cpEntry('sync', 'cpSync', 3));
value('createReadStream', createReadStream);
value('createWriteStream', createWriteStream);
pair('exists');
pair('fchown');
pair('fchmod');
pair('fdatasync');
pair('fstat');
pair('fsync');
pair('ftruncate');
pair('futimes');
pair('lchown');
value('lchmod', undefined);  // Linux has no lchmod.
value('lchmodSync', undefined);
pair('link');
pair('lstat');
pair('lutimes');
pair('mkdir');
pair('mkdtemp');
pair('open');
value('openAsBlob', openAsBlob);
pair('readdir');
pair('read');
pair('readv');
pair('readFile');
pair('readlink');
pair('realpath');
pair('rename');
pair('rm');
pair('rmdir');
value('stat', callback.stat);
value('statfs', callback.statfs);
value('statSync', sync.statSync);
value('statfsSync', sync.statfsSync);
pair('symlink');
pair('truncate');
value('unwatchFile', unwatchFile);
pair('unlink');
pair('utimes');
value('watch', watch);
value('watchFile', watchFile);
pair('writeFile');
pair('write');
pair('writev');
value('Dirent', Dirent);
value('Stats', Stats);
lazy('ReadStream', () => fileStreams().ReadStream);
lazy('WriteStream', () => fileStreams().WriteStream);
lazy('FileReadStream', () => fileStreams().ReadStream);
lazy('FileWriteStream', () => fileStreams().WriteStream);
value('_toUnixTimestamp', toUnixTimestamp);
lazy('Dir', () => Dir);
lazy('opendir', () => callback.opendir);
lazy('opendirSync', () => sync.opendirSync);
value('F_OK', constants.F_OK, false);
value('R_OK', constants.R_OK, false);
value('W_OK', constants.W_OK, false);
value('X_OK', constants.X_OK, false);
value('constants', constants, false);
Object.defineProperty(fs, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('fs/promises'); },
});
