// Importing a name a module does not export is a SyntaxError at link time: exit 1, nothing runs.
import { notThere } from './fixtures/esm/basic/hoist.mjs';
console.log('never printed', notThere);
