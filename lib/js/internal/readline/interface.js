'use strict';
// The readline Interface shared by node:readline (callbacks) and node:readline/promises.
// Written from node's documentation: lines from any Readable ('\n', '\r\n' or '\r', with
// crlfDelay joining a '\r' and a '\n' split across chunks), question/prompt, pause/resume,
// async iteration, and a small history-free line editor for terminal mode.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const {
  validateAbortSignal, validateNumber, validateString, validateUint32,
} = require('internal/validators');
const {
  cursorTo, moveCursor, clearScreenDown, kClearScreenDown,
} = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/emitKeypressEvents');
const { tabComplete, toCallbackCompleter } = require('internal/readline/completion');

const kHistorySize = 30;
const kMinCrlfDelay = 100;  // the minimum (and default) crlfDelay
const kIteratorHighWaterMark = 1024;

const kPrompt = Symbol('_prompt');
const kOldPrompt = Symbol('_oldPrompt');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestion = Symbol('_question');
const kQuestionCancel = Symbol('_questionCancel');
const kDecoder = Symbol('_decoder');
const kLineBuffer = Symbol('_line_buffer');
const kSawReturnAt = Symbol('_sawReturnAt');
const kLineIterator = Symbol('_lineIterator');
const kPrevRows = Symbol('_prevRows');
const kPreviousKey = Symbol('_previousKey');
const kHistorySearch = Symbol('_historySearch');

const lineEnding = /\r?\n|\r(?!\n)/g;

