// Static import/export as node runs them: default, named, namespace and re-exports, live
// bindings, one evaluation per URL (a query string makes another instance), module scope
// (strict, no CommonJS globals, this === undefined), percent-encoded and non-ASCII file names,
// absolute paths and file: URLs as specifiers, shebang and BOM, import.meta.
import namedDefault, { count, increment } from './fixtures/esm/basic/counter.mjs';
import * as counterNS from './fixtures/esm/basic/counter.mjs';
import {
  aliasedCount, counterDefault, counterNS as nestedNS, hoisted, increment as inc2,
} from './fixtures/esm/basic/reexports.mjs';
import { topThis, cjsGlobals, strict } from './fixtures/esm/basic/this-and-globals.mjs';
import { name as spaceName } from './fixtures/esm/basic/with%20space.mjs';
import { name as spaceName2 } from './fixtures/esm/basic/with space.mjs';
import { name as percentName } from './fixtures/esm/basic/caf%25C3%25A9.mjs';
import { name as cafeName } from './fixtures/esm/basic/café.mjs';
import { name as cafeEncoded } from './fixtures/esm/basic/caf%C3%A9.mjs';
import { shebang } from './fixtures/esm/basic/shebang.mjs';
import { bom } from './fixtures/esm/basic/bom.mjs';
import report from './fixtures/esm/report.cjs';

const { log } = report;

log('default:', namedDefault(), namedDefault === counterDefault);
log('count before:', count, aliasedCount, counterNS.count, nestedNS.count);
increment();
inc2();
log('count after two increments:', count, aliasedCount, counterNS.count, nestedNS.count);
log('namespace keys:', Object.keys(counterNS));
log('namespace tag:', Object.prototype.toString.call(counterNS), Object.isFrozen(counterNS),
    Object.getPrototypeOf(counterNS));
try {
  counterNS.count = 5;
} catch (error) {
  log('namespace write:', error.constructor.name);
}
log('same namespace object:', counterNS === nestedNS);
log('hoisted:', hoisted());
log('module scope:', topThis, cjsGlobals, strict);
log('file names:', spaceName, spaceName2, percentName, cafeName, cafeEncoded);
log(shebang, '/', bom);

// A query string is part of the URL: another module instance.
const withQuery = await import('./fixtures/esm/basic/counter.mjs?second');
log('query instance:', withQuery.count, withQuery === counterNS);
const again = await import('./fixtures/esm/basic/counter.mjs');
log('same instance again:', again === counterNS, again.count);

// Absolute paths and file: URLs name the same module.
const absolute = await import(`${import.meta.dirname}/fixtures/esm/basic/counter.mjs`);
const url = await import(import.meta.resolve('./fixtures/esm/basic/counter.mjs'));
const viaLocalhost = await import(
  import.meta.resolve('./fixtures/esm/basic/counter.mjs').replace('file://', 'file://localhost'));
log('absolute and URL:', absolute === counterNS, url === counterNS, viaLocalhost === counterNS);

// import.meta.
log('meta keys:', Object.keys(import.meta), Object.getPrototypeOf(import.meta));
log('meta.url:', import.meta.url);
log('meta.filename:', import.meta.filename);
log('meta.dirname:', import.meta.dirname);
log('meta.resolve:', typeof import.meta.resolve, import.meta.resolve.name,
    import.meta.resolve.length);
for (const specifier of ['./fixtures/esm/basic/hoist.mjs', './does-not-exist.mjs',
  './fixtures/esm/basic', 'node:fs', 'fs', './fixtures/esm/basic/with space.mjs',
  '../js/./fixtures/esm/basic/../basic/hoist.mjs?x#y', 'data:text/javascript,1']) {
  log(`resolve(${specifier}):`, import.meta.resolve(specifier));
}
try {
  import.meta.resolve('no-such-package-anywhere');
} catch (error) {
  report.showError('resolve(no-such-package-anywhere)', error);
}
