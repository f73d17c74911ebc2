'use strict';
// run() and `--test`: finds test files, runs each in its own child process (one at a time unless
// `concurrency` says otherwise) and reports the children's events as tests of one root, as node 20.
// A child writes its events on stdout, one line each behind kEventMarker (the internal:events
// reporter); anything else it prints becomes test:stdout/test:stderr.

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { TestsStream } = require('internal/test_runner/tests_stream');
const { failureTypes, testFailure } = require('internal/test_runner/errors');
const { optionValues } = require('internal/test_runner/reporter/setup');
const { validateObject, validateArray } = require('internal/validators');

const kEventMarker = '\u0000ringjs-test-event:';

// node 20's default patterns: **/*.test.?(c|m)js, **/*-test.?(c|m)js, **/*_test.?(c|m)js,
// **/test-*.?(c|m)js, **/test.?(c|m)js and **/test/**/*.?(c|m)js.
const kTestName = /^(?:test|test-.+|.+[._-]test)\.[cm]?js$/;
const kScript = /\.[cm]?js$/;

function collectFiles(dir, insideTestDir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      collectFiles(full, insideTestDir || entry.name === 'test', out);
    } else if (kTestName.test(entry.name) || (insideTestDir && kScript.test(entry.name))) {
      out.push(full);
    }
  }
}

