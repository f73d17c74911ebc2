'use strict';
// `path`: the POSIX flavour (ringjs runs on Linux), with `path.posix` and `path.win32`.
// The implementations live in path/posix.js and path/win32.js (ids `path/posix`,
// `path/win32`), each linked to the other.

module.exports = require('path/posix');
