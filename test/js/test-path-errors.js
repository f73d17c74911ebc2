'use strict';
// Argument validation of the path functions: ERR_INVALID_ARG_TYPE with node's messages.
const assert = require('assert');
const path = require('path');

const bad = [null, undefined, 1, true, {}, [], () => {}, Symbol('s'), 1n];
function typeErr(name) {
  return { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
           message: new RegExp(`^The "${name.replace(/[[\]]/g, '\\$&')}" argument must be of type string\\. Received `) };
}

for (const p of [path.posix, path.win32]) {
  for (const v of bad) {
    for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse']) {
      assert.throws(() => p[fn](v), typeErr('path'), `${fn}(${String(v)})`);
    }
    assert.throws(() => p.join('a', v), typeErr('path'));
    assert.throws(() => p.join(v), typeErr('path'));
    assert.throws(() => p.resolve('a', v), typeErr('paths[1]'));
    assert.throws(() => p.resolve(v), typeErr('paths[0]'));
    assert.throws(() => p.relative(v, 'a'), typeErr('from'));
    assert.throws(() => p.relative('a', v), typeErr('to'));
    if (v !== undefined) assert.throws(() => p.basename('a', v), typeErr('suffix'));
  }
  // The suffix is validated before the path.
  assert.throws(() => p.basename(1, 2), typeErr('suffix'));
  // Exact message.
  assert.throws(() => p.normalize(42), {
    message: 'The "path" argument must be of type string. Received type number (42)',
  });
  assert.throws(() => p.join(null), {
    message: 'The "path" argument must be of type string. Received null',
  });
  // Empty joins and resolves.
  assert.strictEqual(p.join(), '.');
  assert.strictEqual(p.join('', ''), '.');
  // format requires an object (not null, not an array, not a function).
  for (const v of [null, undefined, 'a', 1, [], () => {}]) {
    assert.throws(() => p.format(v), { code: 'ERR_INVALID_ARG_TYPE',
                                        message: /^The "pathObject" argument must be of type object\. Received / });
  }
}

// posix.resolve stops at the first absolute path from the right: arguments on its left are
// not even validated.
assert.strictEqual(path.posix.resolve(1, '/a'), '/a');
// win32.resolve keeps going until it also has a device.
assert.throws(() => path.win32.resolve(1, '\\a'), typeErr('paths[0]'));
assert.strictEqual(path.win32.resolve(1, 'c:\\a'), 'c:\\a');