// A small glob: '*' within a name, '**' across directories.
function globToRegExp(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function findTestFiles(patterns, cwd) {
  const files = new Set();
  if (patterns.length === 0) {
    const found = [];
    collectFiles(cwd, false, found);
    found.sort();
    return found;
  }
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    let stat;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = null;
    }
    if (stat !== null && stat.isDirectory()) {
      const found = [];
      const inTestDir = path.relative(cwd, absolute).split(path.sep).includes('test');
      collectFiles(absolute, inTestDir, found);
      found.forEach((file) => files.add(file));
    } else if (stat !== null) {
      files.add(absolute);
    } else if (/[*?]/.test(pattern)) {
      const all = [];
      const walk = (dir) => {
        let entries;
        try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
        for (const entry of entries) {
          if (entry.name === 'node_modules') continue;
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else all.push(full);
        }
      };
      walk(cwd);
      const matcher = globToRegExp(path.isAbsolute(pattern) ? pattern : path.join(cwd, pattern));
      all.filter((file) => matcher.test(file)).sort().forEach((file) => files.add(file));
    } else {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

// Errors cross the process boundary as plain data and come back as Error objects.
function serializeValue(value, depth = 0) {
  if (value instanceof Error || (value !== null && typeof value === 'object' && 'stack' in value &&
                                 'message' in value)) {
    const data = { __proto__: null, $error: true };
    for (const key of ['message', 'name', 'code', 'stack', 'failureType', 'expected', 'actual',
                       'operator', 'generatedMessage', 'exitCode', 'signal']) {
      if (key in value && value[key] !== undefined) data[key] = serializeValue(value[key], depth + 1);
    }
    if (value.cause !== undefined) data.cause = serializeValue(value.cause, depth + 1);
    for (const key of Object.keys(value)) {
      if (!(key in data) && key !== 'cause') data[key] = serializeValue(value[key], depth + 1);
    }
    return data;
  }
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    return { __proto__: null, $inspect: require('util').inspect(value) };
  }
  if (value === undefined) return { __proto__: null, $undefined: true };
  if (value !== null && typeof value === 'object') {
    if (depth > 20) return { __proto__: null, $inspect: '[Object]' };
    if (Array.isArray(value)) return value.map((item) => serializeValue(item, depth + 1));
    const data = {};
    for (const key of Object.keys(value)) data[key] = serializeValue(value[key], depth + 1);
    return data;
  }
  return value;
}

function deserializeValue(data) {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map(deserializeValue);
  if (data.$undefined) return undefined;
  if (data.$inspect !== undefined) return data.$inspect;
  if (data.$error) {
    const error = new Error();
    const { message, name, stack, cause, code, failureType } = data;
    Object.defineProperty(error, 'message', { __proto__: null, value: message, writable: true, configurable: true });
    Object.defineProperty(error, 'stack', { __proto__: null, value: stack, writable: true, configurable: true });
    if (name !== undefined && name !== 'Error') {
      Object.defineProperty(error, 'name', { __proto__: null, value: name, writable: true, configurable: true });
    }
    if (code !== undefined) error.code = code;
    if (failureType !== undefined) error.failureType = failureType;
    if (cause !== undefined) {
      Object.defineProperty(error, 'cause', {
        __proto__: null, value: deserializeValue(cause), enumerable: true, writable: true, configurable: true,
      });
    }
    for (const key of Object.keys(data)) {
      if (['$error', 'message', 'name', 'stack', 'cause', 'code', 'failureType'].includes(key)) continue;
      error[key] = deserializeValue(data[key]);
    }
    return error;
  }
  const result = {};
  for (const key of Object.keys(data)) {
    const value = deserializeValue(data[key]);
    if (value !== undefined || !data[key]?.$undefined) result[key] = value;
  }
  return result;
}

// The reporter a child uses: every event as one marked JSON line on stdout.
async function* eventsReporter(source) {
  for await (const { type, data } of source) {
    yield `${kEventMarker}${JSON.stringify({ type, data: serializeValue(data) })}\n`;
  }
}

function countEvent(counters, type, data) {
  if (data.details?.type === 'suite') {
    counters.suites++;
    return;
  }
  counters.tests++;
  if (data.skip !== undefined) counters.skipped++;
  else if (data.todo !== undefined) counters.todo++;
  else if (type === 'test:pass') counters.passed++;
  else if (data.details?.error?.failureType === failureTypes.kCancelledByParent ||
           data.details?.error?.failureType === failureTypes.kTestTimeoutFailure) {
    counters.cancelled++;
  } else counters.failed++;
}

// One file's child process; its events are replayed into `stream` when it is the file being
// reported (files are reported in order).
class FileRun {
  constructor(file, options, runner) {
    this.file = file;
    this.runner = runner;
    this.options = options;
    this.buffered = [];
    this.live = false;
    this.sawFailure = false;
    this.done = null;
  }

  emit(type, data) {
    if (this.live) this.runner.replay(this, type, data);
    else this.buffered.push([type, data]);
  }

  goLive() {
    this.live = true;
    for (const [type, data] of this.buffered) this.runner.replay(this, type, data);
    this.buffered = [];
  }

  start() {
    const args = [...this.options.execArgv, '--test-reporter=internal:events',
                  '--test-reporter-destination=stdout', this.file];
    const startTime = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_TEST_CONTEXT: 'child-v8' },
      signal: this.options.signal,
    });
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        this.onLine(line);
      }
    });
    const stderrChunks = [];
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => stderrChunks.push(chunk));
    this.done = new Promise((resolve) => {
      child.on('close', (code, signal) => {
        if (pending !== '') this.onLine(pending);
        const stderr = stderrChunks.join('');
        if (stderr !== '') this.emit('test:stderr', { __proto__: null, file: this.file, message: stderr });
        this.finish(code, signal, Number(process.hrtime.bigint() - startTime) / 1e6);
        resolve();
      });
      child.on('error', () => {});
    });
    return this.done;
  }

  onLine(line) {
    if (line.startsWith(kEventMarker)) {
      let event;
      try {
        event = JSON.parse(line.slice(kEventMarker.length));
      } catch {
        return;
      }
      const data = deserializeValue(event.data);
      if (event.type === 'test:fail' && data.todo === undefined) this.sawFailure = true;
      this.emit(event.type, data);
    } else {
      this.emit('test:stdout', { __proto__: null, file: this.file, message: `${line}\n` });
    }
  }

  finish(code, signal, duration) {
    if ((code !== 0 || signal !== null) && !this.sawFailure) {
      const error = testFailure('test failed', failureTypes.kTestCodeFailure);
      error.exitCode = code;
      error.signal = signal;
      this.emit('test:start', { __proto__: null, nesting: 0, name: this.file, file: this.file, line: 1, column: 1 });
      this.emit('test:fail', {
        __proto__: null, name: this.file, nesting: 0, testNumber: 0,
        details: { __proto__: null, duration_ms: duration, error },
        file: this.file, line: 1, column: 1,
      });
    }
  }
}

