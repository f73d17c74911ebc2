'use strict';
// A store through a vm context's global to a property the sandbox has as an accessor calls the
// sandbox's setter and leaves the accessor in place (node GH-42962); a throwing setter throws,
// a read-only property refuses, other stores land on the sandbox.
const vm = require('vm');
const sandbox = {};
vm.createContext(sandbox);
const calls = [];
Object.defineProperty(sandbox, 'accessor', {
  get: () => 42, set: (v) => calls.push(typeof v), configurable: true,
});
const sym = Symbol('sym');
Object.defineProperty(sandbox, sym, { get: () => 46, set: (v) => calls.push(v), configurable: true });
Object.defineProperty(sandbox, 'throwing', {
  get: () => 50, set: () => { throw new Error('setter called'); }, configurable: true,
});
Object.defineProperty(sandbox, 'readOnly', { value: 51, writable: false });
sandbox.plain = 44;
const global = vm.runInContext('this', sandbox);
global.accessor = () => {};
global.accessor = 143;
global[sym] = 147;
global.plain = 144;
global.fresh = 145;
console.log(global.accessor, global[sym], global.plain, global.fresh, sandbox.fresh, calls);
console.log(typeof Object.getOwnPropertyDescriptor(global, 'accessor').get);
try { global.throwing = 150; } catch (e) { console.log(e.message); }
try { global.readOnly = 151; } catch (e) { console.log(e.name, e.message); }
console.log(global.throwing, global.readOnly);
console.log(vm.runInContext('accessor = 7; [accessor, typeof accessor]', sandbox), calls.length);
