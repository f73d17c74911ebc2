'use strict';
// realpath in its two forms, as rows of the operation table (ops.js):
//  - fs.realpath / fs.realpathSync walk the path in JS: each component is lstat'ed, a link is
//    checked with stat (so a dangling or looping link fails there) and replaced by its target,
//    and the walk goes on; an error names the component that failed, as node's.
//  - realpath.native and fs.promises.realpath ask realpath(3) in one call.

const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { isUint8Array } = require('internal/util/types');
const { fileURLToPath, isURLLike, toOptions, toPath } = require('internal/fs/args');
const { named, step } = require('internal/fs/run');
const { callback, decodeName, define, promise, sync } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { S_IFMT, S_IFLNK, S_IFIFO, S_IFSOCK } = internalBinding('constants').fs;

// The JS walk takes any value as a path (a non-string is made a string).
function walkInput(p) {
  if (isURLLike(p)) p = fileURLToPath(p);
  if (typeof p !== 'string') p = isUint8Array(p) ? Buffer.from(p).toString() : String(p);
  if (p.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('path', p,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
  return p;
}

function encodeResult(result, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return result;
  const bytes = Buffer.from(result);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

const components = (p) => p.split('/').filter((part) => part !== '');
const fileType = (a) => a[1] & S_IFMT;
const isPipeOrSocket = (type) => type === S_IFIFO || type === S_IFSOCK;

// Node's walk has one more rule, visible with /dev/stdin on a pipe (-> /proc/self/fd/0 ->
// pipe:[N]): when the last file stat'ed was a pipe or a socket and the walk meets a component
// it already knows, it stops there and the path as it stands is the result.
function* walk(how, p, encoding) {
  let parts = components(pathModule.resolve(p));
  const real = new Set();  // Components known not to be links.
  let current = '';
  let lastSpecial = false;
  for (let i = 0; i < parts.length;) {
    const next = `${current}/${parts[i++]}`;
    if (real.has(next)) {
      if (lastSpecial) return encodeResult(`/${parts.join('/')}`, encoding);
      current = next;
      continue;
    }
    const type = yield step(binding.lstat, [next, false], fileType);
    lastSpecial = isPipeOrSocket(type);
    if (type !== S_IFLNK) {
      real.add(next);
      current = next;
      continue;
    }
    lastSpecial = isPipeOrSocket(yield step(binding.stat, [next, false], fileType));
    const target = yield step(binding.readlink, [next, 'utf8']);
    parts = [...components(pathModule.resolve(current || '/', target)), ...parts.slice(i)];
    current = '';
    i = 0;
  }
  return encodeResult(current || '/', encoding);
}

define('realpath', [2, 3, 2], (p, options) => [walkInput(p), toOptions(options).encoding], walk);

// The native form.
const nativeArgs = (path, options) => [toPath(path), toOptions(options).encoding];
define('realpathNative', [2, 3, 2], nativeArgs, (how, path, encoding) =>
  step(binding.realpath, [path, encoding], (value) => decodeName(value, encoding)));

sync.realpathSync.native = named(sync.realpathNativeSync, '', 2);
callback.realpath.native = named(callback.realpathNative, '', 3);
promise.realpath = named(promise.realpathNative, 'realpath', 2);
delete sync.realpathNativeSync;
delete callback.realpathNative;
delete promise.realpathNative;