class Runner {
  constructor(stream, options) {
    this.stream = stream;
    this.options = options;
    this.counters = { tests: 0, suites: 0, passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
    this.topLevel = 0;
  }

  replay(fileRun, type, data) {
    if (data.nesting === 0) {
      // Each child's own plan and summary give way to the runner's.
      if (type === 'test:plan' || type === 'test:diagnostic') return;
      if (type === 'test:pass' || type === 'test:fail') {
        // A file's own failure keeps the file's position among the files, as node numbers it.
        this.topLevel++;
        data.testNumber = data.testNumber === 0 ? fileRun.index : this.topLevel;
      }
    }
    if (type === 'test:pass' || type === 'test:fail') countEvent(this.counters, type, data);
    this.stream.forward(type, data);
  }

  async run(files) {
    const startTime = process.hrtime.bigint();
    const runs = files.map((file, i) => {
      const fileRun = new FileRun(file, this.options, this);
      fileRun.index = i + 1;
      return fileRun;
    });
    const limit = this.options.concurrency;
    let next = 0;
    const started = [];
    const launch = () => {
      while (next < runs.length && started.length - runs.filter((r) => r.closed).length < limit) {
        const fileRun = runs[next++];
        started.push(fileRun);
        fileRun.start().then(() => { fileRun.closed = true; launch(); });
      }
    };
    launch();
    for (const fileRun of runs) {
      while (fileRun.done === null) await new Promise((resolve) => setImmediate(resolve));
      fileRun.goLive();
      await fileRun.done;
    }
    const c = this.counters;
    const stream = this.stream;
    stream.plan(0, undefined, this.topLevel);
    const duration = Number(process.hrtime.bigint() - startTime) / 1e6;
    for (const [label, value] of [['tests', c.tests], ['suites', c.suites], ['pass', c.passed],
                                  ['fail', c.failed], ['cancelled', c.cancelled],
                                  ['skipped', c.skipped], ['todo', c.todo],
                                  ['duration_ms', duration]]) {
      stream.diagnostic(0, undefined, `${label} ${value}`);
    }
    stream.end();
    return c.failed === 0 && c.cancelled === 0;
  }
}

// Flags a child inherits from this process (the test runner's own, not --test itself).
function childExecArgv() {
  const inherited = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--test' || arg.startsWith('--test-reporter')) {
      if ((arg === '--test-reporter' || arg === '--test-reporter-destination') && i + 1 < argv.length) i++;
      continue;
    }
    inherited.push(arg);
  }
  return inherited;
}

function run(options = {}) {
  validateObject(options, 'options');
  let { files, concurrency, signal } = options;
  if (files !== undefined) validateArray(files, 'options.files');
  if (concurrency === true) concurrency = Math.max(require('os').availableParallelism() - 1, 1);
  else if (typeof concurrency !== 'number') concurrency = 1;
  const stream = new TestsStream();
  const cwd = process.cwd();
  const list = files !== undefined ? files.map((file) => path.resolve(cwd, file)) :
    findTestFiles(options.globPatterns ?? [], cwd);
  const runner = new Runner(stream, {
    concurrency, signal, execArgv: options.execArgv ?? childExecArgv(),
  });
  stream.result = Promise.resolve().then(() => runner.run(list));
  return stream;
}

module.exports = { run, eventsReporter, findTestFiles, kEventMarker };
