'use strict';
// SCHED_NONE: the workers get a copy of the primary's listening socket and accept themselves.
process.argv[2] = process.argv[2] || 'none';
require('./test-cluster-http.js');
