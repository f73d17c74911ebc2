'use strict';
// node:readline/promises: the Interface with a promise-returning question(), and Readline,
// which batches cursor/clear sequences for a stream until commit().

const { AbortError, codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateInteger,
} = require('internal/validators');
const {
  Interface: BaseInterface, kQuestion, kQuestionCancel,
} = require('internal/readline/interface');
const {
  cursorToSequence, moveCursorSequence, clearLineSequence, kClearScreenDown,
} = require('internal/readline/callbacks');
const { kPromiseCompleter } = require('internal/readline/completion');

class Interface extends BaseInterface {
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
    // The completer returns its answer or a promise of it; it is kept as given.
    const given = input?.input ? input.completer : completer;
    if (typeof given === 'function') {
      this.completer = given;
      this[kPromiseCompleter] = true;
    }
  }

  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

const kStream = Symbol('stream');
const kTodo = Symbol('todo');
const kAutoCommit = Symbol('autoCommit');

class Readline {
  constructor(stream, options = undefined) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this[kStream] = stream;
    this[kTodo] = [];
    this[kAutoCommit] = false;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this[kAutoCommit] = options.autoCommit;
    }
  }

  #add(data) {
    if (this[kAutoCommit]) process.nextTick(() => this[kStream].write(data));
    else this[kTodo].push(data);
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    this.#add(cursorToSequence(x, y == null ? undefined : y));
    return this;
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      this.#add(moveCursorSequence(dx, dy));
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    this.#add(clearLineSequence(dir));
    return this;
  }

  clearScreenDown() {
    this.#add(kClearScreenDown);
    return this;
  }

  commit() {
    return new Promise((resolve) => {
      const data = this[kTodo].join('');
      this[kTodo] = [];
      this[kStream].write(data, resolve);
    });
  }

  rollback() {
    this[kTodo] = [];
    return this;
  }
}

module.exports = { Interface, Readline, createInterface };
