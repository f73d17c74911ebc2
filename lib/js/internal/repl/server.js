'use strict';
// REPLServer: a readline Interface that evaluates each complete input and prints the result.
// Input runs in a vm context (or the main one with useGlobal); incomplete input waits for more
// lines under a '... ' prompt; top-level await is rewritten into an async function.

const EventEmitter = require('events');
const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_REPL_EVAL_CONFIG,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { InterfaceConstructor } = require('internal/readline/interface');
const { Interface } = require('readline');
const { kSawKeyPress } = require('internal/readline/emitKeypressEvents');
const { CompiledScript } = internalBinding('contextify');
const { Recoverable, isRecoverableError, formatUncaught } = require('internal/repl/errors');
const { rewriteTopLevelAwait } = require('internal/repl/await');
const { createReplContext } = require('internal/repl/context');
const { defineDefaultCommands, kEvaluateWhole } = require('internal/repl/commands');
const { complete } = require('internal/repl/completion');
const { nextReplResourceName } = require('internal/repl/resource_name');
const {
  runInServerContext, trackServer, kReportUncaught, kStandaloneREPL,
} = require('internal/repl/uncaught');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kBufferedCommand = Symbol('bufferedCommand');
const kEditorLines = Symbol('editorLines');
const kPendingAwaits = Symbol('pendingAwaits');
const kExitWhenSettled = Symbol('exitWhenSettled');
const kImportDefaultLoader = 0;  // import() in REPL input uses the main loader

function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

// A name that looks like a number is input (`.5`), not a command.
const kCommandLine = /^\.([^\s]+)\s*(.*)$/;

function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    eval_ = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (!options.input && !options.output) {
    if (!stream) stream = process;
    options.input = stream.stdin || stream;
    options.output = stream.stdout || stream;
  }
  if (options.terminal === undefined) options.terminal = Boolean(options.output.isTTY);
  options.terminal = Boolean(options.terminal);
  if (options.terminal && options.useColors === undefined) {
    const { shouldColorize } = require('internal/util/colors');
    options.useColors = shouldColorize(options.output) ||
      process.env.NODE_DISABLE_COLORS === undefined;
  }
  if (eval_ !== undefined && eval_ !== null) validateFunction(eval_, 'options.eval');
  if (options.breakEvalOnSigint && eval_) throw new ERR_INVALID_REPL_EVAL_CONFIG();
  if (options.writer !== undefined) validateFunction(options.writer, 'options.writer');
  if (options.completer !== undefined) validateFunction(options.completer, 'options.completer');
  if (replMode !== undefined && replMode !== REPL_MODE_SLOPPY && replMode !== REPL_MODE_STRICT) {
    throw new ERR_INVALID_ARG_TYPE('options.replMode', 'symbol', replMode);
  }

  this.allowBlockingCompletions = Boolean(options.allowBlockingCompletions);
  this.useColors = Boolean(options.useColors);
  this.useGlobal = Boolean(useGlobal);
  this.ignoreUndefined = Boolean(ignoreUndefined);
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.breakEvalOnSigint = Boolean(options.breakEvalOnSigint);
  this.editorMode = false;
  this.eval = eval_ || defaultEval;
  this[kBufferedCommand] = '';
  this[kEditorLines] = [];
  this[kPendingAwaits] = 0;
  this[kExitWhenSettled] = false;
  this[kStandaloneREPL] = Boolean(options[kStandaloneREPL]);
  // node's REPL runs input in a domain; ringjs has no domains. _domain is an emitter that
  // gets each error the REPL reports ('error'), for programs that listen there.
  this._domain = new EventEmitter();

  const self = this;
  const completer = options.completer ||
    function replCompleter(text, cb) { complete(self, text, cb); };

  InterfaceConstructor.call(this, {
    input: options.input,
    output: options.output,
    completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: prompt === undefined ? '> ' : `${prompt}`,
  });
  this._initialPrompt = prompt === undefined ? '> ' : `${prompt}`;

  this.commands = { __proto__: null };
  this.writer = options.writer || writer;
  if (this.writer === writer && this.useColors) {
    // Colors for this server only; the shared writer.options stay as they are.
    const colorWriter = (obj) => inspect(obj, colorWriter.options);
    colorWriter.options = { ...writer.options, colors: true };
    this.writer = colorWriter;
  }
  defineDefaultCommands(this);
  this.resetContext();

  this.on('line', function onLine(line) {
    self[kOnLine](line);
  });
  this.on('close', function emitExit() {
    if (self[kPendingAwaits] > 0) {
      self[kExitWhenSettled] = true;
      return;
    }
    self.emit('exit');
  });
  this.on('SIGINT', function onSigInt() {
    const empty = self.line.length === 0 && self[kBufferedCommand].length === 0 &&
      self[kEditorLines].length === 0;
    self.clearLine();
    if (empty) {
      if (self._sawSigInt) {
        self.close();
        return;
      }
      self.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      self._sawSigInt = true;
    } else {
      self._sawSigInt = false;
    }
    self.clearBufferedCommand();
    self.editorMode = false;
    self[kEditorLines] = [];
    self.displayPrompt();
  });
  this._sawSigInt = false;

  trackServer(this);
  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);
