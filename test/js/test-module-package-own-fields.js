'use strict';
// package.json fields are read as own properties: getters on Object.prototype for name, main,
// type, exports and imports are never consulted when a package.json lacks them.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-pkg-own-'));
const pkg = path.join(dir, 'node_modules', 'no-main-field');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'package.json'), '{"version": "1.0.0"}');
fs.writeFileSync(path.join(pkg, 'index.js'), 'module.exports = "no main field";');
fs.writeFileSync(path.join(dir, 'entry.mjs'),
                 'import v from "no-main-field"; export const noMain = v;');

const touched = [];
for (const key of ['name', 'main', 'type', 'exports', 'imports']) {
  Object.defineProperty(Object.prototype, key, {
    __proto__: null,
    get() { touched.push(`get ${key}`); return undefined; },
    set() { touched.push(`set ${key}`); },
    enumerable: false,
    configurable: true,
  });
}

console.log('require:', require(pkg));
import(path.join(dir, 'entry.mjs')).then((ns) => {
  console.log('import:', ns.noMain);
  console.log('prototype accessors touched:', touched.length === 0 ? 'none' : touched.join(', '));
  fs.rmSync(dir, { recursive: true, force: true });
});
