'use strict';
// The runtime options in effect: those NODE_OPTIONS gave (not in process.execArgv, as node)
// followed by the command line's, so a command-line option given twice wins.

let fromEnvironment = [];

function setEnvironmentOptions(list) {
  fromEnvironment = list;
}

function runtimeOptions() {
  return fromEnvironment.length === 0 ? process.execArgv : [...fromEnvironment, ...process.execArgv];
}

function hasRuntimeOption(flag) {
  return fromEnvironment.includes(flag) || process.execArgv.includes(flag);
}

module.exports = { setEnvironmentOptions, runtimeOptions, hasRuntimeOption };
