'use strict';
// fs argument checking, compared with node's output (expected/test-fs-arg-errors.stdout): for
// each call, the value returned or the error thrown (sync and callback forms) or rejected
// (fs.promises), with its name, code and message. Covers paths, fds, flags, modes, ids, times,
// lengths, offsets, positions, buffers, encodings, options objects and where the callback is.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-args-'));
const file = path.join(dir, 'f');
// Machine-specific directories are masked so the recording holds on any checkout.
const hide = (s) => String(s).split(dir).join('DIR').split(__dirname).join('TESTDIR')
  .split(process.cwd()).join('CWD');

function show(v) {
  if (typeof v === 'string') return JSON.stringify(hide(v));
  if (v === undefined) return 'undefined';
  if (Buffer.isBuffer(v)) return `Buffer(${v.length})`;
  if (typeof v === 'function') return 'fn';
  if (typeof v === 'bigint') return `${v}n`;
  if (v && typeof v === 'object') return v.constructor ? v.constructor.name : 'object';
  return String(v);
}
const describe = (e) => `${e.name} ${e.code} ${hide(e.message)}`;

function t(label, fn) {
  try {
    console.log(`${label} => ${show(fn())}`);
  } catch (e) {
    console.log(`${label} !! ${describe(e)}`);
  }
}

const pending = [];
function p(label, fn) {
  pending.push(async () => {
    try {
      console.log(`${label} => ${show(await fn())}`);
    } catch (e) {
      console.log(`${label} !! ${describe(e)}`);
    }
  });
}

const never = () => console.log('callback ran!');

fs.writeFileSync(file, 'hello');

// File descriptors.
const badFds = [undefined, null, 1.5, -1, 2 ** 31, 'x', {}, true, NaN, Infinity];
for (const op of ['closeSync', 'fstatSync', 'fsyncSync', 'fdatasyncSync', 'ftruncateSync']) {
  for (const v of badFds) t(`${op}(${show(v)})`, () => fs[op](v));
}
t('fchmodSync(-1, 0o644)', () => fs.fchmodSync(-1, 0o644));
t('fchmodSync(-1)', () => fs.fchmodSync(-1));
t('fchownSync(-1, 1, 1)', () => fs.fchownSync(-1, 1, 1));
t('fchownSync(-1)', () => fs.fchownSync(-1));
t('futimesSync(-1, 1, 1)', () => fs.futimesSync(-1, 1, 1));
t('futimesSync(1, 1, "x")', () => fs.futimesSync(1, 1, 'x'));

// Paths.
const badPaths = [undefined, null, 1, {}, 'a\u0000b', Buffer.from('a\u0000b'), true];
for (const op of ['statSync', 'lstatSync', 'accessSync', 'readdirSync', 'readlinkSync',
                  'rmdirSync', 'unlinkSync', 'mkdirSync', 'openSync', 'chmodSync',
                  'readFileSync', 'mkdtempSync', 'opendirSync', 'truncateSync', 'rmSync',
                  'statfsSync', 'existsSync', 'realpathSync']) {
  for (const v of badPaths) {
    // A number is an fd for these two: not one of this process's stdio.
    if (typeof v === 'number' && (op === 'readFileSync' || op === 'truncateSync')) continue;
    t(`${op}(${show(v)})`, () => fs[op](v));
  }
}
for (const op of ['renameSync', 'linkSync', 'symlinkSync', 'copyFileSync', 'cpSync']) {
  t(`${op}(1, ok)`, () => fs[op](1, `${file}2`));
  t(`${op}(ok, 1)`, () => fs[op](file, 1));
}

// Flags and modes.
for (const f of ['r', 'rs', 'r+', 'w', 'wx', 'xw', 'w+', 'a', 'ax', 'as', 'a+', 'z', 'R', '',
                 0, 1.5, {}, null, true, 2 ** 40]) {
  t(`openSync flags ${show(f)}`, () => {
    fs.closeSync(fs.openSync(`${file}x`, f));
    return 'opened';
  });
}
for (const m of ['abc', '0o644', '644', '8', -1, 2 ** 32, 1.5, {}, null, undefined, true]) {
  t(`openSync mode ${show(m)}`, () => {
    fs.closeSync(fs.openSync(file, 'r', m));
    return 'opened';
  });
}
for (const m of ['abc', -1, 8, {}, null, undefined, true, '7']) {
  t(`accessSync mode ${show(m)}`, () => fs.accessSync(file, m));
  t(`copyFileSync mode ${show(m)}`, () => fs.copyFileSync(file, `${file}c`, m));
}

