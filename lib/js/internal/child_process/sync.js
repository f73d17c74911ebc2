'use strict';
// spawnSync over internalBinding('spawn_sync'): the child runs to completion before this
// returns; the result is { error?, status, signal, output, pid, stdout, stderr } as node's.

const { spawn: spawnSyncBinding } = internalBinding('spawn_sync');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  errnoException,
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const {
  kDefaultMaxBuffer,
  normalizeSpawnArguments,
  normalizeStdio,
  sanitizeKillSignal,
  signalName,
  validateMaxBuffer,
  validateTimeout,
} = require('internal/child_process/spawn_options');

function spawnSync(file, args, options) {
  options = {
    __proto__: null,
    maxBuffer: kDefaultMaxBuffer,
    ...normalizeSpawnArguments(file, args, options),
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  options.stdio = normalizeStdio(options.stdio || 'pipe', true);
  if (options.input) {
    options.stdio[0] = { __proto__: null, ...options.stdio[0], input: options.input };
  }
  for (let i = 0; i < options.stdio.length; i++) {
    const input = options.stdio[i].input;
    if (input == null) continue;
    if (isArrayBufferView(input)) continue;
    if (typeof input !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`options.stdio[${i}]`,
                                     ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    options.stdio[i] = {
      __proto__: null, ...options.stdio[i], input: Buffer.from(input, options.encoding),
    };
  }
  return runSync(options);
}

function runSync(options) {
  const result = spawnSyncBinding(options);
  if (result.signal !== null) result.signal = signalName(result.signal);
  if (result.output !== null) {
    const encoding = options.encoding && options.encoding !== 'buffer' ?
      options.encoding : undefined;
    for (let i = 0; i < result.output.length; i++) {
      const data = result.output[i];
      if (data === null) continue;
      const buffer = new FastBuffer(data);
      result.output[i] = encoding === undefined ? buffer : buffer.toString(encoding);
    }
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  if (result.error) {
    const error = errnoException(result.error, `spawnSync ${options.file}`);
    error.path = options.file;
    error.spawnargs = options.args.slice(1);
    result.error = error;
  }
  return result;
}

module.exports = { spawnSync };
