'use strict';

// util.format() and util.formatWithOptions(): printf-like directives in a leading string
// (%s %d %i %f %j %o %O %c %%), then the remaining arguments, strings as they are and other
// values inspected, separated by spaces.

const { getProxyDetails } = internalBinding('util');
const { spellNumber, spellBigInt } = require('internal/util/inspect/text');
const { builtInObjects } = require('internal/util/inspect/naming');
const { inspectDefaultOptions } = require('internal/util/inspect/options');

const hasOwn = Object.prototype.hasOwnProperty;

function separated(options) {
  if (options === undefined) return inspectDefaultOptions.numericSeparator;
  return options.numericSeparator ?? inspectDefaultOptions.numericSeparator;
}

function numberText(number, options) {
  return spellNumber(number, separated(options));
}

function bigintText(bigint, options) {
  return spellBigInt(bigint, separated(options));
}

// Whether String(value) would only reach a built-in toString / Symbol.toPrimitive; then %s
// inspects the value instead. Whichever of the two methods `value` has decides: an own one
// means user code; otherwise the nearest prototype defining one of them must belong to a
// built-in constructor. A proxy is judged by its target, without running traps.
function hasBuiltInToString(value) {
  const target = getProxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  const hasToString = typeof value.toString === 'function';
  const hasToPrimitive = typeof value[Symbol.toPrimitive] === 'function';
  if (!hasToString && !hasToPrimitive) return true;
  if (hasToString && hasOwn.call(value, 'toString')) return false;
  if (hasToPrimitive && hasOwn.call(value, Symbol.toPrimitive)) return false;

  let holder = value;
  do {
    holder = Object.getPrototypeOf(holder);
  } while (!(hasToString && hasOwn.call(holder, 'toString')) &&
           !(hasToPrimitive && hasOwn.call(holder, Symbol.toPrimitive)));
  const desc = Object.getOwnPropertyDescriptor(holder, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    builtInObjects.has(desc.value.name);
}

// %j: JSON, or '[Circular]' where JSON.stringify gives up on a cycle.
let cycleMessage;
function firstLine(err) {
  return err.message.split('\n', 1)[0];
}
function jsonText(value) {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (cycleMessage === undefined) {
      const loop = {};
      loop.loop = loop;
      try {
        JSON.stringify(loop);
      } catch (cycleError) {
        cycleMessage = firstLine(cycleError);
      }
    }
    if (err.name === 'TypeError' && firstLine(err) === cycleMessage) return '[Circular]';
    throw err;
  }
}

const kPercent = 0x25;

/**
 * util.format() and util.formatWithOptions() over the given util.inspect.
 * @param {Function} inspect
 * @returns {{ format: Function, formatWithOptions: Function }}
 */
function makeFormat(inspect) {
  // Each directive turns its argument into text.
  const directives = {
    __proto__: null,
    s(arg, options) {
      if (typeof arg === 'number') return numberText(arg, options);
      if (typeof arg === 'bigint') return bigintText(arg, options);
      if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
      return inspect(arg, { ...options, depth: 0, colors: false, compact: 3 });
    },
    d(arg, options) {
      if (typeof arg === 'bigint') return bigintText(arg, options);
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number(arg), options);
    },
    i(arg, options) {
      if (typeof arg === 'bigint') return bigintText(arg, options);
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number.parseInt(arg), options);
    },
    f(arg, options) {
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number.parseFloat(arg), options);
    },
    j: jsonText,
    O(arg, options) {
      return inspect(arg, options);
    },
    o(arg, options) {
      return inspect(arg, { ...options, showHidden: true, showProxy: true, depth: 4 });
    },
    // CSS styling for browsers: the argument is dropped.
    c() {
      return '';
    },
  };

  // The directives indexed by the character code of their letter.
  const directiveByCode = [];
  for (const letter of Object.keys(directives)) {
    directiveByCode[letter.charCodeAt(0)] = directives[letter];
  }

  function formatArgs(options, args) {
    const first = args[0];
    let used = 0;
    let text = '';
    let gap = '';

    if (typeof first === 'string') {
      if (args.length === 1) return first;
      // `copied` is where the next verbatim slice of the template starts.
      let copied = 0;
      for (let at = 0; at < first.length - 1; at++) {
        if (first.charCodeAt(at) !== kPercent) continue;
        // The character after '%' is consumed either way.
        const code = first.charCodeAt(++at);
        if (code === kPercent) {
          text += first.slice(copied, at);
          copied = at + 1;
          continue;
        }
        const directive = directiveByCode[code];
        if (directive === undefined || used + 1 === args.length) continue;
        const replacement = directive(args[++used], options);
        if (copied < at - 1) text += first.slice(copied, at - 1);
        text += replacement;
        copied = at + 1;
      }
      if (copied !== 0) {
        used++;
        gap = ' ';
        text += first.slice(copied);
      }
    }

    for (; used < args.length; used++) {
      const arg = args[used];
      text += gap + (typeof arg === 'string' ? arg : inspect(arg, options));
      gap = ' ';
    }
    return text;
  }

  function format(...args) {
    return formatArgs(undefined, args);
  }

  function formatWithOptions(inspectOptions, ...args) {
    const { validateObject, kValidateObjectAllowArray } = require('internal/validators');
    validateObject(inspectOptions, 'inspectOptions', kValidateObjectAllowArray);
    return formatArgs(inspectOptions, args);
  }

  return { format, formatWithOptions };
}

module.exports = { makeFormat };
