'use strict';
// util.parseArgs.
const assert = require('assert');
const { parseArgs } = require('util');

const options = {
  foo: { type: 'boolean', short: 'f' },
  bar: { type: 'string', short: 'b' },
  many: { type: 'string', multiple: true, short: 'm' },
  def: { type: 'string', default: 'D' },
};

{
  const { values, positionals } = parseArgs({
    args: ['-f', '--bar', 'x', 'pos', '-m', '1', '-m2', '--many=3'],
    options,
    allowPositionals: true,
  });
  assert.deepStrictEqual({ ...values }, { foo: true, bar: 'x', many: ['1', '2', '3'], def: 'D' });
  assert.strictEqual(Object.getPrototypeOf(values), null);
  assert.deepStrictEqual(positionals, ['pos']);
}

// Short option groups, the option terminator and tokens.
{
  const { values, positionals, tokens } = parseArgs({
    args: ['-fb', 'val', '--', '--foo'],
    options,
    allowPositionals: true,
    tokens: true,
  });
  assert.deepStrictEqual({ ...values }, { foo: true, bar: 'val', def: 'D' });
  assert.deepStrictEqual(positionals, ['--foo']);
  assert.deepStrictEqual(tokens, [
    { kind: 'option', name: 'foo', rawName: '-f', index: 0, value: undefined,
      inlineValue: undefined },
    { kind: 'option', name: 'bar', rawName: '-b', index: 0, value: 'val', inlineValue: false },
    { kind: 'option-terminator', index: 2 },
    { kind: 'positional', index: 3, value: '--foo' },
  ]);
}

// -bVALUE and --bar=VALUE are inline values.
{
  const { tokens } = parseArgs({ args: ['-bxyz', '--bar=q'], options, tokens: true });
  assert.deepStrictEqual(tokens, [
    { kind: 'option', name: 'bar', rawName: '-b', index: 0, value: 'xyz', inlineValue: true },
    { kind: 'option', name: 'bar', rawName: '--bar', index: 1, value: 'q', inlineValue: true },
  ]);
}

// Non-strict mode accepts unknown options and positionals.
{
  const { values, positionals } = parseArgs({ args: ['--unknown', '-xy', '--k=v', 'p'],
                                              strict: false });
  assert.deepStrictEqual({ ...values }, { unknown: true, x: true, y: true, k: 'v' });
  assert.deepStrictEqual(positionals, ['p']);
}

// allowNegative.
{
  const { values } = parseArgs({ args: ['--no-foo'], options, allowNegative: true });
  assert.deepStrictEqual({ ...values }, { foo: false, def: 'D' });
}

// Errors.
assert.throws(() => parseArgs({ args: ['--unknown'], options }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  message: "Unknown option '--unknown'",
});
assert.throws(() => parseArgs({ args: ['pos'], options }), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
});
assert.throws(() => parseArgs({ args: ['--bar'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-b, --bar <value>' argument missing",
});
assert.throws(() => parseArgs({ args: ['--foo=1'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-f, --foo' does not take an argument",
});
assert.throws(() => parseArgs({ args: ['-b', '-x'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-b' argument is ambiguous.\n" +
    "Did you forget to specify the option argument for '-b'?\n" +
    "To specify an option argument starting with a dash use '--bar=-XYZ' or '-b-XYZ'.",
});
assert.throws(() => parseArgs({ args: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => parseArgs({ options: { x: { type: 'string', default: 1 } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.x.default" property must be of type string. Received type number (1)',
});

// __proto__ is never stored.
{
  const { values } = parseArgs({ args: ['--__proto__'], strict: false });
  assert.deepStrictEqual(Object.keys(values), []);
}
