'use strict';
// The structuredClone global: V8's serializer in C++ (internalBinding('messaging')), node's
// argument errors and DOMException DataCloneError here.

const { structuredClone: nativeClone } = internalBinding('messaging');
require('internal/worker/js_transferable');  // How KeyObject, FileHandle, ... are cloned.

function structuredClone(value, options) {
  const { codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE } } = require('internal/errors');
  if (arguments.length === 0) {
    const err = new ERR_MISSING_ARGS('value');
    err.message = 'The value argument must be specified';  // Node's C++ wording.
    throw err;
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    const err = new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    err.message = 'The options argument must be either an object or undefined';
    throw err;
  }
  let transfer = [];
  if (options?.transfer !== undefined && options?.transfer !== null) {
    if (typeof options.transfer[Symbol.iterator] !== 'function') {
      const err = new TypeError('Optional transferList argument must be an iterable');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    transfer = [...options.transfer];
  }
  const [ok, result, errorKind] = nativeClone(value, transfer);
  if (ok) return result;
  // Not a DataCloneError: a transfer list entry that is not transferable (node's TypeError).
  if (errorKind === 2 || errorKind === 3) {
    const err = new TypeError(result);
    err.code = errorKind === 2 ? 'ERR_INVALID_TRANSFER_OBJECT' :
      'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST';
    throw err;
  }
  const { DOMException } = require('internal/per_context/domexception');
  throw new DOMException(result, 'DataCloneError');
}

module.exports = { structuredClone };
