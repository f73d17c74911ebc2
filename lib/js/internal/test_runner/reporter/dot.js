'use strict';
module.exports = require('internal/test_runner/reporter/tap');
