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

// The value of the last `--name=value` or `--name value` given, or undefined.
function runtimeOptionValue(name) {
  const options = runtimeOptions();
  const prefix = name + '=';
  let value;
  for (let i = 0; i < options.length; i++) {
    if (options[i] === name && i + 1 < options.length) value = options[++i];
    else if (options[i].startsWith(prefix)) value = options[i].slice(prefix.length);
  }
  return value;
}

// Which of `--name` and `--no-name` came last: true, false, or undefined (neither).
function runtimeFlag(name) {
  const options = runtimeOptions();
  const negated = '--no-' + name.slice(2);
  for (let i = options.length - 1; i >= 0; i--) {
    if (options[i] === name) return true;
    if (options[i] === negated) return false;
  }
  return undefined;
}

// --preserve-symlinks, or NODE_PRESERVE_SYMLINKS=1 in the environment the program (or worker)
// started with.
let preserveSymlinksCached;
function preserveSymlinks() {
  preserveSymlinksCached ??= hasRuntimeOption('--preserve-symlinks') ||
    String(process.env.NODE_PRESERVE_SYMLINKS ?? '')[0] === '1';
  return preserveSymlinksCached;
}

module.exports = {
  setEnvironmentOptions, runtimeOptions, hasRuntimeOption, runtimeOptionValue, runtimeFlag,
  preserveSymlinks,
};
