'use strict';
// Messages on the internal channel between a Worker object and its thread.

module.exports = {
  LOAD_SCRIPT: 'loadScript',                  // parent -> worker: what to run, with what.
  UP_AND_RUNNING: 'upAndRunning',             // worker -> parent: 'online'.
  ERROR_MESSAGE: 'errorMessage',              // worker -> parent: an uncaught exception.
  COULD_NOT_SERIALIZE_ERROR: 'couldNotSerializeError',
  STDIO_PAYLOAD: 'stdioPayload',              // either way: chunks of stdout/stderr/stdin.
};
