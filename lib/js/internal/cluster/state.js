'use strict';
// Whether this process was started as a cluster worker: decided at start-up (run_main deletes
// NODE_UNIQUE_ID from the environment before the program runs, as node does).

module.exports = { isWorker: false };