// Ids, times, lengths.
for (const v of [-2, 2 ** 32, 1.5, 'a', null]) {
  t(`chownSync uid ${show(v)}`, () => fs.chownSync(path.join(dir, 'nope'), v, 0));
  t(`chownSync gid ${show(v)}`, () => fs.chownSync(path.join(dir, 'nope'), 0, v));
}
for (const v of ['x', '1', '', null, undefined, {}, NaN, Infinity, true, []]) {
  t(`utimesSync ${show(v)}`, () => fs.utimesSync(file, v, 1));
}
t('lutimesSync(file, 1, "x")', () => fs.lutimesSync(file, 1, 'x'));
for (const v of ['x', -1, 1.5, null, undefined, 2 ** 53, {}, NaN]) {
  t(`truncateSync len ${show(v)}`, () => fs.truncateSync(file, v));
}

// read / write / readv / writev.
fs.writeFileSync(file, 'hello');
const fd = fs.openSync(file, 'r+');
const b4 = Buffer.alloc(4);
for (const c of [[b4], [b4, 0], [b4, 0, 4], [b4, 0, 4, 0], [b4, 1, 4, 0], [b4, -1, 1, 0],
                 [b4, 5, 0, 0], [b4, 0, -1, 0], [b4, 0, 5, 0], [b4, 1.5, 1, 0], [b4, 0, 1.5, 0],
                 [b4, 0, 1, 1.5], [b4, 0, 1, -2], [b4, 0, 1, -1], [b4, 0, 1, null],
                 [b4, 0, 1, '1'], [b4, 0, 1, 2n ** 63n - 1n], [b4, 0, 1, 2 ** 53],
                 [b4, '0', 1, 0], [b4, 0, '1', 0], [b4, null, null, null], [b4, {}],
                 [b4, { length: 9 }], [b4, { position: 'x' }], [b4, null], ['str'], [{}],
                 [null], [Buffer.alloc(0)], [Buffer.alloc(0), 0, 1, 0],
                 [new Float64Array(1), 0, 9, 0], [b4, 0, 2 ** 31, 0], [b4, NaN, 1, 0],
                 [b4, 0, NaN, 0], [b4, 0, 1, NaN]]) {
  t(`readSync(${c.map(show).join(', ')})`, () => fs.readSync(fd, ...c));
}
for (const c of [[b4], [b4, 0, 4, 0], [b4, 1, 4, 0], [b4, -1, 1, 0], [b4, 5], [b4, 4],
                 [b4, 0, 5], [b4, 0, -1], [b4, 1.5], [b4, 0, 1.5], [b4, 0, 1, 1.5],
                 [b4, 0, 1, '1'], [b4, { offset: 1 }], [b4, { length: 9 }],
                 [b4, null, null, null], ['str'], ['str', 0, 'hex'], ['ab', 0, 'hex'],
                 ['str', 0, 'bogus'], ['str', 'utf8'], ['str', 1.5], [1], [{}], [null],
                 [new String('abc')], [Buffer.alloc(0)], [new Float64Array(1), 0, 8]]) {
  t(`writeSync(${c.map(show).join(', ')})`, () => fs.writeSync(fd, ...c));
}
for (const c of [[[]], [['x']], ['x'], [null], [[b4], 'x'], [[b4], -1], [[b4], null]]) {
  t(`writevSync(${c.map(show).join(', ')})`, () => fs.writevSync(fd, ...c));
  t(`readvSync(${c.map(show).join(', ')})`, () => fs.readvSync(fd, ...c));
}
fs.closeSync(fd);

