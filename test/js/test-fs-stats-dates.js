'use strict';
// fs.Stats / BigIntStats as node 20 shows them: the Date fields (made lazily by ringjs) are own,
// enumerable, writable, configurable data properties in node's key order, for every reflective
// operation, and keep the time the stat returned even after the *Ms fields change.
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const v8 = require('v8');
const { Worker } = require('worker_threads');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-stats-dates-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'hello');
// atime has a fraction of a millisecond that rounds up, mtime one that rounds down.
fs.utimesSync(file, 1000000000.0126, 1234567890.1234);

const log = (...args) => console.log(...args);
// Fields whose values depend on the machine (device, inode, owner, change/birth time).
const machineFields = new Set(['dev', 'ino', 'uid', 'gid', 'blksize', 'blocks', 'nlink',
                               'ctimeMs', 'ctime', 'birthtimeMs', 'birthtime', 'ctimeNs',
                               'birthtimeNs', 'mode']);
const show = (value) => (value instanceof Date ? `Date(${value.toISOString()})` : util.inspect(value));
function describe(object, key) {
  const d = Object.getOwnPropertyDescriptor(object, key);
  if (d === undefined) return `${key}: none`;
  const value = machineFields.has(key) ? typeof d.value : show(d.value);
  return `${key}: value=${value} get=${typeof d.get} w=${d.writable} e=${d.enumerable} ` +
         `c=${d.configurable}`;
}
// JSON.stringify, with bigints (which it refuses) written as 12n.
const json = (value, indent) => JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `${v}n` : v), indent);
const describeAll = (object) => Object.keys(object).map((k) => describe(object, k)).join('\n');
const masked = (text) => text.replace(/(dev|ino|uid|gid|blksize|blocks|nlink|mode|ctimeMs|birthtimeMs|ctimeNs|birthtimeNs)(": ?"?|: )[\d.n]+/g, '$1$2#')
  .replace(/(ctime|birthtime)(": ?"|: )[\d\-T:.Z]+/g, '$1$2#');

