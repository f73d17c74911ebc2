'use strict';
// DOMException (WebIDL), as node 20 exposes it: `new DOMException(message = '',
// options = 'Error')` where options is a name or `{ name, cause }`; `name`, `message` and
// `code` are brand-checked getters on the prototype; the legacy code constants sit on both
// the constructor and the prototype. Exported as `{ DOMException }`.

// Legacy error names and their codes. Names without an entry have code 0.
const nameToCode = {
  __proto__: null,
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

// The constants, in their numeric order.
const legacyConstants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR',
  'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR',
  'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR',
  'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR',
  'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR',
  'DATA_CLONE_ERR',
];

function invalidThis() {
  // Not ERR_INVALID_THIS's message: node words this one differently.
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

class DOMException {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    this.#message = `${message}`;
    let hasCause = false;
    let cause;
    if (options !== null && typeof options === 'object') {
      this.#name = `${options.name}`;
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else {
      this.#name = `${options}`;
    }
    // After the fields, so the stack's first line reads 'AbortError: message'.
    Error.captureStackTrace(this);
    if (hasCause) {
      Object.defineProperty(this, 'cause', {
        __proto__: null,
        value: cause,
        configurable: true,
        writable: true,
        enumerable: false,
      });
    }
  }

  get name() {
    if (!(#name in this)) throw invalidThis();
    return this.#name;
  }

  get message() {
    if (!(#message in this)) throw invalidThis();
    return this.#message;
  }

  get code() {
    if (!(#name in this)) throw invalidThis();
    return nameToCode[this.#name] ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);

for (const key of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null,
  configurable: true,
  value: 'DOMException',
});

for (let i = 0; i < legacyConstants.length; i++) {
  const desc = { __proto__: null, enumerable: true, value: i + 1 };
  Object.defineProperty(DOMException, legacyConstants[i], desc);
  Object.defineProperty(DOMException.prototype, legacyConstants[i], desc);
}

module.exports = {
  DOMException,
};
