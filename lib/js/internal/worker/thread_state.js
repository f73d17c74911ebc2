'use strict';
// This thread's side of worker_threads: filled in by internal/worker/main.js (before any user
// code runs) in a worker, left as the main thread's view otherwise.

const { isMainThread, threadId } = internalBinding('worker');

module.exports = {
  isMainThread,
  threadId,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  // setEnvironmentData/getEnvironmentData; a new worker starts with a copy.
  environmentData: new Map(),
};
