'use strict';
// worker_threads.Worker, the parent's side: validates the options, starts the thread
// (internalBinding('worker')), sends it LOAD_SCRIPT over the internal channel with the public
// port, and turns what comes back into 'online', 'message', 'error' and 'exit'.

const EventEmitter = require('events');
const path = require('path');
const {
  Worker: WorkerHandle, kMaxYoungGenerationSizeMb, kMaxOldGenerationSizeMb, kCodeRangeSizeMb,
  kStackSizeMb, kTotalResourceLimitCount,
} = internalBinding('worker');
const {
  MessageChannel, drainMessagePort, setupPortReferencing, emitResourceInit, emitResourceDestroy,
} = require('internal/worker/io');
const {
  LOAD_SCRIPT, UP_AND_RUNNING, ERROR_MESSAGE, COULD_NOT_SERIALIZE_ERROR, STDIO_PAYLOAD,
} = require('internal/worker/protocol');
const { deserializeError } = require('internal/worker/error_serdes');
const {
  WritableWorkerStdio, ReadableWorkerStdio, pipeWithoutWarning,
} = require('internal/worker/stdio');
const threadState = require('internal/worker/thread_state');
const { codes: errorCodes } = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_URL_SCHEME, ERR_WORKER_PATH,
  ERR_WORKER_UNSERIALIZABLE_ERROR,
} = errorCodes;
const { validateArray, validateObject } = require('internal/validators');
const { validateExecArgv, validateNodeOptions } = require('internal/worker/exec_argv');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kPublicPort = Symbol('kPublicPort');
const kOnExit = Symbol('kOnExit');
const kOnMessage = Symbol('kOnMessage');
const kStdio = Symbol('kStdio');
const kLimits = Symbol('kLimits');

function isURL(value) {
  return value !== null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string';
}

// filename -> [what LOAD_SCRIPT runs, how: null (file), 'classic' (eval code)].
function resolveEntry(filename, options) {
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.eval', options.eval,
                                      'must be false when \'filename\' is not a string');
    }
    return [filename, 'classic'];
  }
  if (isURL(filename)) {
    // A data: URL is an ES module's source.
    if (filename.protocol === 'data:') return [filename.href, 'module'];
    if (filename.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
    return [require('internal/url').fileURLToPath(filename), null];
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  const relative = /^\.\.?[\\/]/.test(filename);
  if (!path.isAbsolute(filename) && !relative) throw new ERR_WORKER_PATH(filename);
  return [path.resolve(filename), null];
}

// The worker's process.env: a copy (of options.env, or of ours now), or null to share ours.
function environmentFor(env) {
  if (env === SHARE_ENV) return null;
  if (env === undefined || env === null || env === process.env) return { ...process.env };
  if (typeof env !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options.env',
                                   ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'],
                                   env);
  }
  const copy = {};
  for (const key of Object.keys(env)) copy[key] = `${env[key]}`;
  return copy;
}

function parseResourceLimits(limits) {
  const array = new Float64Array(kTotalResourceLimitCount).fill(-1);
  if (limits === undefined || limits === null || typeof limits !== 'object') return array;
  const fields = [['maxYoungGenerationSizeMb', kMaxYoungGenerationSizeMb],
                  ['maxOldGenerationSizeMb', kMaxOldGenerationSizeMb],
                  ['codeRangeSizeMb', kCodeRangeSizeMb],
                  ['stackSizeMb', kStackSizeMb]];
  for (const [name, index] of fields) {
    if (typeof limits[name] === 'number' && limits[name] > 0) array[index] = limits[name];
  }
  return array;
}

