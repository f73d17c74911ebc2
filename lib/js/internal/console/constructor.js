'use strict';

// The Console class (node's console.Console). A console writes formatted lines to two
// writable streams; the only requirement on a stream is a write(string) method. Event
// methods (once/removeListener/listenerCount) are used when present to swallow write errors.

const {
  isStackOverflowError,
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');
const { previewEntries } = internalBinding('util');
const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('internal/util/inspect');
const {
  isMap,
  isMapIterator,
  isSet,
  isSetIterator,
} = require('internal/util/types');

const kCounts = Symbol('counts');
const kTraceConsoleCategory = 'node,node.console';

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;
const kMaxGroupIndentation = 1000;

// Column headers of console.table().
const kIterKey = '(iteration index)';
const kKeyKey = 'Key';
const kValuesKey = 'Values';
const kIndexKey = '(index)';

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// Per-console inspect options given to the constructor.
const optionsMap = new WeakMap();

const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

// Non-enumerable own data properties, as node defines them.
const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

let colorsModule;
function lazyUtilColors() {
  colorsModule ??= require('internal/util/colors');
  return colorsModule;
}

function noop() {}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Callable without `new`.
  if (new.target === undefined) {
    return Reflect.construct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }

  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);

  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }

  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Bind the methods, so `const { log } = console` works. They are taken from the instance so
  // that subclasses can override them.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consoleInternalMethods = {
  __proto__: null,

  [kBindStreamsEager](stdout, stderr) {
    Object.defineProperties(this, {
      '_stdout': { __proto__: null, ...consolePropAttributes, value: stdout },
      '_stderr': { __proto__: null, ...consolePropAttributes, value: stderr },
    });
  },

  // The global console reads process.stdout/stderr on each access, so they can be created
  // lazily and replaced.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      '_stdout': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          if (!stdout) stdout = object.stdout;
          return stdout;
        },
        set(value) { stdout = value; },
      },
      '_stderr': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          if (!stderr) stderr = object.stderr;
          return stderr;
        },
        set(value) { stderr = value; },
      },
    });
  },

  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    Object.defineProperties(this, {
      '_stdoutErrorHandler': {
        __proto__: null, ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStdout),
      },
      '_stderrErrorHandler': {
        __proto__: null, ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStderr),
      },
      '_ignoreErrors': {
        __proto__: null, ...consolePropAttributes, value: Boolean(ignoreErrors),
      },
      '_times': { __proto__: null, ...consolePropAttributes, value: new Map() },
      [kCounts]: { __proto__: null, ...consolePropAttributes, value: new Map() },
      [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
      [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
      [kGroupIndent]: { __proto__: null, ...consolePropAttributes, value: '' },
      [kGroupIndentationWidth]: {
        __proto__: null, ...consolePropAttributes, value: groupIndentation,
      },
      [Symbol.toStringTag]: {
        __proto__: null, writable: false, enumerable: false, configurable: true,
        value: 'console',
      },
    });
  },

  [kWriteToConsole](streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];

    const useStdout = streamSymbol === kUseStdout;
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) return stream.write(string);

    // Errors may be thrown synchronously (files, TTYs) or emitted later (pipes): a console
    // ignores both.
    const hasEvents = typeof stream.once === 'function' &&
      typeof stream.removeListener === 'function';
    try {
      if (hasEvents &&
          (typeof stream.listenerCount !== 'function' || stream.listenerCount('error') === 0)) {
        stream.once('error', noop);
      }
      stream.write(string, errorHandler);
    } catch (e) {
      // Running out of stack is not swallowed.
      if (isStackOverflowError(e)) throw e;
    } finally {
      if (hasEvents) stream.removeListener('error', noop);
    }
  },

  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') color = lazyUtilColors().shouldColorize(stream);
    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },

  [kFormatForStdout](args) {
    const opts = this[kGetInspectOptions](this._stdout);
    return formatWithOptions(opts, ...args);
  },

  [kFormatForStderr](args) {
    const opts = this[kGetInspectOptions](this._stderr);
    return formatWithOptions(opts, ...args);
  },
};

// Makes write errors of one stream not throw again on later writes.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream && !stream._writableState?.errorEmitted) {
      // Errors that arrive after the noop listener was removed would be thrown as
      // 'error' events: keep one listener installed.
      if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// '1.234ms', '1.500s', '1:02.345 (m:ss.mmm)', '1:02:03.456 (h:mm:ss.mmm)'
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;

  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }

  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }

  if (seconds !== 0) return `${seconds.toFixed(3)}s`;

  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = process.hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

// --- console.table rendering -------------------------------------------------------------------

const tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const needed = columnWidths[i] - getStringWidth(cell);
    // Cells are left-aligned.
    out += cell + ' '.repeat(needed);
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// Draws a box table: `head` holds the column titles, `columns` the cells of each column.
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));

  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ?
        column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }

  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));

  let result = tableChars.topLeft + divider.join(tableChars.topMiddle) + tableChars.topRight +
    '\n' + renderRow(head, columnWidths) + '\n' +
    tableChars.leftMiddle + divider.join(tableChars.rowMiddle) + tableChars.rightMiddle + '\n';

  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;

  result += tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) +
    tableChars.bottomRight;

  return result;
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      // The arguments are formatted again by warn().
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clears a TTY (cursor to the top left, erase below); does nothing for other streams.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\u001b[1;1H');
      this._stdout.write('\u001b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) {
      count = 1;
    } else {
      count++;
    }
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  // https://console.spec.whatwg.org/#table
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    const final = (k, v) => this.log(renderTable(k, v));

    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (mapIter) {
      const res = previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (; i < tabularData.length / 2; ++i) {
          keys.push(_inspect(tabularData[i * 2]));
          values.push(_inspect(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(_inspect(k));
          values.push(_inspect(v));
          length++;
        }
      }
      return final([kIterKey, kKeyKey, kValuesKey], [getIndexArray(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = previewEntries(tabularData);

    const setlike = setIter || mapIter || isSet(tabularData);
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final([kIterKey, kValuesKey], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);

    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null ||
        (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) ||
              !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = _inspect(item[key]);
          }
        }
      }
    }

    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(kValuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(kIndexKey);
    values.unshift(indexKeyArray);

    return final(keys, values);
  },
};

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance != null && instance[kIsConsole] === true;
  },
});

Object.defineProperties(Console.prototype, Object.getOwnPropertyDescriptors(consoleMethods));
// The internal methods are non-enumerable, so the constructor does not bind them.
for (const key of Reflect.ownKeys(consoleInternalMethods)) {
  Object.defineProperty(Console.prototype, key, {
    __proto__: null,
    value: consoleInternalMethods[key],
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// Creates the global console: a plain object (not a Console instance, yet
// `console instanceof Console` holds) whose methods are bound to it and that writes to
// `streams.stdout` / `streams.stderr` as they are at the time of each write.
function createGlobalConsole(streams = process) {
  const globalConsole = { __proto__: {} };
  for (const prop of Reflect.ownKeys(Console.prototype)) {
    if (prop === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      desc.value = desc.value.bind(globalConsole);
      Object.defineProperty(desc.value, 'name', { __proto__: null, value: prop });
    }
    Object.defineProperty(globalConsole, prop, desc);
  }
  globalConsole[kBindStreamsLazy](streams);
  globalConsole[kBindProperties](true, 'auto');
  return globalConsole;
}

module.exports = {
  Console,
  createGlobalConsole,
  formatTime,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
  kGetInspectOptions,
  kIsConsole,
  kTraceConsoleCategory,
  renderTable,
};
