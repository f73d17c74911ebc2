'use strict';
// Node-style errors (code, name, message, stack header, inspect output) as thrown by util and
// console APIs.
const assert = require('assert');
const util = require('util');
const { Console } = require('console');

function check(fn, { code, name, message }) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected ${code} to be thrown`);
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.name, name);
  assert.strictEqual(err.message, message);
  // Own properties: the stack, the code (enumerable) and the message (not enumerable).
  assert.deepStrictEqual(Object.keys(err), ['code']);
  assert.ok(!Object.prototype.propertyIsEnumerable.call(err, 'message'));
  assert.ok(!Object.prototype.hasOwnProperty.call(err, 'name'));
  // The class is the base class.
  assert.strictEqual(err.constructor.name, name);
  assert.ok(err instanceof globalThis[name]);
  assert.ok(err instanceof Error);
  // String(), stack header and inspect output.
  const header = `${name} [${code}]: ${message}`;
  assert.strictEqual(String(err), header);
  assert.ok(err.stack.startsWith(header), err.stack);
  const inspected = util.inspect(err);
  assert.ok(inspected.includes(header), inspected);
  assert.ok(inspected.endsWith(` {\n  code: '${code}'\n}`), inspected);
  return err;
}

check(() => util.promisify(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "original" argument must be of type function. Received type number (1)',
});
check(() => util.callbackify('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: "The \"original\" argument must be of type function. Received type string ('x')",
});
check(() => util.callbackify(async () => {})(), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The last argument must be of type function. Received undefined',
});
check(() => util.inherits(function() {}, null), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "superCtor" argument must be of type function. Received null',
});
check(() => util.inherits(function() {}, Object.create(null)), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "superCtor.prototype" property must be of type object. Received undefined',
});
check(() => util.inherits(undefined, function() {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "ctor" argument must be of type function. Received undefined',
});
check(() => util.getSystemErrorName(1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "err" is out of range. It must be a negative integer. Received 1',
});
check(() => util.getSystemErrorName(-(2 ** 53)), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "err" is out of range. It must be a negative integer. ' +
    'Received -9_007_199_254_740_992',
});
check(() => util.getSystemErrorName('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: "The \"err\" argument must be of type number. Received type string ('x')",
});
check(() => util.deprecate(() => {}, 'msg', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "code" argument must be of type string. Received type number (1)',
});
check(() => { util.inspect.defaultOptions = null; }, {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "options" argument must be of type object. Received null',
});
check(() => util.formatWithOptions(5, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "inspectOptions" argument must be of type object. Received type number (5)',
});
check(() => util.stripVTControlCharacters(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "str" argument must be of type string. Received type number (5)',
});
check(() => util.styleText('notacolor', 'x'), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: `The argument 'format' must be one of: ${
    Object.keys(util.inspect.colors).map((k) => `'${k}'`).join(', ')}. Received 'notacolor'`,
});
check(() => util.styleText('red', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "text" argument must be of type string. Received type number (5)',
});
check(() => util.parseArgs({ args: ['--nope'], options: {} }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  name: 'TypeError',
  message: "Unknown option '--nope'",
});
check(() => util.parseArgs({ args: ['--nope'], options: {}, allowPositionals: true }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  name: 'TypeError',
  message: "Unknown option '--nope'. To specify a positional argument starting with a '-', " +
    "place it at the end of the command after '--', as in '-- \"--nope\"",
});
check(() => util.parseArgs({ args: ['pos'], options: {} }), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  name: 'TypeError',
  message: "Unexpected argument 'pos'. This command does not take positional arguments",
});
check(() => util.parseArgs({ args: ['--s'], options: { s: { type: 'string', short: 'x' } } }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  name: 'TypeError',
  message: "Option '-x, --s <value>' argument missing",
});
check(() => util.parseArgs({ options: { s: { type: 'number' } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "options.s.type" property must be (\'string|boolean\'). ' +
    "Received type string ('number')",
});
check(() => util.parseArgs({ options: { s: { type: 'string', short: 'ab' } } }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The property 'options.s.short' must be a single character. Received 'ab'",
});
check(() => new Console(), {
  code: 'ERR_CONSOLE_WRITABLE_STREAM',
  name: 'TypeError',
  message: 'Console expects a writable stream instance for stdout',
});
check(() => new Console({ stdout: { write() {} }, colorMode: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The argument 'colorMode' must be one of: 'auto', true, false. Received 'x'",
});
check(() => new Console({ stdout: { write() {} }, groupIndentation: 1001 }), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "groupIndentation" is out of range. It must be >= 0 && <= 1000. ' +
    'Received 1001',
});
check(() => new Console({ stdout: { write() {} }, groupIndentation: 1.5 }), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "groupIndentation" is out of range. It must be an integer. ' +
    'Received 1.5',
});
check(() => new Console({ stdout: { write() {} }, inspectOptions: { colors: true },
                          colorMode: true }), {
  code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
  name: 'TypeError',
  message: 'Option "options.inspectOptions.color" cannot be used in combination with ' +
    'option "colorMode"',
});
check(() => new Console({ stdout: { write() {} } }).table([], 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: "The \"properties\" argument must be an instance of Array. Received type string ('x')",
});

// Described types of the received value.
const received = [
  [null, 'Received null'],
  [undefined, 'Received undefined'],
  [1n, 'Received type bigint (1n)'],
  [-0, 'Received type number (-0)'],
  [NaN, 'Received type number (NaN)'],
  [true, 'Received type boolean (true)'],
  [Symbol('s'), 'Received type symbol (Symbol(s))'],
  [function named() {}, 'Received function named'],
  [() => {}, 'Received function '],
  [{}, 'Received an instance of Object'],
  [[], 'Received an instance of Array'],
  [new (class Foo {})(), 'Received an instance of Foo'],
  [Object.create(null), 'Received [Object: null prototype] {}'],
];
for (const [value, text] of received) {
  assert.throws(() => util.stripVTControlCharacters(value), (err) => {
    assert.strictEqual(err.message, `The "str" argument must be of type string. ${text}`);
    return true;
  });
}

assert.throws(() => util.promisify('a'.repeat(40)), {
  message: 'The "original" argument must be of type function. ' +
    "Received type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')",
});
assert.throws(() => util.promisify("it's"), {
  message: 'The "original" argument must be of type function. Received type string ("it\'s")',
});

// Errors from rejected promises with falsy values (callbackify).
{
  const fn = util.callbackify(() => Promise.reject(null));
  fn((err) => {
    assert.strictEqual(err.code, 'ERR_FALSY_VALUE_REJECTION');
    assert.strictEqual(err.message, 'Promise was rejected with falsy value');
    assert.strictEqual(err.reason, null);
    assert.deepStrictEqual(Object.keys(err), ['code', 'reason']);
  });
}

// util.getSystemErrorName / getSystemErrorMap come from the errno table.
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(-13), 'EACCES');
assert.deepStrictEqual(util.getSystemErrorMap().get(-2), ['ENOENT', 'no such file or directory']);
assert.ok(util.getSystemErrorMap() instanceof Map);