function checkStats(label, make) {
  log(`--- ${label}`);
  let s = make();
  log('keys', Object.keys(s).join());
  log('names', Object.getOwnPropertyNames(s).join());
  log('symbols', Object.getOwnPropertySymbols(s).length, 'ownKeys', Reflect.ownKeys(s).length);
  log(describeAll(s));
  log('descriptors', Object.keys(Object.getOwnPropertyDescriptors(s)).join());
  log('json', masked(json(s)));
  log('json indent', masked(json(s, 1)).split('\n').length);
  try {
    log('plain json length', JSON.stringify(s).length > 100);
  } catch (e) {
    log(e.constructor.name, e.message);
  }
  log('inspect', masked(util.inspect(s)));
  log('inspect compact', masked(util.inspect(s, { compact: true, breakLength: Infinity })));
  log('toString', Object.prototype.toString.call(s), String(s));
  const forIn = [];
  for (const k in s) forIn.push(k);
  log('for in', forIn.join());
  for (let proto = Object.getPrototypeOf(s); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    log('prototype', Reflect.ownKeys(proto).join(), Object.keys(proto).join(),
        Object.keys(proto).map((k) => `${JSON.stringify(proto[k].name)}/${proto[k].length}`).join());
  }
  log('_checkModeProperty', s._checkModeProperty(typeof s.mode === 'bigint' ? BigInt(fs.constants.S_IFREG) : fs.constants.S_IFREG),
      s.isFIFO(), s.isSocket(), s.isBlockDevice(), s.isCharacterDevice());
  log('entries', Object.entries(s).map(([k, v]) => `${k}=${machineFields.has(k) ? typeof v : show(v)}`).join());
  log('values', Object.values(s).filter((v) => v instanceof Date).length);
  log('has', s.hasOwnProperty('mtime'), Object.hasOwn(s, 'atime'), 'birthtime' in s,
      s.propertyIsEnumerable('ctime'));
  log('instanceof', s instanceof fs.Stats, s.constructor === fs.Stats, s.constructor.name,
      Object.getPrototypeOf(s) === fs.Stats.prototype);
  log('isFile', s.isFile(), s.isDirectory(), s.isSymbolicLink());
  log('identity', s.atime === s.atime, s.mtime === Object.getOwnPropertyDescriptor(s, 'mtime').value);
  log('date from ms', s.atime.getTime() === Math.round(Number(s.atimeMs)),
      s.ctime.getTime() === Math.round(Number(s.ctimeMs)),
      s.birthtime.getTime() === Math.round(Number(s.birthtimeMs)));

  const spread = { ...s };
  log('spread', Object.keys(spread).join() === Object.keys(s).join(), spread.mtime === s.mtime,
      describe(spread, 'atime'));
  const assigned = Object.assign({}, s);
  log('assign', Object.keys(assigned).join() === Object.keys(s).join(), assigned.ctime === s.ctime);
  const cloned = structuredClone(s);
  log('structuredClone', Object.keys(cloned).join(), Object.getPrototypeOf(cloned) === Object.prototype,
      show(cloned.atime), show(cloned.mtime), cloned.mtime === s.mtime);
  const bytes = v8.serialize(s);
  const back = v8.deserialize(bytes);
  log('v8.serialize', bytes.length > 0, Object.keys(back).join(), show(back.mtime));
  log('v8.serialize same as a plain copy', Buffer.compare(bytes, v8.serialize({ ...s })) === 0);

  // The Dates keep the stat's time whatever happens to the *Ms and *Ns fields.
  s = make();
  s.mtimeMs = typeof s.mtimeMs === 'bigint' ? 0n : 0;
  s.atimeMs = 'x';
  if ('mtimeNs' in s) s.mtimeNs = 0n;
  log('after changing *Ms', show(s.mtime), show(s.atime), s.mtimeMs, s.atimeMs);

  s = make();
  s.mtime = 5;
  s.atime = undefined;
  s.ctime = null;
  const userDate = new Date(0);
  s.birthtime = userDate;
  log('assigned', s.mtime, s.atime, s.ctime, s.birthtime === userDate, describe(s, 'mtime'),
      describe(s, 'atime'));
  log('assigned keys', Object.keys(s).join(), masked(json(s)));

  s = make();
  const atime = s.atime;
  s.atime = 'later';
  log('assigned after read', s.atime, atime instanceof Date);

  s = make();
  delete s.mtime;
  delete s.size;
  log('deleted', s.mtime, 'mtime' in s, Object.keys(s).join());
  s.mtime = 1;
  log('re-added', s.mtime, Object.keys(s).join(), describe(s, 'mtime'));

  s = make();
  Object.freeze(s);
  log('frozen', Object.isFrozen(s), Object.isSealed(s), Object.isExtensible(s));
  log(describe(s, 'mtime'));
  log(describe(s, 'atime'));
  log('frozen identity', s.ctime === s.ctime, show(s.atime));
  for (const key of ['ctime', 'birthtime', 'size']) {
    try {
      s[key] = 1;
      log('no throw', key);
    } catch (e) {
      log(e.constructor.name, e.message);
    }
  }
  try {
    delete s.atime;
  } catch (e) {
    log(e.constructor.name, e.message);
  }
  try {
    Object.defineProperty(s, 'mtime', { value: 1 });
  } catch (e) {
    log(e.constructor.name, e.message);
  }
  log('frozen after', show(s.mtime), json(s) === json({ ...s }));

  s = make();
  Object.seal(s);
  s.mtime = 9;
  log('sealed', s.mtime, Object.isSealed(s), Object.isFrozen(s), describe(s, 'mtime'));
  try {
    delete s.atime;
  } catch (e) {
    log(e.constructor.name, e.message);
  }

  s = make();
  Object.preventExtensions(s);
  log('non-extensible', show(s.mtime), Object.isExtensible(s));

  s = make();
  Object.defineProperty(s, 'birthtime', { enumerable: false });
  log('non-enumerable', Object.keys(s).join(), describe(s, 'birthtime').replace(/value=Date\([^)]*\)/, 'value=Date'));
  Object.defineProperty(s, 'atime', { writable: false });
  log('read-only', describe(s, 'atime'));
  try {
    s.atime = 1;
  } catch (e) {
    log(e.constructor.name, e.message);
  }
  Object.defineProperty(s, 'ctime', { get() { return 'getter'; }, configurable: true });
  log('accessor', s.ctime, describe(s, 'ctime'));
  Object.defineProperty(s, 'mtime', { value: 'defined' });
  log('defined', s.mtime, describe(s, 'mtime'));

  // A Stats as a prototype, and as the target of a Reflect call with another receiver.
  s = make();
  const child = Object.create(s);
  log('child read', child.mtime === s.mtime, Object.keys(child).length);
  child.atime = 'own';
  log('child write', child.atime, s.atime instanceof Date, Object.keys(child).join());
  const receiver = {};
  log('Reflect.set', Reflect.set(s, 'ctime', 7, receiver), receiver.ctime, s.ctime instanceof Date);
  log('Reflect.get', Reflect.get(s, 'birthtime', receiver) === s.birthtime,
      Reflect.get(s, 'mtime', 1) === s.mtime);
  log('Object.setPrototypeOf', Object.setPrototypeOf(make(), null).mtime instanceof Date);
}

