'use strict';
// DOMException, as used for AbortSignal reasons.
const assert = require('assert');
const util = require('util');

{
  const e = new DOMException('msg', 'AbortError');
  assert.ok(e instanceof DOMException);
  assert.ok(e instanceof Error);
  assert.strictEqual(e.name, 'AbortError');
  assert.strictEqual(e.message, 'msg');
  assert.strictEqual(e.code, 20);
  assert.strictEqual(String(e), 'AbortError: msg');
  assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
  assert.deepStrictEqual(Reflect.ownKeys(e), ['stack']);
  assert.ok(e.stack.startsWith('AbortError: msg\n'));
  assert.strictEqual(util.inspect(e).split('\n')[0], 'DOMException [AbortError]: msg');
}

{
  const e = new DOMException();
  assert.strictEqual(e.name, 'Error');
  assert.strictEqual(e.message, '');
  assert.strictEqual(e.code, 0);
  assert.strictEqual(new DOMException(undefined, undefined).name, 'Error');
  assert.strictEqual(new DOMException(null, null).name, 'null');
  assert.strictEqual(new DOMException(null).message, 'null');
  assert.strictEqual(new DOMException(1, 2).message, '1');
  assert.strictEqual(new DOMException('m', 'NoSuchName').code, 0);
  assert.throws(() => new DOMException(Symbol('s')), TypeError);
  assert.throws(() => DOMException(), TypeError);
}

{
  // Options object: name and cause.
  const e = new DOMException('m', { name: 'TimeoutError', cause: 'c' });
  assert.strictEqual(e.name, 'TimeoutError');
  assert.strictEqual(e.code, 23);
  assert.strictEqual(e.cause, 'c');
  assert.deepStrictEqual(Reflect.ownKeys(e), ['stack', 'cause']);
  const d = Object.getOwnPropertyDescriptor(e, 'cause');
  assert.deepStrictEqual([d.enumerable, d.writable, d.configurable], [false, true, true]);
  assert.strictEqual(new DOMException('m', {}).name, 'undefined');
  assert.strictEqual(Object.hasOwn(new DOMException('m', {}), 'cause'), false);
  assert.strictEqual(Object.hasOwn(new DOMException('m', { cause: undefined }), 'cause'), true);
}

{
  // Names with legacy codes.
  const codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19,
    AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
    InvalidNodeTypeError: 24, DataCloneError: 25,
    DOMStringSizeError: 0, ValidationError: 0, EncodingError: 0, NotAllowedError: 0, DataError: 0,
  };
  for (const [name, code] of Object.entries(codes)) {
    assert.strictEqual(new DOMException('', name).code, code, name);
  }
  // Constants on the class and the prototype.
  const constants = ['INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR',
    'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR',
    'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR',
    'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR',
    'INVALID_ACCESS_ERR', 'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR',
    'ABORT_ERR', 'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR',
    'DATA_CLONE_ERR'];
  constants.forEach((k, i) => {
    assert.strictEqual(DOMException[k], i + 1, k);
    assert.strictEqual(DOMException.prototype[k], i + 1, k);
    const d = Object.getOwnPropertyDescriptor(DOMException, k);
    assert.deepStrictEqual([d.enumerable, d.writable, d.configurable], [true, false, false]);
  });
}

{
  // Accessors on the prototype, brand checked.
  for (const k of ['name', 'message', 'code']) {
    const d = Object.getOwnPropertyDescriptor(DOMException.prototype, k);
    assert.strictEqual(typeof d.get, 'function', k);
    assert.strictEqual(d.enumerable, true, k);
    assert.strictEqual(d.get.name, `get ${k}`);
    assert.throws(() => d.get.call({}), {
      name: 'TypeError',
      code: 'ERR_INVALID_THIS',
      message: 'Value of "this" must be of DOMException',
    });
  }
  assert.strictEqual(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assert.strictEqual(DOMException.length, 0);
  // Subclasses keep the brand.
  class Sub extends DOMException {}
  const s = new Sub('q', 'DataCloneError');
  assert.strictEqual(s.code, 25);
  assert.strictEqual(s.name, 'DataCloneError');
}
