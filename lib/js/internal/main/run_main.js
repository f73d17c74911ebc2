'use strict';
// Starts the program: a file, -e/-p code, or a script read from stdin.

const { getEntryOptions } = internalBinding('process_methods');
const {
  evalScript, evalModuleEntryPoint, loadPreloadModules,
} = require('internal/process/execution');

const entry = getEntryOptions();

// --input-type=module: -e, -p and stdin code is an ES module.
// In -e/-p code that names `crypto`, the name is node:crypto rather than the WebCrypto global,
// for old scripts: node wraps the code in a scope binding it (the same text, so error columns
// on the first line move as node's do).
function withCryptoModule(code, print) {
  if (process.execArgv.includes('--no-experimental-global-webcrypto') ||
      !/\bcrypto\b/.test(code)) {
    return code;
  }
  return print ? `let crypto=require("node:crypto");{${code}}` :
    `(crypto=>{{${code}}})(require('node:crypto'))`;
}

function isModuleInput() {
  const execArgv = require('internal/options').runtimeOptions();
  for (let i = execArgv.length - 1; i >= 0; i--) {
    if (execArgv[i].startsWith('--input-type=')) return execArgv[i] === '--input-type=module';
    if (execArgv[i] === '--input-type') return execArgv[i + 1] === 'module';
  }
  return false;
}

// The entry file as require() finds it (extensions, directory index, real path), or undefined.
function resolveMainPath(main) {
  const { Module } = require('internal/modules/cjs/loader');
  try {
    return Module._findPath(require('path').resolve(main), null, true) || undefined;
  } catch {
    return undefined;
  }
}

function readStdin() {
  const { readFileUtf8 } = internalBinding('fs');
  const ctx = {};
  const source = readFileUtf8('/dev/stdin', ctx);
  if (ctx.errno !== undefined) throw require('internal/errors').UVException(ctx);
  return source;
}

// -c / --check: compile the CommonJS script (file or stdin) without running it, as node's
// internal/main/check_syntax; a SyntaxError is reported as uncaught.
function checkSyntax() {
  const { Module, wrapSafe } = require('internal/modules/cjs/loader');
  if (entry.kind === 'file') {
    const filename = Module._resolveFilename(require('path').resolve(entry.script), null, true);
    const { readFileUtf8 } = internalBinding('fs');
    const ctx = {};
    const source = readFileUtf8(filename, ctx);
    if (ctx.errno !== undefined) throw require('internal/errors').UVException(ctx);
    if (require('internal/modules/esm/loader').shouldUseESMLoader(filename)) {
      compileModule(filename, source);
    } else {
      wrapSafe(filename, source);
    }
  } else if (entry.kind === 'stdin') {
    if (isModuleInput()) compileModule('[stdin]', readStdin());
    else wrapSafe('[stdin]', readStdin());
  }
}

// An ES module compiled (not linked or run) for -c, named by its path as node does.
function compileModule(name, source) {
  const { ModuleWrap } = internalBinding('module_wrap');
  new ModuleWrap(name, source, 0, 0);  // eslint-disable-line no-new
}

// --title: the process title is set before any user code runs.
{
  const options = require('internal/options').runtimeOptions();
  for (let i = 0; i < options.length; i++) {
    const arg = options[i];
    if (arg === '--title') process.title = options[++i];
    else if (arg.startsWith('--title=')) process.title = arg.slice(8);
  }
}

require('internal/process/warning').setupWarningListener();
// A child started by child_process.fork(): its IPC channel (process.send, 'message').
if (process.env.NODE_CHANNEL_FD !== undefined) {
  require('internal/child_process/ipc').setupChildProcessIpcChannel();
}
const checkOnly = process.execArgv.includes('-c') || process.execArgv.includes('--check');
if (checkOnly) {
  if (entry.kind === 'file') process.argv.splice(1, 0, require('path').resolve(entry.script));
  checkSyntax();
} else {
  loadPreloadModules();
}

// The REPL: no script on a terminal, or -i (with -e/-p code run once it is up, as node).
const forceRepl = process.execArgv.includes('-i') || process.execArgv.includes('--interactive');
const startsRepl = !checkOnly && entry.kind !== 'file' && (entry.kind === 'none' || forceRepl);
if (startsRepl) {
  const code = entry.kind === 'eval' || entry.kind === 'print' ? entry.script : undefined;
  require('internal/main/repl').startRepl(code, entry.kind === 'print');
}

// Run at the top level, so user stacks end in one internal frame here, as in node.
switch (checkOnly || startsRepl ? 'none' : entry.kind) {
  case 'file': {
    // As node: argv[1] is the absolute path of the script, unless it starts with '-' (only
    // possible after `--`), which is then looked up as a module name.
    const main = entry.script.startsWith('-') ? entry.script :
      require('path').resolve(entry.script);
    process.argv.splice(1, 0, main);
    // As node's executeUserEntryPoint: .mjs, or .js / no extension under "type": "module",
    // runs as an ES module; anything require() cannot find fails as CommonJS.
    const mainPath = resolveMainPath(main);
    if (mainPath !== undefined &&
        require('internal/modules/esm/loader').shouldUseESMLoader(mainPath)) {
      require('internal/modules/esm/loader').runMain(mainPath);
    } else {
      require('internal/modules/cjs/loader').Module.runMain(main);
    }
    break;
  }
  case 'eval':
    if (isModuleInput()) evalModuleEntryPoint(entry.script, false);
    else evalScript('[eval]', withCryptoModule(entry.script, false), false);
    break;
  case 'print':
    if (isModuleInput()) evalModuleEntryPoint(entry.script, true);
    else evalScript('[eval]', withCryptoModule(entry.script, true), true);
    break;
  case 'stdin': {
    // `-p` without code prints the result of the script read from stdin.
    const print = process.execArgv.some((arg) => arg === '-p' || arg === '--print' ||
                                                 arg.startsWith('--print='));
    if (isModuleInput()) evalModuleEntryPoint(readStdin(), print);
    else evalScript('[stdin]', readStdin(), print);
    break;
  }
  case 'test':
    require('internal/main/test_runner');
    break;
  default:
    break;
}

// The main script's synchronous run was async_hooks context 1; what the loop runs from here on
// starts from no context (0), as in node.
require('internal/async_hooks').leaveTopLevel();