checkStats('statSync', () => fs.statSync(file));
checkStats('lstatSync', () => fs.lstatSync(file));
checkStats('statSync bigint', () => fs.statSync(file, { bigint: true }));
checkStats('fstatSync', () => {
  const fd = fs.openSync(file, 'r');
  try {
    return fs.fstatSync(fd);
  } finally {
    fs.closeSync(fd);
  }
});

// Stats the program makes itself (deprecated in node, still works).
log('--- new fs.Stats');
const own = new fs.Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.5, 2.4999, -1.5, 1e20);
log(Object.keys(own).join());
log(show(own.atime), show(own.mtime), show(own.ctime), String(own.birthtime));
log(describeAll(own).split('\n').slice(-4).join('\n'));
own.mtimeMs = 0;
log(show(own.mtime), own instanceof fs.Stats, json(own).length);
const ownEmpty = new fs.Stats();
log(Object.keys(ownEmpty).length, String(ownEmpty.atime), ownEmpty.dev);
const custom = fs.statSync(file);
custom._checkModeProperty = (type) => `asked ${type === fs.constants.S_IFDIR}`;
log('own _checkModeProperty', custom.isDirectory(), custom.isFile());

function summary(label, s) {
  log(label, Object.keys(s).length, show(s.atime), show(s.mtime), s.mtime === s.mtime,
      s instanceof fs.Stats, s.isFile());
}

const pending = [];
const expect = (label) => new Promise((resolve) => pending.push({ label, resolve }));
fs.stat(file, (err, s) => summary('stat callback', s));
fs.lstat(file, { bigint: true }, (err, s) => summary('lstat bigint callback', s));
fs.open(file, 'r', (err, fd) => fs.fstat(fd, (err2, s) => {
  summary('fstat callback', s);
  fs.closeSync(fd);
}));
(async () => {
  summary('promises.stat', await fs.promises.stat(file));
  summary('promises.stat bigint', await fs.promises.stat(file, { bigint: true }));
  const handle = await fs.promises.open(file, 'r');
  summary('FileHandle.stat', await handle.stat());
  await handle.close();
  summary('promisify(stat)', await util.promisify(fs.stat)(file));
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  log('readdir withFileTypes', entries.map((e) => `${e.name}:${e.isFile()}`).join());

  // A worker has its own binding state.
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    const s = require('fs').statSync(workerData);
    s.ctimeMs = 0;
    parentPort.postMessage([Object.keys(s).join(), s.mtime.toISOString(), s.mtime === s.mtime,
                            s.ctime.getTime() !== 0, s]);
  `, { eval: true, workerData: file });
  const [keys, mtime, same, ctimeKept, posted] = await new Promise((resolve) => worker.on('message', resolve));
  log('worker', keys, mtime, same, ctimeKept, Object.keys(posted).length, show(posted.atime));
  fs.rmSync(dir, { recursive: true });
})();