function makeResourceLimits(array) {
  return {
    maxYoungGenerationSizeMb: array[kMaxYoungGenerationSizeMb],
    maxOldGenerationSizeMb: array[kMaxOldGenerationSizeMb],
    codeRangeSizeMb: array[kCodeRangeSizeMb],
    stackSizeMb: array[kStackSizeMb],
  };
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    const [entry, doEval] = resolveEntry(filename, options ?? {});
    validateObject(options, 'options');
    let argv = [];
    if (options.argv !== undefined) {
      validateArray(options.argv, 'options.argv');
      argv = options.argv.map(String);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      validateArray(options.execArgv, 'options.execArgv');
      execArgv = options.execArgv.map(String);
      execArgv.length = validateExecArgv(execArgv);
    }
    const env = environmentFor(options.env);
    if (env !== null && typeof env.NODE_OPTIONS === 'string') validateNodeOptions(env.NODE_OPTIONS);
    const name = options.name ? `${options.name}`.trim() : '';
    const limits = parseResourceLimits(options.resourceLimits);
    if (limits[kStackSizeMb] <= 0) limits[kStackSizeMb] = 4;
    this[kLimits] = limits;

    this[kHandle] = new WorkerHandle(execArgv, limits, name);
    emitResourceInit(this[kHandle], 'WORKER');
    this[kHandle].onexit = (code, customErr, customErrReason) => {
      this[kOnExit](code, customErr, customErrReason);
    };
    this[kPort] = this[kHandle].messagePort;
    this[kPort].on('message', (data) => this[kOnMessage](data));
    this[kPort].start();
    this[kPort].unref();

    const { port1, port2 } = new MessageChannel();
    this[kPublicPort] = port1;
    port1.on('message', (message) => this.emit('message', message));
    port1.on('messageerror', (error) => this.emit('messageerror', error));
    setupPortReferencing(port1, this, 'message');

    const stdout = new ReadableWorkerStdio('stdout');
    const stderr = new ReadableWorkerStdio('stderr');
    if (!options.stdout) pipeWithoutWarning(stdout, process.stdout);
    if (!options.stderr) pipeWithoutWarning(stderr, process.stderr);
    const stdin = options.stdin ? new WritableWorkerStdio(this[kPort], 'stdin') : null;
    this[kStdio] = { stdin, stdout, stderr };

    const transferList = [port2];
    if (options.transferList !== undefined && options.transferList !== null) {
      transferList.push(...options.transferList);
    }
    this[kPort].postMessage({
      type: LOAD_SCRIPT,
      filename: entry,
      doEval,
      argv,
      env,
      name,
      workerData: options.workerData,
      environmentData: threadState.environmentData,
      publicPort: port2,
      hasStdin: Boolean(options.stdin),
    }, transferList);
    this[kHandle].startThread();
    process.nextTick(() => process.emit('worker', this));
  }

  [kOnMessage](message) {
    switch (message?.type) {
      case UP_AND_RUNNING:
        this.emit('online');
        break;
      case ERROR_MESSAGE:
        this.emit('error', deserializeError(message.error));
        break;
      case COULD_NOT_SERIALIZE_ERROR:
        this.emit('error', new ERR_WORKER_UNSERIALIZABLE_ERROR());
        break;
      case STDIO_PAYLOAD:
        this[kStdio][message.stream]?.pushChunks?.(message.chunks);
        break;
      default:
        break;
    }
  }

  [kOnExit](code, customErr, customErrReason) {
    // What the worker sent before it ended is delivered before 'exit'.
    drainMessagePort(this[kPublicPort]);
    drainMessagePort(this[kPort]);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
    this[kPublicPort].unref();
    this[kPublicPort].close();
    this[kPort].close();
    this[kHandle].onexit = null;
    emitResourceDestroy(this[kHandle]);
    this[kHandle] = null;
    this[kPort] = null;
    this[kPublicPort] = null;
    const { stdout, stderr } = this[kStdio];
    if (!stdout.readableEnded) stdout.push(null);
    if (!stderr.readableEnded) stderr.push(null);
    if (customErr) this.emit('error', new errorCodes[customErr](customErrReason));
    this.emit('exit', code);
    this.removeAllListeners();
  }

  postMessage(...args) {
    if (this[kPublicPort] === null) return;
    Reflect.apply(this[kPublicPort].postMessage, this[kPublicPort], args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning(
        'Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return Promise.resolve();
      this.once('exit', (exitCode) => callback(null, exitCode));
    }
    if (this[kHandle] === null) return Promise.resolve();
    // The promise settles on 'exit', which an unref()'ed worker would never get to.
    this[kHandle].ref();
    this[kHandle].stopThread();
    return new Promise((resolve) => {
      this.once('exit', (exitCode) => resolve(exitCode));
    });
  }

  ref() {
    if (this[kHandle] === null) return;
    this[kHandle].ref();
    this[kPublicPort].ref();
  }

  unref() {
    if (this[kHandle] === null) return;
    this[kHandle].unref();
    this[kPublicPort].unref();
  }

  get threadId() {
    if (this[kHandle] === null) return -1;
    return this[kHandle].threadId;
  }

  get stdin() {
    return this[kStdio].stdin;
  }

  get stdout() {
    return this[kStdio].stdout;
  }

  get stderr() {
    return this[kStdio].stderr;
  }

  get resourceLimits() {
    if (this[kHandle] === null) return {};
    return makeResourceLimits(this[kLimits]);
  }
}

module.exports = { Worker, SHARE_ENV, makeResourceLimits };
