'use strict';
// path functions whose results depend on process.cwd().
const assert = require('assert');
const path = require('path');

const cwd = process.cwd();
assert.strictEqual(path.resolve(), cwd);
assert.strictEqual(path.resolve(''), cwd);
assert.strictEqual(path.resolve('.'), cwd);
assert.strictEqual(path.resolve('a', 'b'), cwd === '/' ? '/a/b' : `${cwd}/a/b`);
assert.strictEqual(path.resolve('a/../..'), path.dirname(cwd));
assert.strictEqual(path.relative('', ''), '');
assert.strictEqual(path.relative(cwd, 'x'), 'x');
assert.strictEqual(path.relative('x', cwd), '..');
assert.strictEqual(path.relative('/', cwd), cwd.slice(1));

// win32 on a POSIX host takes the POSIX cwd as a rooted path without a device.
const wcwd = cwd.replace(/\//g, '\\');
assert.strictEqual(path.win32.resolve('a'), path.win32.normalize(`${wcwd}\\a`));
assert.strictEqual(path.win32.resolve(), wcwd);
// A drive-relative path takes the cwd's segments under that drive.
assert.strictEqual(path.win32.resolve('c:a'), path.win32.normalize(`c:${wcwd}\\a`));
assert.strictEqual(path.win32.toNamespacedPath('a'), path.win32.normalize(`${wcwd}\\a`));

// Changing the cwd changes the results.
const os = require('os');
const tmp = require('fs').realpathSync(os.tmpdir());
process.chdir(tmp);
try {
  assert.strictEqual(path.resolve('q'), path.join(tmp, 'q'));
  assert.strictEqual(path.relative('q', 'r'), '../r');
  assert.strictEqual(path.relative(tmp, '/'), path.relative(tmp, '/'));
  assert.strictEqual(path.relative(tmp, '/'), tmp.split('/').slice(1).map(() => '..').join('/'));
} finally {
  process.chdir(cwd);
}
