// Importing CommonJS: default is module.exports; named exports are the names node's lexer
// (cjs-module-lexer) finds in the source: exports.x =, module.exports = { ... },
// Object.defineProperty(exports, ...), __esModule with TypeScript/Babel re-export helpers,
// module.exports = require(...). Values are read once, after the module ran.
import dot, { alpha, beta, fn, gamma } from './fixtures/esm/cjs/exports-dot.cjs';
import obj, { shorthand, helper, literal, quoted } from './fixtures/esm/cjs/module-exports-object.cjs';
import defined, { viaValue, viaGetter, otherGetter } from './fixtures/esm/cjs/define-property.cjs';
import esmodule, { named, __esModule } from './fixtures/esm/cjs/esmodule.cjs';
import star, { own, alpha as starAlpha } from './fixtures/esm/cjs/reexport-star.cjs';
import { viaGetter as babelGetter } from './fixtures/esm/cjs/reexport-babel.cjs';
import { literal as reLiteral } from './fixtures/esm/cjs/reexport-module.cjs';
import callable, { attached } from './fixtures/esm/cjs/function-export.cjs';
import primitive from './fixtures/esm/cjs/primitive.cjs';
import { fine } from './fixtures/esm/cjs/throwing-getter.cjs';
import { value as laterValue } from './fixtures/esm/cjs/later-changes.cjs';
import { joined, fromJson, filename } from './fixtures/esm/cjs/uses-require.cjs';
import * as dotNS from './fixtures/esm/cjs/exports-dot.cjs';
import { createRequire } from 'node:module';
import report from './fixtures/esm/report.cjs';

const { log, tryImports } = report;
const require = createRequire(import.meta.url);

log('exports.x:', alpha, beta, fn(), gamma, dot === require('./fixtures/esm/cjs/exports-dot.cjs'));
log('namespace:', Object.keys(dotNS), dotNS.default === dot);
log('module.exports = {...}:', shorthand, helper(), literal, quoted, obj.spread);
log('defineProperty:', viaValue, viaGetter, otherGetter, defined.hidden, defined.computed);
log('__esModule:', named, __esModule, esmodule.default, esmodule.named);
log('__exportStar:', own, starAlpha, Object.keys(star));
log('babel re-export:', babelGetter);
log('module.exports = require():', reLiteral);
log('function:', callable(), attached);
log('primitive:', primitive);
log('throwing getter skipped:', fine);
log('CommonJS inside:', joined, fromJson, filename);

// What each module offers when imported whole (names the lexer found, default last-set).
await tryImports((s) => import(s), [
  './fixtures/esm/cjs/exports-dot.cjs',
  './fixtures/esm/cjs/module-exports-object.cjs',
  './fixtures/esm/cjs/define-property.cjs',
  './fixtures/esm/cjs/esmodule.cjs',
  './fixtures/esm/cjs/reexport-star.cjs',
  './fixtures/esm/cjs/reexport-babel.cjs',
  './fixtures/esm/cjs/reexport-module.cjs',
  './fixtures/esm/cjs/reexport-then-lost.cjs',
  './fixtures/esm/cjs/not-detected.cjs',
  './fixtures/esm/cjs/function-export.cjs',
  './fixtures/esm/cjs/primitive.cjs',
  './fixtures/esm/cjs/throwing-getter.cjs',
]);

// The CommonJS module runs once, shared with require(); it has no parent and is not main.
const first = await import('./fixtures/esm/cjs/side-effect.cjs');
log('shared with require:', first.default === require('./fixtures/esm/cjs/side-effect.cjs'));

// A name the lexer cannot see is a SyntaxError with node's hint (shown by a module that asks).
await tryImports((s) => import(s), [
  './fixtures/esm/cjs-missing-named.mjs',
  './fixtures/esm/cjs-missing-named-multi.mjs',
  './fixtures/esm/esm-missing-named.mjs',
]);

// The binding was set when the module ran; later changes to exports do not reach it.
await new Promise((resolve) => setTimeout(resolve, 20));
log('later change not seen by the binding:', laterValue);