// Options.
for (const o of [null, 'utf8', 'buffer', 'bogus', 1, true, {}, { encoding: 'bogus' },
                 { encoding: null }, { encoding: 1 }, { flag: 'bogus' }, { flag: 1 }, []]) {
  t(`readFileSync opts ${show(o)}`, () => fs.readFileSync(file, o));
}
for (const o of [null, 'utf8', 'bogus', 1, {}, { mode: 'x' }, { flag: 'r' }, { flush: 1 },
                 { flush: null }]) {
  t(`writeFileSync opts ${show(o)}`, () => fs.writeFileSync(`${file}w`, 'abcd', o));
}
for (const d of [1, null, undefined, {}, [], true, new String('x'), new Uint16Array(2)]) {
  t(`writeFileSync data ${show(d)}`, () => fs.writeFileSync(`${file}w`, d));
}
for (const o of [null, 'utf8', 'bogus', 1, {}, { withFileTypes: 1 }, { recursive: 'x' }]) {
  t(`readdirSync opts ${show(o)}`, () => fs.readdirSync(dir, o).length);
}
for (const o of [null, 1, 'x', {}, { recursive: 1 }, { mode: 'x' }, { mode: -1 }, '755']) {
  t(`mkdirSync opts ${show(o)}`, () => fs.mkdirSync(path.join(dir, `m${Math.random()}`), o));
}
for (const o of [null, 1, 'x', {}, { bigint: 1 }]) {
  t(`statSync opts ${show(o)}`, () => fs.statSync(file, o));
}
for (const o of [null, 1, 'x', {}, { recursive: 1 }, { force: 1 }, { maxRetries: -1 },
                 { maxRetries: 1.5 }, { retryDelay: -1 }, { retryDelay: 'x' }]) {
  t(`rmSync opts ${show(o)}`, () => fs.rmSync(path.join(dir, 'nope'), o));
}
for (const o of [null, 1, {}, { recursive: 1 }, { maxRetries: -1 }]) {
  t(`rmdirSync opts ${show(o)}`, () => fs.rmdirSync(path.join(dir, 'nope'), o));
}
for (const o of [null, 1, 'x', 'buffer', { encoding: 'bogus' }]) {
  t(`readlinkSync opts ${show(o)}`, () => fs.readlinkSync(file, o));
  t(`realpathSync opts ${show(o)}`, () => fs.realpathSync(file, o));
  t(`mkdtempSync opts ${show(o)}`, () => typeof fs.mkdtempSync(path.join(dir, 't'), o));
}
for (const ty of [null, 'dir', 'file', 'junction', 'x', 1, {}]) {
  t(`symlinkSync type ${show(ty)}`,
    () => fs.symlinkSync('t', path.join(dir, `sl${Math.random()}`), ty));
}
for (const o of [null, 1, 'x', {}, { bufferSize: 0 }, { bufferSize: 1.5 }, { bufferSize: 'x' },
                 { encoding: 'bogus' }]) {
  t(`opendirSync opts ${show(o)}`, () => fs.opendirSync(dir, o).closeSync());
}
for (const o of [null, 'x', { mode: 9 }, { filter: 1 }, { recursive: 1 },
                 { dereference: true, verbatimSymlinks: true }]) {
  t(`cpSync opts ${show(o)}`, () => fs.cpSync(file, path.join(dir, 'cp'), o));
}

// Callback forms: which argument is checked first, and where the callback is.
const cbNames = ['appendFile', 'access', 'chown', 'chmod', 'close', 'copyFile', 'cp', 'exists',
                 'fchown', 'fchmod', 'fdatasync', 'fstat', 'fsync', 'ftruncate', 'futimes',
                 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'readdir',
                 'read', 'readv', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir',
                 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
                 'write', 'writev', 'opendir'];
