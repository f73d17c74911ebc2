'use strict';
// The fast forms of stat/lstat/fstat (callback) and fs.promises.readFile(path) against node's
// output: every argument shape, the values, the errors (code, syscall, message with the path
// masked), callbacks never synchronous, and a lone stat keeping the process alive.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-hot-'));
const mask = (s) => String(s).split(dir).join('<dir>');
const j = (...parts) => path.join(dir, ...parts);
fs.writeFileSync(j('file'), 'hello');
fs.writeFileSync(j('empty'), '');
fs.symlinkSync('file', j('link'));
fs.mkdirSync(j('sub'));

const log = [];
const say = (...args) => log.push(args.map(mask).join(' '));
const errInfo = (err) => `${err.name} ${err.code} ${err.syscall} ${mask(err.message)}`;
function describeStats(s) {
  return `${s.constructor.name} file=${s.isFile()} dir=${s.isDirectory()} ` +
         `link=${s.isSymbolicLink()} size=${s.size} ${typeof s.size} mtime=${s.mtime instanceof Date}`;
}

// Each case calls done() once from its callback; cases run one after another.
const cases = [];
const add = (name, fn) => cases.push([name, fn]);
function runNext() {
  const entry = cases.shift();
  if (entry === undefined) return finish();
  const [name, fn] = entry;
  let sync = true;
  try {
    fn((...out) => {
      say(name, sync ? 'SYNC CALLBACK' : 'async', ...out);
      setImmediate(runNext);
    });
  } catch (err) {
    say(name, 'throws', errInfo(err));
    setImmediate(runNext);
  }
  sync = false;
}

const statCb = (done) => (err, s) => done(err ? errInfo(err) : describeStats(s));
add('stat(path, cb)', (done) => fs.stat(j('file'), statCb(done)));
add('stat(path, {}, cb)', (done) => fs.stat(j('file'), {}, statCb(done)));
add('stat(path, {bigint}, cb)', (done) => fs.stat(j('file'), { bigint: true }, statCb(done)));
add('stat(path, undefined, cb)', (done) => fs.stat(j('file'), undefined, statCb(done)));
add('stat(path, null, cb)', (done) => fs.stat(j('file'), null, statCb(done)));
add('stat(buffer, cb)', (done) => fs.stat(Buffer.from(j('sub')), statCb(done)));
add('stat(url, cb)', (done) => fs.stat(new URL(`file://${j('file')}`), statCb(done)));
add('stat(missing, cb)', (done) => fs.stat(j('missing'), statCb(done)));
add('stat(file/x, cb)', (done) => fs.stat(j('file', 'x'), statCb(done)));
add('stat(link, cb)', (done) => fs.stat(j('link'), statCb(done)));
add('lstat(link, cb)', (done) => fs.lstat(j('link'), statCb(done)));
add('lstat(missing, cb)', (done) => fs.lstat(j('missing'), statCb(done)));
add('stat(path, cb, extra)', (done) => fs.stat(j('file'), statCb(done), 1));
add('stat(path, cbA, cbB)', (done) => fs.stat(j('file'), statCb(done), () => say('cbB')));
add('stat(path)', (done) => fs.stat(j('file')));
add('stat(path, {})', (done) => fs.stat(j('file'), {}));
add('stat(1, cb)', (done) => fs.stat(1, statCb(done)));
add('stat(a\\0b, cb)', (done) => fs.stat('a\u0000b', statCb(done)));
add('fstat(fd, cb)', (done) => {
  const fd = fs.openSync(j('file'), 'r');
  fs.fstat(fd, (err, s) => {
    fs.closeSync(fd);
    statCb(done)(err, s);
  });
});
add('fstat(fd, {bigint}, cb)', (done) => {
  const fd = fs.openSync(j('file'), 'r');
  fs.fstat(fd, { bigint: true }, (err, s) => {
    fs.closeSync(fd);
    statCb(done)(err, s);
  });
});
add('fstat(-1, cb)', (done) => fs.fstat(-1, statCb(done)));
add('fstat(closed fd, cb)', (done) => {
  const fd = fs.openSync(j('file'), 'r');
  fs.closeSync(fd);
  fs.fstat(fd, statCb(done));
});
add('fstat("1", cb)', (done) => fs.fstat('1', statCb(done)));

const show = (done) => [
  (v) => done(Buffer.isBuffer(v) ? `Buffer ${v.length} ${JSON.stringify(v.toString())}` :
    `${typeof v} ${JSON.stringify(v)}`),
  (err) => done(errInfo(err)),
];
add('promises.readFile(path)', (done) => fs.promises.readFile(j('file')).then(...show(done)));
add('promises.readFile(empty)', (done) => fs.promises.readFile(j('empty')).then(...show(done)));
add('promises.readFile(link)', (done) => fs.promises.readFile(j('link')).then(...show(done)));
add('promises.readFile(missing)',
    (done) => fs.promises.readFile(j('missing')).then(...show(done)));
add('promises.readFile(dir)', (done) => fs.promises.readFile(j('sub')).then(...show(done)));
add('promises.readFile(path, utf8)',
    (done) => fs.promises.readFile(j('file'), 'utf8').then(...show(done)));
add('promises.readFile(a\\0b)', (done) => fs.promises.readFile('a\u0000b').then(...show(done)));
add('promises.readFile(42)', (done) => fs.promises.readFile(42).then(...show(done)));
add('promises.readFile(/proc/self/stat has data)', (done) =>
  fs.promises.readFile('/proc/self/stat').then((v) => done(Buffer.isBuffer(v), v.length > 0)));
// Past the size read at once, and the callback form with other flags.
const big = Buffer.alloc(300 * 1024, 'ab');
fs.writeFileSync(j('big'), big);
add('promises.readFile(300 KiB)', (done) => fs.promises.readFile(j('big')).then((v) =>
  done(v.length, v.equals(big))));
add('readFile(path, cb)', (done) => fs.readFile(j('file'), (err, v) => done(errInfo(err ?? {}),
                                                                           String(v))));
add('readFile(path, {flag: r+}, cb)', (done) => fs.readFile(j('file'), { flag: 'r+' },
                                                            (err, v) => done(String(v))));
add('readFile(missing, cb)', (done) => fs.readFile(j('missing'), (err) => done(errInfo(err))));
add('readFile(dir, cb)', (done) => fs.readFile(j('sub'), (err) => done(errInfo(err))));
add('readFile mutation is private', (done) => {
  Promise.all([fs.promises.readFile(j('file')), fs.promises.readFile(j('file'))]).then(([a, b]) => {
    a[0] = 0x4a;
    done(a.toString(), b.toString(), a.buffer !== b.buffer);
  });
});

function finish() {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const line of log) console.log(line);
  // The last piece of work: a stat alone must keep the process alive until its callback.
  fs.stat(__filename, (err, s) => console.log('last stat', err, s.isFile()));
}

runNext();
