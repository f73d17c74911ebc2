'use strict';
// Shape of the path module: exports, cross references, ids, separators.
const assert = require('assert');
const path = require('path');

assert.strictEqual(require('node:path'), path);
assert.strictEqual(require('path/posix'), path.posix);
assert.strictEqual(require('path/win32'), path.win32);
assert.strictEqual(require('node:path/posix'), path.posix);
assert.strictEqual(path, path.posix); // POSIX host
assert.strictEqual(path.posix.posix, path.posix);
assert.strictEqual(path.posix.win32, path.win32);
assert.strictEqual(path.win32.win32, path.win32);
assert.strictEqual(path.win32.posix, path.posix);

const keys = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath',
  'dirname', 'basename', 'extname', 'format', 'parse', 'matchesGlob', 'sep', 'delimiter',
  'win32', 'posix', '_makeLong'];
assert.deepStrictEqual(Object.keys(path.posix), keys);
assert.deepStrictEqual(Object.keys(path.win32), keys);

assert.strictEqual(path.posix.sep, '/');
assert.strictEqual(path.posix.delimiter, ':');
assert.strictEqual(path.win32.sep, '\\');
assert.strictEqual(path.win32.delimiter, ';');
assert.strictEqual(path.posix._makeLong, path.posix.toNamespacedPath);
assert.strictEqual(path.win32._makeLong, path.win32.toNamespacedPath);

for (const flavour of [path.posix, path.win32]) {
  for (const k of keys) {
    if (typeof flavour[k] !== 'function') continue;
    const d = Object.getOwnPropertyDescriptor(flavour, k);
    assert.ok(d.enumerable && d.writable && d.configurable, k);
  }
  assert.strictEqual(flavour.format.name, 'bound _format');
  assert.strictEqual(flavour.resolve.length, 0);
  assert.strictEqual(flavour.join.length, 0);
  assert.strictEqual(flavour.basename.length, 2);
  assert.strictEqual(flavour.relative.length, 2);
  assert.strictEqual(flavour.normalize.length, 1);
}

// posix.toNamespacedPath is the identity, for any value.
const o = {};
assert.strictEqual(path.posix.toNamespacedPath(o), o);
assert.strictEqual(path.posix.toNamespacedPath('/a/../b'), '/a/../b');
// win32.toNamespacedPath passes non-strings and '' through.
assert.strictEqual(path.win32.toNamespacedPath(o), o);
assert.strictEqual(path.win32.toNamespacedPath(''), '');
assert.strictEqual(path.win32.toNamespacedPath('C:\\a\\..\\b'), '\\\\?\\C:\\b');
assert.strictEqual(path.win32.toNamespacedPath('\\\\srv\\share\\x'), '\\\\?\\UNC\\srv\\share\\x');
assert.strictEqual(path.win32.toNamespacedPath('\\\\?\\C:\\x'), '\\\\?\\C:\\x');

// matchesGlob is experimental in node 20; ringjs may not have it yet.
try {
  assert.strictEqual(path.matchesGlob('/a/b/c.js', '/a/**/*.js'), true);
  assert.strictEqual(path.matchesGlob('/a/b/c.ts', '/a/**/*.js'), false);
} catch (err) {
  assert.strictEqual(err.code, 'ERR_NOT_IMPLEMENTED');
}