for (const name of cbNames) {
  t(`${name}({})`, () => fs[name]({}));
  t(`${name}({} x 7)`, () => fs[name]({}, {}, {}, {}, {}, {}, {}));
}
t('realpath.native({})', () => fs.realpath.native({}));
t('stat(file)', () => fs.stat(file));
t('stat(file, "x")', () => fs.stat(file, 'x'));
t('open(file, "r", "notfn")', () => fs.open(file, 'r', 'notfn'));
t('open(file, "r", 0o666, "notfn")', () => fs.open(file, 'r', 0o666, 'notfn'));
t('close(2 ** 30, 1)', () => fs.close(2 ** 30, 1));
t('rm(file, 5)', () => fs.rm(path.join(dir, 'nope'), 5));
t('read(0, buffer, 0, 1, fn, fn)', () => fs.read(0, Buffer.alloc(1), 0, 1, () => {}, never));
t('read(0, {buffer: 5}, cb)', () => fs.read(0, { buffer: 5 }, never));
t('read(0, buffer, {length: 9}, cb)', () => fs.read(0, Buffer.alloc(3), { length: 9 }, never));
t('opendir(dir, 5)', () => fs.opendir(dir, 5));
t('statSync(file, null)', () => fs.statSync(file, null));
t('stat(file, null, cb)', () => fs.stat(file, null, never));
t('watch(42)', () => fs.watch(42));
t('watch(dir, 1)', () => fs.watch(dir, 1));
t('watch(dir, { recursive: 1 })', () => fs.watch(dir, { recursive: 1 }));
t('watchFile(42, fn)', () => fs.watchFile(42, never));
t('watchFile(file)', () => fs.watchFile(file));
t('watchFile(file, { interval: "x" }, fn)', () => fs.watchFile(file, { interval: 'x' }, never));
t('watchFile(file, 5, fn)', () => fs.watchFile(file, 5, never));
t('unwatchFile(42)', () => fs.unwatchFile(42));
t('createReadStream(42)', () => fs.createReadStream(42));
t('createReadStream(file, { start: 2, end: 1 })',
  () => fs.createReadStream(file, { start: 2, end: 1 }));
t('createReadStream(file, { start: -1 })', () => fs.createReadStream(file, { start: -1 }));
t('createReadStream(file, { end: "x" })', () => fs.createReadStream(file, { end: 'x' }));
t('createWriteStream(file, { fd: "x" })', () => fs.createWriteStream(file, { fd: 'x' }));
t('createWriteStream(file, { start: 1.5 })', () => fs.createWriteStream(file, { start: 1.5 }));
t('createWriteStream(file, { fs: { open: null } })',
  () => fs.createWriteStream(file, { fs: { ...fs, open: null } }));
t('openAsBlob(1)', () => fs.openAsBlob(1));
t('openAsBlob(file, { type: 1 })', () => fs.openAsBlob(file, { type: 1 }));
t('openAsBlob(missing)', () => fs.openAsBlob(path.join(dir, 'nope')));

// Promise forms: argument errors are rejections.
p('fsp.readFile(1n)', () => fsp.readFile(1n));
p('fsp.readFile(file, "bogus")', () => fsp.readFile(file, 'bogus'));
p('fsp.open(file, "bogus")', () => fsp.open(file, 'bogus'));
p('fsp.stat(file, null)', () => fsp.stat(file, null));
p('fsp.access(file, 8)', () => fsp.access(file, 8));
p('fsp.mkdir(dir, { recursive: "no" })', () => fsp.mkdir(dir, { recursive: 'no' }));
p('fsp.writeFile(file, 5)', () => fsp.writeFile(file, 5));
p('fsp.writeFile(file, {})', () => fsp.writeFile(file, {}));
p('fsp.writeFile(file, [1])', () => fsp.writeFile(file, [1]));
p('fsp.writeFile(file, [null])', () => fsp.writeFile(file, [null]));
p('fsp.rm(dir, null)', () => fsp.rm(dir, null));
p('fsp.cp(file, dir, { mode: 9 })', () => fsp.cp(file, dir, { mode: 9 }));
p('fsp.truncate(file, "x")', () => fsp.truncate(file, 'x'));
p('fsp.lchmod(file, 0o644)', () => fsp.lchmod(file, 0o644));
p('fsp.watch(1).next()', () => fsp.watch(1).next());
p('fsp.watch(dir, 1).next()', () => fsp.watch(dir, 1).next());
p('fsp.watch(dir, { persistent: 1 }).next()', () => fsp.watch(dir, { persistent: 1 }).next());
p('fsp.watch(dir, { encoding: 1 }).next()', () => fsp.watch(dir, { encoding: 1 }).next());
p('fsp.watch(dir, { signal: 1 }).next()', () => fsp.watch(dir, { signal: 1 }).next());
p('fh.read(5)', async () => {
  const fh = await fsp.open(file);
  try {
    return await fh.read(5);
  } finally {
    await fh.close();
  }
});
p('fh.write(5)', async () => {
  const fh = await fsp.open(file, 'r+');
  try {
    return await fh.write(5);
  } finally {
    await fh.close();
  }
});
p('closed fh.stat()', async () => {
  const fh = await fsp.open(file);
  await fh.close();
  return fh.stat();
});

(async () => {
  for (const run of pending) await run();
  fs.rmSync(dir, { recursive: true, force: true });
})();