function InterfaceConstructor(input, output, completer, terminal) {
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  let tabSize;
  if (input?.input) {
    // createInterface(options)
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    tabSize = options.tabSize;
    if (options.prompt !== undefined) prompt = options.prompt;
    crlfDelay = options.crlfDelay;
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(options.escapeCodeTimeout)) {
        this.escapeCodeTimeout = options.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', options.escapeCodeTimeout);
      }
    }
    input = options.input;
  }
  this.isCompletionEnabled = true;
  if (this.escapeCodeTimeout === undefined) this.escapeCodeTimeout = 500;
  if (tabSize !== undefined) validateUint32(tabSize, 'tabSize', true);
  this.tabSize = tabSize ?? 8;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) history = [];
  else if (!Array.isArray(history)) throw new ERR_INVALID_ARG_VALUE('history', history);
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);
  if (terminal === undefined && !(output === null || output === undefined)) {
    terminal = !!output.isTTY;
  }

  EventEmitter.call(this);
  this.line = '';
  this[kPrompt] = prompt;
  this[kOldPrompt] = prompt;
  this[kQuestionCallback] = null;
  this[kDecoder] = null;
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  this[kLineIterator] = undefined;
  this[kPrevRows] = 0;
  this.closed = false;
  Object.defineProperty(this, 'closed', { __proto__: null, enumerable: false, writable: true });
  this.paused = false;
  Object.defineProperty(this, 'paused', { __proto__: null, enumerable: false, writable: true });
  this.output = output;
  this.input = input;
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = toCallbackCompleter(completer);
  this.terminal = !!terminal;
  this[kPreviousKey] = null;
  this[kHistorySearch] = null;

  const self = this;
  function onError(err) { self.emit('error', err); }
  function onData(data) { self._normalWrite(data); }
  function onEnd() {
    const rest = self[kDecoder].end();
    if (rest) self._normalWrite(rest);
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) {
      self.emit('line', self[kLineBuffer]);
    }
    self[kLineBuffer] = null;
    self.close();
  }
  function onKeypress(s, key) { self._ttyWrite(s, key); }
  function onTermEnd() {
    if (typeof self.line === 'string' && self.line.length > 0) self.emit('line', self.line);
    self.close();
  }
  function onResize() { self._refreshLine(); }

  input.on('error', onError);
  if (!this.terminal) {
    this[kDecoder] = new StringDecoder('utf8');
    input.on('data', onData);
    input.on('end', onEnd);
    this.once('close', () => {
      input.removeListener('data', onData);
      input.removeListener('error', onError);
      input.removeListener('end', onEnd);
    });
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', onKeypress);
    input.on('end', onTermEnd);
    this._setRawMode(true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output !== null && output !== undefined) output.on('resize', onResize);
    this.once('close', () => {
      input.removeListener('keypress', onKeypress);
      input.removeListener('error', onError);
      input.removeListener('end', onTermEnd);
      if (output !== null && output !== undefined) output.removeListener('resize', onResize);
    });
  }

  if (signal) {
    const onAbort = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }

  // The input flows from now on.
  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  _setRawMode(mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  _onLine(line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
  }

  _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const at = this.history.indexOf(this.line);
        if (at !== -1) this.history.splice(at, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    this[kHistorySearch] = null;
    this.emit('history', this.history);
    return this.history[0];
  }

  // Display position (rows, cols) of the end of str, wrapping at the output's columns.
  _getDisplayPos(str) {
    const columns = this.columns;
    let offset = 0;
    let rows = 0;
    // eslint-disable-next-line no-control-regex
    str = str.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    for (const ch of str) {
      if (ch === '\n') {
        rows += Math.ceil(offset / columns) || 1;
        offset = 0;
        continue;
      }
      if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      offset += 1;
    }
    const cols = offset % columns;
    rows += (offset - cols) / columns;
    return { cols, rows };
  }

  getCursorPos() {
    const strBeforeCursor = this[kPrompt] + this.line.slice(0, this.cursor);
    return this._getDisplayPos(strBeforeCursor);
  }

  _refreshLine() {
    const line = this[kPrompt] + this.line;
    const dispPos = this._getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    if (this[kPrevRows] > 0) moveCursor(this.output, 0, -this[kPrevRows]);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    if (dispPos.cols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    const diff = dispPos.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this[kPrevRows] = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(d, key);
    else this._normalWrite(d);
  }

  _normalWrite(b) {
    if (b === undefined) return;
    let string = typeof b === 'string' ? b : this[kDecoder].write(b);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      // The '\n' of a '\r\n' split across chunks.
      if (string.charCodeAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    lineEnding.lastIndex = 0;
    if (!lineEnding.test(string)) {
      if (string) this[kLineBuffer] = (this[kLineBuffer] || '') + string;
      return;
    }
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const lines = [];
    let start = 0;
    lineEnding.lastIndex = 0;
    let match;
    while ((match = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, match.index));
      start = lineEnding.lastIndex;
    }
    this[kLineBuffer] = string.slice(start);
    // An index loop: REPL input may have replaced Array.prototype[Symbol.iterator].
    for (let i = 0; i < lines.length; i++) {
      this._onLine(lines[i]);
      // A listener may close the interface; node keeps delivering the chunk's lines.
    }
  }

  // --- terminal mode: a minimal line editor --------------------------------------------

  _insertString(c) {
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._refreshLine();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) this._refreshLine();
      else this._writeToOutput(c);
    }
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    } else {
      this._refreshLine();
    }
  }

  _wordLeft() {
    if (this.cursor > 0) {
      const leading = this.line.slice(0, this.cursor);
      const match = /(?:[^\w\s]+|\w+|)\s*$/.exec(leading);
      this._moveCursor(-(match[0].length || 1));
    }
  }

  _wordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
      this._moveCursor(match[0].length);
    }
  }

  _deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      const cp = this.line.codePointAt(this.cursor - 2);
      const width = cp > 0xFFFF && this.cursor >= 2 ? 2 : 1;
      this.line = this.line.slice(0, this.cursor - width) + this.line.slice(this.cursor);
      this.cursor -= width;
      this._refreshLine();
    }
  }

  _deleteRight() {
    if (this.cursor < this.line.length) {
      const cp = this.line.codePointAt(this.cursor);
      const width = cp > 0xFFFF ? 2 : 1;
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + width);
      this._refreshLine();
    }
  }

  _deleteWordLeft() {
    if (this.cursor > 0) {
      let leading = this.line.slice(0, this.cursor);
      const match = /(?:[^\w\s]+|\w+|)\s*$/.exec(leading);
      leading = leading.slice(0, leading.length - (match[0].length || 1));
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this._refreshLine();
    }
  }

  _deleteWordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
      this._refreshLine();
    }
  }

  _deleteLineLeft() {
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._refreshLine();
  }

  _deleteLineRight() {
    this.line = this.line.slice(0, this.cursor);
    this._refreshLine();
  }

  clearLine() {
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this[kPrevRows] = 0;
  }

  _line() {
    const line = this._addHistory();
    this.historyIndex = -1;
    this[kHistorySearch] = null;
    this.clearLine();
    this._onLine(line);
  }

  // Up (dir +1, older) and down (-1, newer) through the history entries that start with
  // what was typed before the first move; past either end the typed text comes back.
  _historyMove(dir) {
    if (this.history.length === 0) return;
    if (dir < 0 && this.historyIndex === -1) return;
    if (dir > 0 && this.historyIndex >= this.history.length) return;
    if (this[kHistorySearch] === null) this[kHistorySearch] = this.line;
    const search = this[kHistorySearch];
    let index = this.historyIndex + dir;
    while (index >= 0 && index < this.history.length &&
           (!this.history[index].startsWith(search) || this.history[index] === this.line)) {
      index += dir;
    }
    if (index < 0 || index >= this.history.length) {
      this.historyIndex = index < 0 ? -1 : this.history.length;
      this.line = search;
    } else {
      this.historyIndex = index;
      this.line = this.history[index];
    }
    this.cursor = this.line.length;
    this._refreshLine();
  }

  _ttyWrite(s, key) {
    key = key || {};
    const previousKey = this[kPreviousKey];
    this[kPreviousKey] = key;
    // Typing ends a history search; the next move searches for the line as it is then.
    if (key.name !== 'up' && key.name !== 'down' &&
        !(key.ctrl && (key.name === 'p' || key.name === 'n'))) {
      this[kHistorySearch] = null;
    }
    // Only a '\n' right after a '\r' is swallowed; any other key in between ends the pair.
    if (key.name !== 'enter') this[kSawReturnAt] = 0;
    if (key.name === 'escape') return;
    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this._deleteLineLeft();
      else if (key.name === 'delete') this._deleteLineRight();
      return;
    }
    if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          return;
        case 'h': this._deleteLeft(); return;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this._deleteRight();
          return;
        case 'u': this._deleteLineLeft(); return;
        case 'k': this._deleteLineRight(); return;
        case 'a': this._moveCursor(-Infinity); return;
        case 'e': this._moveCursor(+Infinity); return;
        case 'b': this._moveCursor(-1); return;
        case 'f': this._moveCursor(+1); return;
        case 'l':
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          return;
        case 'n': this._historyMove(-1); return;
        case 'p': this._historyMove(+1); return;
        case 'z':
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          return;
        case 'w':
        case 'backspace':
          this._deleteWordLeft();
          return;
        case 'delete':
        case 'left':
        case 'right':
          if (key.name === 'delete') this._deleteWordRight();
          else if (key.name === 'left') this._wordLeft();
          else this._wordRight();
          return;
        default:
          return;
      }
    }
    if (key.meta) {
      switch (key.name) {
        case 'b': this._wordLeft(); return;
        case 'f': this._wordRight(); return;
        case 'd':
        case 'delete':
          this._deleteWordRight();
          return;
        case 'backspace': this._deleteWordLeft(); return;
        default: return;
      }
    }
    switch (key.name) {
      case 'return':
        this[kSawReturnAt] = Date.now();
        this._line();
        return;
      case 'enter':
        // The '\n' of a '\r\n' ends nothing more.
        if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
          this._line();
        }
        this[kSawReturnAt] = 0;
        return;
      case 'backspace': this._deleteLeft(); return;
      case 'delete': this._deleteRight(); return;
      case 'left': this._moveCursor(-1); return;
      case 'right': this._moveCursor(+1); return;
      case 'home': this._moveCursor(-Infinity); return;
      case 'end': this._moveCursor(+Infinity); return;
      case 'up': this._historyMove(+1); return;
      case 'down': this._historyMove(-1); return;
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          this._tabComplete(previousKey !== null && previousKey.name === 'tab');
        } else {
          this._insertString('\t');
        }
        return;
      default:
        break;
    }
    if (typeof s === 'string' && s) {
      // Text (possibly pasted, possibly several lines).
      const lines = s.split(/\r\n|\n|\r/);
      for (let i = 0; i < lines.length; i++) {
        if (i > 0) this._line();
        // eslint-disable-next-line no-control-regex
        const text = lines[i].replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
        if (text) this._insertString(text);
      }
    }
  }

  // TAB: complete the text left of the cursor (listing the candidates on a second TAB).
  _tabComplete(lastKeypressWasTab) {
    tabComplete(this, lastKeypressWasTab);
  }

  [Symbol.asyncIterator]() {
    if (this[kLineIterator] === undefined) this[kLineIterator] = createLineIterator(this);
    return this[kLineIterator];
  }
}

