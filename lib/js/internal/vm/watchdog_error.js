'use strict';
// The error for vm code the watchdog stopped (src/runtime/watchdog.h): outcome 'timeout' or
// 'SIGINT'. node creates these natively: a plain Error with a code, no "[CODE]" in its stack.

function watchdogError(outcome, timeout) {
  const interrupted = outcome === 'SIGINT';
  const error = new Error(interrupted ? 'Script execution was interrupted by `SIGINT`' :
    `Script execution timed out after ${timeout}ms`);
  error.code = interrupted ? 'ERR_SCRIPT_EXECUTION_INTERRUPTED' : 'ERR_SCRIPT_EXECUTION_TIMEOUT';
  Error.captureStackTrace(error, watchdogError);
  return error;
}

module.exports = { watchdogError };