Object.setPrototypeOf(REPLServer, Interface);

// The default evaluator: compile as a script named REPLn in the context and run it.
function defaultEval(code, context, file, cb) {
  const server = this;
  // An empty line evaluates to nothing (no result is printed).
  if (code === '\n') {
    cb(null);
    return;
  }
  const filename = file;
  const strict = server.replMode === REPL_MODE_STRICT;
  const compile = (source) => {
    // `void 0` keeps the directive from being the completion value.
    const text = strict ? `'use strict'; void 0;\n${source}` : source;
    return new CompiledScript(text, filename, strict ? -1 : 0, 0, undefined, false,
                              kImportDefaultLoader);
  };
  let script = null;
  let isAsync = false;
  // Input with an `await` outside any function runs inside an async function; when the
  // rewrite does not compile (await used as a name, or inside a plain function), the input
  // is compiled as it is and V8 reports its error.
  if (/\bawait\b/.test(code)) {
    const rewritten = rewriteTopLevelAwait(code);
    if (rewritten !== null) {
      try {
        script = compile(rewritten);
        isAsync = true;
      } catch {
        script = null;
      }
    }
  }
  // `{ a: 1 }` is an object, as node's REPL reads it, unless it only parses as a block.
  if (script === null && /^\s*{/.test(code) && !/;\s*$/.test(code)) {
    try {
      script = compile(`(${code.trim()})\n`);
    } catch {
      script = null;
    }
  }
  if (script === null) {
    try {
      script = compile(code);
    } catch (error) {
      cb(isRecoverableError(error, code) ? new Recoverable(error) : error);
      return;
    }
  }
  let result;
  const sandbox = server.useGlobal && context === globalThis ? null : context;
  try {
    result = script.run(sandbox, -1, false, [false]);
  } catch (error) {
    // Thrown inside a node:domain that is still entered (domain.run() did not return): the
    // domain's 'error' listeners get it, as in node's REPL.
    if (process.domain) {
      const domain = process.domain;
      domain.emit('error', error);
      domain.exit();
      return;
    }
    // `throw null` cannot travel as the callback's error argument.
    if (error === null || error === undefined) server[kReportError](error);
    else cb(error);
    return;
  }
  if (!isAsync) {
    cb(null, result);
    return;
  }
  server[kPendingAwaits]++;
  Promise.resolve(result).then(
    (box) => settle(null, box ? box.value : undefined),
    (error) => settle(error));
  function settle(error, value) {
    server[kPendingAwaits]--;
    // As node, a promise rejected with null or undefined reads as a result of undefined.
    cb(error, value);
    if (server[kPendingAwaits] === 0 && server[kExitWhenSettled]) {
      server[kExitWhenSettled] = false;
      server.emit('exit');
    }
  }
}

const kOnLine = Symbol('onLine');

REPLServer.prototype[kOnLine] = function onLine(cmd) {
  cmd = cmd || '';
  this._sawSigInt = false;
  if (this.editorMode) {
    this[kEditorLines].push(cmd);
    // A typed line leads the next with its indentation (pasted text has its own).
    const indent = /^\s*/.exec(cmd)[0];
    if (indent !== '' && this.terminal && this[kSawKeyPress]) this._insertString(indent);
    return;
  }
  const trimmed = cmd.trim();
  // A dot command, unless it is a number such as `.5` or a `..` chain.
  if (trimmed.startsWith('.') && !trimmed.startsWith('..') && Number.isNaN(Number(trimmed))) {
    const match = kCommandLine.exec(trimmed);
    if (match !== null) {
      // No array destructuring here: input may have replaced Array.prototype[Symbol.iterator].
      const keyword = match[1];
      const rest = match[2];
      const command = this.commands[keyword];
      if (command !== undefined) {
        Reflect.apply(command.action, this, [rest]);
        return;
      }
      if (this[kBufferedCommand] === '') {
        this.output.write('Invalid REPL keyword\n');
        this.displayPrompt();
        return;
      }
    }
  }
  this.lines.push(cmd);
  this[kEvaluate](this[kBufferedCommand] + cmd + '\n', cmd);
};

const kEvaluate = Symbol('evaluate');

// Evaluates `code`; `line` is the last line of it, buffered if the code turns out unfinished.
REPLServer.prototype[kEvaluate] = function evaluate(code, line) {
  const self = this;
  const linesBefore = this.lines.length;
  let done = false;
  function finish(error, result) {
    if (done) return;
    done = true;
    const hasResult = arguments.length > 1;
    if (error && (error instanceof Recoverable)) {
      self[kBufferedCommand] += `${line}\n`;
      self.displayPrompt();
      return;
    }
    self.clearBufferedCommand();
    if (error) {
      // The failed input is not part of the session .save writes.
      const failed = code.split('\n').length - 1;
      self.lines.splice(Math.max(0, linesBefore - failed), failed);
      self[kReportError](error);
      return;
    }
    if (hasResult && (!self.ignoreUndefined || result !== undefined)) {
      if (!self.underscoreAssigned) self.last = result;
      self.output.write(`${self.writer(result)}\n`);
    }
    self.displayPrompt();
  }
  try {
    const file = nextReplResourceName();
    runInServerContext(this, () => this.eval(code, this.context, file, finish));
  } catch (error) {
    finish(error);
  }
};

const kReportError = Symbol('reportError');

REPLServer.prototype[kReportError] = function reportError(error) {
  if (error instanceof Recoverable && error.err !== undefined) error = error.err;
  // The standalone REPL hands errors to the program's own 'uncaughtException' listeners.
  // They run on the next tick, as node's REPL rethrows them there.
  if (this[kStandaloneREPL] && process.listenerCount('uncaughtException') > 0) {
    this.clearBufferedCommand();
    process.nextTick(() => {
      process.emit('uncaughtException', error, 'uncaughtException');
      this.displayPrompt();
    });
    return;
  }
  if (!this.underscoreErrAssigned) this.lastError = error;
  const breakLength = (this.writer.options && this.writer.options.breakLength) || 80;
  this.output.write(`${formatUncaught(error, this.writer, breakLength)}\n`);
  this.clearBufferedCommand();
  this.displayPrompt();
  if (this._domain.listenerCount('error') > 0) this._domain.emit('error', error);
};

REPLServer.prototype[kReportUncaught] = function reportUncaught(error) {
  this[kReportError](error);
};

REPLServer.prototype[kEvaluateWhole] = function evaluateWhole(code) {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) this.lines.push(lines[i]);
  this[kEvaluate](`${code}\n`, code);
};