// The async iterator behind `for await (const line of rl)`: lines queue up while the consumer
// is busy (the input is paused past kIteratorHighWaterMark of them), 'close' ends it after the
// queued lines, an 'error' rejects. Leaving the loop early only detaches the iterator: node 20
// does not close the interface then.
function createLineIterator(rl) {
  const queue = [];
  const waiters = [];
  let finished = false;
  let error = null;
  let pausedByUs = false;

  function onLine(line) {
    if (waiters.length > 0) {
      waiters.shift().resolve({ value: line, done: false });
      return;
    }
    queue.push(line);
    if (queue.length >= kIteratorHighWaterMark && !rl.paused && !rl.closed) {
      pausedByUs = true;
      rl.pause();
    }
  }
  function onClose() {
    finished = true;
    cleanup();
    while (waiters.length > 0) waiters.shift().resolve({ value: undefined, done: true });
  }
  function onError(err) {
    cleanup();
    finished = true;
    if (waiters.length > 0) {
      waiters.shift().reject(err);
      while (waiters.length > 0) waiters.shift().resolve({ value: undefined, done: true });
    } else {
      error = err;
    }
  }
  function cleanup() {
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
  }
  function finish() {
    cleanup();
    finished = true;
    queue.length = 0;
    while (waiters.length > 0) waiters.shift().resolve({ value: undefined, done: true });
    if (pausedByUs && !rl.closed) rl.resume();
  }

  rl.on('line', onLine);
  rl.on('close', onClose);
  rl.on('error', onError);

  const AsyncIteratorPrototype =
    Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
  return Object.setPrototypeOf({
    next() {
      if (queue.length > 0) {
        const value = queue.shift();
        if (pausedByUs && queue.length < kIteratorHighWaterMark / 2 && !rl.closed) {
          pausedByUs = false;
          rl.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (error !== null) {
        const err = error;
        error = null;
        return Promise.reject(err);
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      finish();
      return Promise.reject(err);
    },
  }, AsyncIteratorPrototype);
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kQuestionCallback,
  kPrompt,
};
