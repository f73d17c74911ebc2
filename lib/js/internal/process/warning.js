'use strict';
// process.emitWarning and the default 'warning' printer: "(node:PID) Name: message".

let traceWarningHelperShown = false;

function isOptionSet(flag) {
  return require('internal/options').hasRuntimeOption(flag);
}

// --redirect-warnings=file (or NODE_REDIRECT_WARNINGS): warnings are appended there instead
// of stderr, which stays the fallback when the file cannot be written.
let redirectFile;

function writeOut(text) {
  if (redirectFile) {
    try {
      require('fs').appendFileSync(redirectFile, `${text}\n`);
      return;
    } catch {
      // Fall back to stderr, as node does.
    }
  }
  try {
    process.stderr.write(`${text}\n`);
  } catch {
    // stderr is gone: nothing sensible to do with a warning.
  }
}

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` :
      Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`ringjs ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  writeOut(msg);
}

// Installed once at start-up, as node does, unless --no-warnings.
function setupWarningListener() {
  if (isOptionSet('--no-deprecation')) process.noDeprecation = true;
  if (isOptionSet('--throw-deprecation')) process.throwDeprecation = true;
  if (isOptionSet('--trace-deprecation')) process.traceDeprecation = true;
  if (isOptionSet('--trace-warnings')) process.traceProcessWarnings = true;
  if (!isOptionSet('--no-warnings')) process.on('warning', onWarning);
  redirectFile = require('internal/options').runtimeOptionValue('--redirect-warnings') ||
    process.env.NODE_REDIRECT_WARNINGS || undefined;
  if (require('internal/util').isPendingDeprecation()) {
    let warned = false;
    internalBinding('process_methods').envHooks.onNonPrimitive = () => {
      if (warned) return;
      warned = true;
      process.emitWarning(
        'Assigning any value other than a string, number, or boolean to a process.env ' +
        'property is deprecated. Please make sure to convert the value to a string before ' +
        'setting process.env with it.', 'DeprecationWarning', 'DEP0104');
    };
  }
}

function createWarningObject(warning, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  warning = new Error(warning);
  Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  Error.captureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}

function emitWarning(warning, type, code, ctor) {
  const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
  const { validateString, validateFunction } = require('internal/validators');
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown on a tick, so warnings emitted before it are reported first (as node 20).
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  if (ctor !== undefined) validateFunction(ctor, 'ctor');
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning, onWarning, setupWarningListener };
