// A dual package: import and require() get different files through "exports" conditions
// (import/require, nested under node), "type": "module" packages with a .cjs require entry,
// the package.json itself exported, import() from CommonJS taking the import branch.
import * as esm from './fixtures/esm/dual/esm-side.mjs';
import cjs from './fixtures/esm/dual/cjs-side.cjs';

console.log('import :', esm.dual.flavor, esm.dual.file, '|', esm.feature, '|', esm.dualType);
console.log('require:', cjs.dual.flavor, cjs.dual.file, '|', cjs.feature, '|', cjs.dualType);
console.log('different objects:', esm.dual.bump !== cjs.dual.bump);
console.log('shared state:', esm.dual.bump(), cjs.dual.bump(), esm.dual.bump());
console.log('package.json shared between the two:', esm.pkg === cjs.pkg, esm.pkg.name);
const viaImport = await cjs.load();
console.log('import() from CommonJS:', viaImport === esm.dual, viaImport.flavor);
