'use strict';
// node:vm against node: contexts mirror their sandbox (var/function declarations, this.x, delete,
// defineProperty, indices, read-only), built-ins per context, code generation switch, timeouts,
// code cache, compileFunction with extensions and parsing contexts, decorated errors, node's
// argument errors, microtaskMode 'afterEvaluate'.
const vm = require('vm');
const util = require('util');
function attempt(name, fn) { try { console.log(name, util.inspect(fn())); } catch (e) { console.log(name, 'threw', e.name, e.code, e.message); } }
const c = vm.createContext({ a: 1, console });
vm.runInContext('var b = a + 1; c = 3; this.d = 4; function f() {} globalThis.e = typeof Array.prototype.toSorted', c);
console.log(c, vm.isContext(c), Object.keys(c));
attempt('keys', () => vm.runInNewContext('Object.keys(globalThis)', { z: 1 }));
attempt('builtins', () => vm.runInNewContext('[typeof Array.prototype.toSorted, typeof Map, this === globalThis]'));
attempt('object', () => vm.runInNewContext('({a:[1,2], m: new Map([[1,2]])})'));
attempt('codegen', () => vm.runInNewContext('eval("1")', {}, { contextCodeGeneration: { strings: false } }));
attempt('createContext(1)', () => vm.createContext(1));
attempt('isContext(1)', () => vm.isContext(1));
attempt('runInContext({})', () => vm.runInContext('1', {}));
attempt('timeout -1', () => new vm.Script('1').runInThisContext({ timeout: -1 }));
attempt('timeout', () => vm.runInNewContext('while(true){}', {}, { timeout: 50 }));
attempt('after timeout', () => vm.runInNewContext('1+1'));
attempt('this ctx', () => [vm.runInThisContext('typeof require'), vm.compileFunction('return a+b', ['a', 'b'])(1, 2)]);
attempt('params', () => vm.compileFunction('1', [1]));
attempt('parsingContext', () => vm.compileFunction('1', [], { parsingContext: {} }));
attempt('microtaskMode', () => vm.createContext({}, { microtaskMode: 'x' }));
attempt('contextName', () => vm.runInNewContext('1', {}, { contextName: 1 }));
attempt('cache', () => { const s = new vm.Script('1+1', { produceCachedData: true }); return [Buffer.isBuffer(s.cachedData), s.cachedDataProduced, s.createCachedData().length > 0]; });
const s2 = new vm.Script('x * 2', { produceCachedData: true });
attempt('consume', () => { const s = new vm.Script('x * 2', { cachedData: s2.cachedData }); return [s.cachedDataRejected, s.runInNewContext({ x: 21 })]; });
attempt('script', () => new vm.Script('1'));
attempt('thrown', () => { try { vm.runInNewContext('throw new TypeError("x")', {}); } catch (e) { return [e.stack.split('\n').slice(0, 6), e instanceof TypeError, e.constructor.name]; } });
attempt('syntax', () => { try { new vm.Script('var x = ;', { filename: 'f.js' }); } catch (e) { return e.stack.split('\n').slice(0, 5); } });
attempt('nodisplay', () => { try { vm.runInNewContext('throw new Error("y")', {}, { displayErrors: false }); } catch (e) { return e.stack.split('\n')[0]; } });
attempt('ext', () => vm.compileFunction('return p + q', [], { contextExtensions: [{ p: 1, q: 2 }] })());
attempt('parsing', () => { const ctx = vm.createContext({ k: 5 }); return vm.compileFunction('return k', [], { parsingContext: ctx })(); });
const sb = { n: 0 };
vm.createContext(sb);
vm.runInContext('n++; var arr = [1,2]; delete n;', sb);
console.log(sb, 'n' in sb);
attempt('strict undeclared', () => vm.runInNewContext('"use strict"; undeclared = 1', {}));
attempt('readonly', () => { const o = {}; Object.defineProperty(o, 'r', { value: 1, writable: false, enumerable: true }); vm.createContext(o); vm.runInContext('r = 2', o); return o.r; });
attempt('define', () => { const o = vm.createContext({}); vm.runInContext('Object.defineProperty(globalThis, "g", { get() { return 7 }, enumerable: true })', o); return [o.g, Object.keys(o)]; });
attempt('promise', async () => 1);
const mt = vm.createContext({ out: [] }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => out.push("micro"))', mt);
console.log('after afterEvaluate run', mt.out);
attempt('index', () => { const o = vm.createContext([]); vm.runInContext('this[0] = "zero"', o); return o[0]; });
attempt('sandbox self', () => { const o = {}; o.self = o; vm.createContext(o); return vm.runInContext('self === globalThis', o); });
attempt('instanceof', () => vm.runInNewContext('[]') instanceof Array);
