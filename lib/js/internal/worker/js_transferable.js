'use strict';
// Host objects made in JS that postMessage and structuredClone carry as their own class
// (KeyObject, CryptoKey, X509Certificate, FileHandle). Such a class derives from HostObject
// below (an instance of the messaging binding's HostObject, so V8's serializer hands it to C++,
// message_port.cc) and defines, with the symbols below:
//   [kClone]()    -> { data, deserializeInfo }  a copy travels (the object stays usable)
//   [kTransfer]() -> { data, deserializeInfo }  the object moves: only when it is listed in the
//                    transfer list; may throw (in use); must not let go of anything yet
//   [kDetach](sent)  once the message is made: a transferred object lets go (sent: the message
//                    carries it; else it was only listed)
// `data` is cloned as any value (it may hold other host objects); `deserializeInfo` is
// 'module:Export', and that export's static [kDeserialize](data) rebuilds the object by
// constructing it as usual.
//
// V8's deserializer runs no JS, so the receiving side first gets an empty native shell and the
// real object is made afterwards: the constructor run by [kDeserialize] adopts the shell (so
// references to it elsewhere in the message see the object).

const messaging = internalBinding('messaging');

let adopting = null;  // The shell the next HostObject construction becomes.

class HostObject extends messaging.HostObject {
  constructor() {
    super();
    if (adopting !== null) {
      const shell = adopting;
      adopting = null;
      Object.setPrototypeOf(shell, new.target.prototype);
      return shell;
    }
  }
}

// Described as node's, which programs look up by description.
const kClone = Symbol('messaging_clone_symbol');
const kTransfer = Symbol('messaging_transfer_symbol');
const kDetach = Symbol('kDetach');
const kDeserialize = Symbol('messaging_deserialize_symbol');

// What a message may ask to be rebuilt with: the info is data a sender controls (a program can
// override [kTransfer]), so it never names an arbitrary module or export.
const kDeserializers = new Set([
  'internal/crypto/keys:KeyObject',
  'internal/crypto/webcrypto/keys:CryptoKey',
  'internal/crypto/x509:X509Certificate',
  'internal/fs/file_handle:FileHandle',
]);

let lazyDOMExceptionClass;
function dataCloneError(message) {
  lazyDOMExceptionClass ??= require('internal/per_context/domexception').DOMException;
  return new lazyDOMExceptionClass(message, 'DataCloneError');
}

// [deserializeInfo, data], or undefined: it moves and was not listed (C++ throws node's error).
function writeHostObject(object, listed) {
  let result;
  if (listed && typeof object[kTransfer] === 'function') {
    result = object[kTransfer]();
  } else if (typeof object[kClone] === 'function') {
    result = object[kClone]();
  } else if (typeof object[kTransfer] === 'function') {
    return undefined;
  } else {
    throw dataCloneError('Cannot clone object of unsupported type.');
  }
  return [result.deserializeInfo, result.data];
}

// Throws node's errors for an info no host class gave (the port emits 'messageerror').
function readHostObject(shell, deserializeInfo, data) {
  const spec = `${deserializeInfo}`;
  const separator = spec.indexOf(':');
  const id = separator === -1 ? spec : spec.slice(0, separator);
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (!BuiltinModule.exists(id)) throw new TypeError(`Missing internal module '${id}'`);
  if (!kDeserializers.has(spec)) throw new Error(`Unknown deserialize spec ${spec}`);
  const exported = require(id)[spec.slice(separator + 1)];
  adopting = shell;
  try {
    exported[kDeserialize](data);
  } finally {
    adopting = null;
  }
}

function finishHostTransfer(object, sent) {
  if (typeof object[kTransfer] === 'function') object[kDetach]?.(sent);
}

messaging.setHostObjectCallbacks(writeHostObject, readHostObject, finishHostTransfer);

module.exports = {
  HostObject,
  dataCloneError,
  kClone,
  kDeserialize,
  kDetach,
  kTransfer,
};
