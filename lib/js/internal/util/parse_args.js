'use strict';

// util.parseArgs(): splits command-line arguments into option values and positionals, as
// documented for node 20 (tokens: 'option', 'positional', 'option-terminator').

const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');

const hasOwn = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);

// obj[prop] if it is an own property, else undefined.
function objectGetOwn(obj, prop) {
  if (obj != null && hasOwn(obj, prop)) return obj[prop];
}

// options[longOption][prop] if both are own properties, else undefined.
function optionsGetOwn(options, longOption, prop) {
  if (hasOwn(options, longOption)) return objectGetOwn(options[longOption], prop);
}

function getMainArgs() {
  // With -e/-p the user's arguments follow the executable directly.
  const execArgv = process.execArgv || [];
  if (execArgv.includes('-e') || execArgv.includes('--eval') ||
      execArgv.includes('-p') || execArgv.includes('--print')) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

// The long name of the option whose `short` is `shortOption`, or `shortOption` itself.
function findLongOptionForShort(shortOption, options) {
  validateObject(options, 'options');
  for (const { 0: longOption, 1: optionConfig } of Object.entries(options)) {
    if (objectGetOwn(optionConfig, 'short') === shortOption) return longOption;
  }
  return shortOption;
}

function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  return value != null && value.length > 1 && value[0] === '-';
}

// -f
function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}

// --foo
function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

// --foo=bar
function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

// -abc where -a is not a string option.
function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  const longOption = findLongOptionForShort(arg[1], options);
  return optionsGetOwn(options, longOption, 'type') !== 'string';
}

// -fVALUE where -f is a string option.
function isShortOptionAndValue(arg, options) {
  validateObject(options, 'options');
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  const longOption = findLongOptionForShort(arg[1], options);
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remainingArgs = args.slice();
  while (remainingArgs.length > 0) {
    const arg = remainingArgs.shift();
    const nextArg = remainingArgs[0];
    // Arguments expanded from a short option group share the group's index.
    if (groupCount > 0) {
      groupCount--;
    } else {
      index++;
    }

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const positional of remainingArgs) {
        tokens.push({ kind: 'positional', index: ++index, value: positional });
      }
      break;
    }

    if (isLoneShortOption(arg)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      let value;
      let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isShortOptionGroup(arg, options)) {
      // -fXzy becomes -f -X -z -y; a string option in the middle takes the rest as its value.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const shortOption = arg[i];
        const longOption = findLongOptionForShort(shortOption, options);
        if (optionsGetOwn(options, longOption, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${shortOption}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remainingArgs.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }

    if (isShortOptionAndValue(arg, options)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      tokens.push({
        kind: 'option', name: longOption, rawName: `-${shortOption}`, index,
        value: arg.slice(2), inlineValue: true,
      });
      continue;
    }

    if (isLoneLongOption(arg)) {
      const longOption = arg.slice(2);
      let value;
      let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      const equalIndex = arg.indexOf('=');
      const longOption = arg.slice(2, equalIndex);
      tokens.push({
        kind: 'option', name: longOption, rawName: `--${longOption}`, index,
        value: arg.slice(equalIndex + 1), inlineValue: true,
      });
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    // The short example is only offered when a short option was used.
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    const errorMessage = `Option '${token.rawName}' argument is ambiguous.
Did you forget to specify the option argument for '${token.rawName}'?
To specify an option argument starting with a dash use ${example}.`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(errorMessage);
  }
}

function checkOptionUsage(config, token) {
  let tokenName = token.name;
  if (!hasOwn(config.options, tokenName)) {
    // --no-foo negates a boolean option when allowNegative is set.
    if (config.allowNegative && tokenName.startsWith('no-')) {
      tokenName = tokenName.slice(3);
      if (!hasOwn(config.options, tokenName) ||
          optionsGetOwn(config.options, tokenName, 'type') !== 'boolean') {
        throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
      }
    } else {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
    }
  }

  const short = optionsGetOwn(config.options, tokenName, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${tokenName}`;
  const type = optionsGetOwn(config.options, tokenName, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${shortAndLong}' does not take an argument`);
  }
}

function storeOption(token, options, values, allowNegative) {
  let longOption = token.name;
  let optionValue = token.value;
  // Never write to the prototype slot.
  if (longOption === '__proto__') return;

  if (allowNegative && longOption.startsWith('no-') && optionValue === undefined) {
    longOption = longOption.slice(3);
    token.name = longOption;
    optionValue = false;
  }

  // The stored value follows what was given, not the declared type.
  const newValue = optionValue ?? true;
  if (optionsGetOwn(options, longOption, 'multiple')) {
    // Multiple options always collect into an array.
    if (values[longOption]) {
      values[longOption].push(newValue);
    } else {
      values[longOption] = [newValue];
    }
  } else {
    values[longOption] = newValue;
  }
}

const parseArgs = (config = kEmptyObject) => {
  const args = objectGetOwn(config, 'args') ?? getMainArgs();
  const strict = objectGetOwn(config, 'strict') ?? true;
  const allowPositionals = objectGetOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = objectGetOwn(config, 'tokens') ?? false;
  const allowNegative = objectGetOwn(config, 'allowNegative') ?? false;
  const options = objectGetOwn(config, 'options') ?? { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals, allowNegative };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const { 0: longOption, 1: optionConfig } of Object.entries(options)) {
    validateObject(optionConfig, `options.${longOption}`);
    const optionType = objectGetOwn(optionConfig, 'type');
    validateUnion(optionType, `options.${longOption}.type`, ['string', 'boolean']);

    if (hasOwn(optionConfig, 'short')) {
      const shortOption = optionConfig.short;
      validateString(shortOption, `options.${longOption}.short`);
      if (shortOption.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${longOption}.short`, shortOption,
                                        'must be a single character');
      }
    }

    const multipleOption = objectGetOwn(optionConfig, 'multiple');
    if (hasOwn(optionConfig, 'multiple')) {
      validateBoolean(multipleOption, `options.${longOption}.multiple`);
    }

    const defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      let validator;
      if (optionType === 'string') {
        validator = multipleOption ? validateStringArray : validateString;
      } else {
        validator = multipleOption ? validateBooleanArray : validateBoolean;
      }
      validator(defaultValue, `options.${longOption}.default`);
    }
  }

  const tokens = argsToTokens(args, options);

  const result = {
    values: { __proto__: null },
    positionals: [],
  };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token, options, result.values, parseConfig.allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
    // option-terminator tokens carry nothing.
  }

  // Defaults for options that were not given.
  for (const { 0: longOption, 1: optionConfig } of Object.entries(options)) {
    const defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[longOption] === undefined &&
        longOption !== '__proto__') {
      result.values[longOption] = defaultValue;
    }
  }

  return result;
};

module.exports = {
  parseArgs,
};
