'use strict';
// vm.compileFunction's code cache: produceCachedData gives a Buffer, cachedData is accepted for the
// same source and rejected for another, as node reports it on the function.
const vm = require('vm');
const source = 'return 1 + 2';
const a = vm.compileFunction(source, [], { produceCachedData: true });
console.log(a.cachedDataProduced, Buffer.isBuffer(a.cachedData), a.cachedData.length > 0, a.cachedDataRejected, Object.keys(a));
const b = vm.compileFunction(source, [], { cachedData: a.cachedData });
console.log(b.cachedDataRejected, b(), Object.keys(b));
const c = vm.compileFunction('return "other"', [], { cachedData: a.cachedData });
console.log(c.cachedDataRejected, c());
const d = vm.compileFunction(source, [], { cachedData: new Uint8Array(a.cachedData) });
console.log(d.cachedDataRejected);
const e = vm.compileFunction(source);
console.log(Object.keys(e), 'cachedDataRejected' in e);
try { vm.compileFunction('', [], { cachedData: null }); } catch (err) { console.log(err.code, err.message); }
