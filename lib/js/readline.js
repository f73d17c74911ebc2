'use strict';
// node:readline: line-by-line reading from any Readable, question/prompt, cursor helpers.

const { promisify } = require('util');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const {
  Interface: BaseInterface, InterfaceConstructor, kQuestion, kQuestionCancel,
} = require('internal/readline/interface');
const {
  clearLine, clearScreenDown, cursorTo, moveCursor,
} = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/emitKeypressEvents');
const promises = require('readline/promises');

// readline.Interface may be called with or without `new`.
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  InterfaceConstructor.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

// question(query[, options], callback): the callback gets the answer; an aborted
// options.signal cancels the question (the callback is never called).
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const original = cb;
      cb = typeof original === 'function' ? (answer) => {
        signal.removeEventListener('abort', onAbort);
        return original(answer);
      } : original;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Object.defineProperty(Interface.prototype.question, promisify.custom, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  writable: true,
  value: function question(query, options) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  },
});

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
