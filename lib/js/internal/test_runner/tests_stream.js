'use strict';
// The stream of test events ({ type, data }) that reporters and run() callers consume. Each event
// is also emitted by name ('test:pass', ...).

const { Readable } = require('stream');

class TestsStream extends Readable {
  #buffer = [];
  #canPush = true;

  constructor() {
    super({ __proto__: null, objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER });
  }

  _read() {
    this.#canPush = true;
    while (this.#buffer.length > 0) {
      const event = this.#buffer.shift();
      if (!this.#tryPush(event)) return;
    }
  }

  #tryPush(event) {
    if (this.#canPush) this.#canPush = this.push(event);
    else this.#buffer.push(event);
    return this.#canPush;
  }

  #emitEvent(type, data) {
    this.emit(type, data);
    this.#tryPush({ __proto__: null, type, data });
  }

  start(nesting, loc, name) {
    this.#emitEvent('test:start', { __proto__: null, nesting, name, ...loc });
  }

  ok(nesting, loc, testNumber, name, details, directive) {
    this.#emitEvent('test:pass', {
      __proto__: null, name, nesting, testNumber, details, ...loc, ...directive,
    });
  }

  fail(nesting, loc, testNumber, name, details, directive) {
    this.#emitEvent('test:fail', {
      __proto__: null, name, nesting, testNumber, details, ...loc, ...directive,
    });
  }

  plan(nesting, loc, count) {
    this.#emitEvent('test:plan', { __proto__: null, nesting, count, ...loc });
  }

  diagnostic(nesting, loc, message) {
    this.#emitEvent('test:diagnostic', { __proto__: null, nesting, message, ...loc });
  }

  stdout(file, message) {
    this.#emitEvent('test:stdout', { __proto__: null, file, message });
  }

  stderr(file, message) {
    this.#emitEvent('test:stderr', { __proto__: null, file, message });
  }

  // Replays an event from another process (the --test runner's children) unchanged.
  forward(type, data) {
    this.#emitEvent(type, data);
  }

  end() {
    this.#tryPush(null);
  }
}

module.exports = { TestsStream };
