'use strict';
// import() in code compiled with an importModuleDynamically callback (vm.Script,
// vm.compileFunction, vm.SourceTextModule; needs --experimental-vm-modules). The code carries
// an id in its host-defined options; the id names the script, function or module it came from
// (held weakly, as node does: import() after that object is collected finds no callback),
// and that object holds the callback.

const { isModuleNamespaceObject } = internalBinding('types');

// Ids below this are the other import() modes (VmImportMode in contextify_context.h).
const kFirstCallbackId = 3;
let nextId = kFirstCallbackId;
const referrers = new Map();  // id -> WeakRef to the referrer
const callbacks = new WeakMap();  // referrer -> callback
const forgetCollected = new FinalizationRegistry((id) => referrers.delete(id));

// An id for code about to be compiled; bind() it to its referrer once that exists.
function reserveId() {
  return nextId++;
}

function bind(id, referrer, callback) {
  referrers.set(id, new WeakRef(referrer));
  callbacks.set(referrer, callback);
  forgetCollected.register(referrer, id);
}

// The callback's answer is a vm.Module or a module namespace object.
async function importWithCallback(id, specifier, attributes) {
  const referrer = referrers.get(id)?.deref();
  const { codes } = require('internal/errors');
  if (referrer === undefined) throw new codes.ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING();
  const result = await callbacks.get(referrer)(specifier, referrer, attributes);
  if (isModuleNamespaceObject(result)) return result;
  const { isVmModule } = require('internal/vm/module');
  if (!isVmModule(result)) throw new codes.ERR_VM_MODULE_NOT_MODULE();
  if (result.status === 'errored') throw result.error;
  return result.namespace;
}

module.exports = { kFirstCallbackId, reserveId, bind, importWithCallback };