REPLServer.prototype.setupHistory = function setupHistory(historyFile, cb) {
  require('internal/repl/history').setupHistory(this, historyFile, cb);
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

// As node, the interface closes on the next tick: lines already read in the same chunk still
// run, and 'exit' follows them.
REPLServer.prototype.close = function close() {
  process.nextTick(() => Reflect.apply(Interface.prototype.close, this, []));
};

REPLServer.prototype.createContext = function createContext() {
  return createReplContext(this);
};

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.lines.level = [];
  const self = this;
  Object.defineProperty(this.context, '_', {
    __proto__: null,
    configurable: true,
    get() { return self.last; },
    set(value) {
      self.last = value;
      if (!self.underscoreAssigned) {
        self.underscoreAssigned = true;
        self.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(this.context, '_error', {
    __proto__: null,
    configurable: true,
    get() { return self.lastError; },
    set(value) {
      self.lastError = value;
      if (!self.underscoreErrAssigned) {
        self.underscoreErrAssigned = true;
        self.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.emit('reset', this.context);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this[kBufferedCommand].length > 0) prompt = '... ';
  // The continuation prompt is shown without becoming the server's prompt.
  Reflect.apply(Interface.prototype.setPrompt, this, [prompt]);
  this.prompt(preserveCursor);
};

REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  Reflect.apply(Interface.prototype.setPrompt, this, [prompt]);
};

// An error thrown by the callback goes to _domain's 'error' listeners when there are some.
REPLServer.prototype.complete = function complete_(line, callback) {
  const domain = this._domain;
  Reflect.apply(this.completer, this, [line, function onComplete(err, result) {
    try {
      callback(err, result);
    } catch (error) {
      if (domain.listenerCount('error') === 0) throw error;
      domain.emit('error', error);
    }
  }]);
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else {
    validateObject(cmd, 'cmd');
    validateFunction(cmd.action, 'cmd.action');
  }
  this.commands[keyword] = cmd;
};

// Editor mode (.editor on a terminal): lines collect until Ctrl+D runs them, Ctrl+C drops them.
REPLServer.prototype.enterEditorMode = function enterEditorMode() {
  this.editorMode = true;
  this[kEditorLines] = [];
  this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
  Reflect.apply(Interface.prototype.setPrompt, this, ['']);
};

REPLServer.prototype._ttyWrite = function _ttyWrite(d, key) {
  key = key || {};
  if (this.editorMode && key.ctrl && key.name === 'd' && !key.meta && !key.shift) {
    // Ctrl+D ends editor mode and runs what was typed.
    // The unfinished last line counts, empty or not (.save writes it too).
    const lines = this[kEditorLines];
    lines.push(this.line);
    this.line = '';
    this.cursor = 0;
    this.editorMode = false;
    this[kEditorLines] = [];
    this._writeToOutput('\n');
    const code = lines.join('\n');
    if (code.trim() === '') {
      this.displayPrompt();
      return;
    }
    this[kEvaluateWhole](code);
    return;
  }
  if (this.editorMode && key.name === 'tab' && !key.ctrl && !key.meta) {
    // Editor mode has no completion: a tab indents by two spaces.
    this._insertString('  ');
    return;
  }
  Reflect.apply(Interface.prototype._ttyWrite, this, [d, key]);
};

// Older names of input and output, still read by programs.
Object.defineProperties(REPLServer.prototype, {
  inputStream: {
    __proto__: null,
    get() { return this.input; },
    set(value) { this.input = value; },
    configurable: true,
    enumerable: false,
  },
  outputStream: {
    __proto__: null,
    get() { return this.output; },
    set(value) { this.output = value; },
    configurable: true,
    enumerable: false,
  },
});

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  start,
  writer,
};
