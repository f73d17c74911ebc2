'use strict';
// The process object's plain properties and methods (node's lib/internal/process/per_thread.js
// and bootstrap/node.js). The event-loop parts (nextTick, exit events) live elsewhere.

const credentials = internalBinding('credentials');
const { signals } = internalBinding('constants').os;

let uvException;
function lazyUvException(ctx) {
  uvException ??= require('internal/errors').UVException;
  return uvException(ctx);
}

function defineValue(target, name, value, enumerable = true) {
  Object.defineProperty(target, name, {
    __proto__: null, value, writable: true, enumerable, configurable: true,
  });
}

function setupProcessObject(process, binding) {
  const versions = binding.versions;
  defineValue(process, 'version', `v${versions.node}`);
  defineValue(process, 'versions', versions);
  defineValue(process, 'arch', archName());
  defineValue(process, 'platform', 'linux');
  defineValue(process, 'release', {
    name: 'node',
    lts: 'Iron',
    sourceUrl: `https://nodejs.org/download/release/v${versions.node}/node-v${versions.node}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/v${versions.node}/node-v${versions.node}-headers.tar.gz`,
  });
  defineValue(process, '_rawDebug', function _rawDebug(...args) {
    binding.rawDebug(require('internal/util/inspect').format(...args));
  });
  defineValue(process, 'assert', require('internal/util').deprecate(
    function assert(value, message) {
      if (!value) {
        const { ERR_ASSERTION } = require('internal/errors').codes;
        throw new ERR_ASSERTION(message || 'assertion error');
      }
    },
    'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100'));
  let sourceMapsEnabled = false;
  Object.defineProperty(process, 'sourceMapsEnabled', {
    __proto__: null, enumerable: true, configurable: true, get() { return sourceMapsEnabled; },
  });
  defineValue(process, 'setSourceMapsEnabled', function setSourceMapsEnabled(value) {
    require('internal/validators').validateBoolean(value, 'val');
    sourceMapsEnabled = value;
  });
  defineValue(process, 'binding', function binding(name) {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(`process.binding('${name}')`);
  });
  defineValue(process, 'features', {
    inspector: false, debug: false, uv: true, ipv6: true,
    tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true,
  });
  defineValue(process, 'config', {
    target_defaults: {},
    variables: { node_shared: false, v8_enable_i18n_support: 1, icu_small: false,
                 node_module_version: Number(versions.modules) },
  });

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        require('internal/validators').validateInteger(value, 'code');
      }
      exitCode = code;
    },
  });
  defineValue(process, '_exiting', false);

  defineValue(process, 'uptime', binding.uptime);
  defineValue(process, 'reallyExit', binding.reallyExit);
  defineValue(process, 'cpuUsage', cpuUsage.bind(null, binding));
  defineValue(process, 'resourceUsage', resourceUsage.bind(null, binding));
  const memoryUsage = function memoryUsage() { return binding.memoryUsage(); };
  memoryUsage.rss = binding.rss;
  defineValue(process, 'memoryUsage', memoryUsage);
  defineValue(process, 'constrainedMemory', () => undefined);
  defineValue(process, 'availableMemory', () => require('os').freemem());
  defineValue(process, '_kill', binding.kill);
  defineValue(process, 'kill', kill);
  defineValue(process, 'exit', exit);
  // A method, not a constructor (as node's native abort).
  defineValue(process, 'abort', { abort() { binding.kill(binding.pid, signals.SIGABRT); } }.abort);
  const hrtime = function hrtime(previous) {
    const [sec, nsec] = binding.hrtime();
    if (previous === undefined) return [sec, nsec];
    const { validateArray } = require('internal/validators');
    validateArray(previous, 'time');
    if (previous.length !== 2) {
      const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
      throw new ERR_OUT_OF_RANGE('time', 2, previous.length);
    }
    let s = sec - previous[0];
    let n = nsec - previous[1];
    if (n < 0) { s -= 1; n += 1e9; }
    return [s, n];
  };
  hrtime.bigint = binding.hrtimeBigInt;
  defineValue(process, 'hrtime', hrtime);
  for (const name of ['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups']) {
    defineValue(process, name, credentials[name]);
  }
  defineValue(process, 'umask', umask.bind(null, binding));
  defineValue(process, 'chdir', chdir.bind(null, binding));
  defineValue(process, 'cwd', cwd.bind(null, binding));
  defineValue(process, 'env', binding.env);
  defineValue(process, 'pid', binding.pid);
  defineValue(process, 'ppid', binding.ppid);

  const entry = binding.getEntryOptions();
  defineValue(process, 'execArgv', entry.execArgv);
  require('internal/options').setEnvironmentOptions(entry.envExecArgv);
  defineValue(process, 'execPath', entry.execPath);
  defineValue(process, 'argv0', entry.argv0);
  defineValue(process, 'argv', [entry.execPath, ...entry.args]);
  let title = 'ringjs';
  Object.defineProperty(process, 'title', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return title; },
    set(value) { title = `${value}`; binding.setTitle(title); },
  });
  defineValue(process, 'debugPort', 9229);
  defineValue(process, 'allowedNodeEnvironmentFlags',
              require('internal/process/environment_flags').environmentFlagsSet(
                binding.getEntryOptions().allowedEnvironmentFlags));
  defineValue(process, 'emitWarning', (...args) => require('internal/process/warning').emitWarning(...args));
  // What keeps the loop alive, as node lists it: TCP and pipe sockets and servers, then timers
  // and immediates (file requests are not tracked by name yet).
  defineValue(process, 'getActiveResourcesInfo', function getActiveResourcesInfo() {
    const sockets = binding.getActiveSocketHandles();
    const requests = [];
    const handles = [];
    for (let i = 0; i < sockets.length; i += 2) {
      (sockets[i] === undefined ? requests : handles).push(sockets[i + 1]);
    }
    const { timeouts, immediates } = require('internal/timers').activeTimerCounts();
    return [...requests, ...handles, ...new Array(timeouts).fill('Timeout'),
            ...new Array(immediates).fill('Immediate')];
  });
  defineValue(process, '_getActiveHandles', function _getActiveHandles() {
    const { ownerSymbol } = require('internal/async_hooks');
    const sockets = binding.getActiveSocketHandles();
    const handles = [];
    for (let i = 0; i < sockets.length; i += 2) {
      if (sockets[i] !== undefined) handles.push(sockets[i][ownerSymbol] ?? sockets[i]);
    }
    return handles;
  });
  defineValue(process, '_getActiveRequests', () => []);
  defineValue(process, 'dlopen', function dlopen(module, filename) {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(`process.dlopen (native addon ${filename})`);
  });
  defineValue(process, 'getBuiltinModule', function getBuiltinModule(id) {
    const { BuiltinModule } = require('internal/bootstrap/realm');
    const normalized = BuiltinModule.normalizeRequirableId(id);
    return normalized === undefined ? undefined : require(normalized);
  });
  for (const name of ['setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups']) {
    defineValue(process, name, function(...args) {
      return require('internal/process/credentials')[name](...args);
    });
  }

  // Deprecated but still in node 20: resume stdin and return it.
  defineValue(process, 'openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });

  // stdio streams are created on first use.
  for (const [name, fd] of [['stdin', 0], ['stdout', 1], ['stderr', 2]]) {
    let stream;
    Object.defineProperty(process, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() {
        stream ??= require('internal/process/stdio').createStdioStream(fd);
        return stream;
      },
    });
  }
}

function archName() {
  const { getOSInformation } = internalBinding('os');
  const machine = getOSInformation({})?.[3];
  return { x86_64: 'x64', aarch64: 'arm64', i686: 'ia32', armv7l: 'arm' }[machine] ?? machine;
}

function cpuUsage(binding, previous) {
  const [user, system] = binding.cpuUsage();
  if (previous === undefined) return { user, system };
  const { validateObject, validateNumber } = require('internal/validators');
  const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
  validateObject(previous, 'prevValue');
  for (const key of ['user', 'system']) {
    validateNumber(previous[key], `prevValue.${key}`);
    if (previous[key] < 0 || !Number.isFinite(previous[key])) {
      throw new ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${key}`, previous[key]);
    }
  }
  return { user: user - previous.user, system: system - previous.system };
}

function resourceUsage(binding) {
  const v = binding.resourceUsage();
  return {
    userCPUTime: v[0], systemCPUTime: v[1], maxRSS: v[2], sharedMemorySize: v[3],
    unsharedDataSize: v[4], unsharedStackSize: v[5], minorPageFault: v[6], majorPageFault: v[7],
    swappedOut: v[8], fsRead: v[9], fsWrite: v[10], ipcSent: v[11], ipcReceived: v[12],
    signalsCount: v[13], voluntaryContextSwitches: v[14], involuntaryContextSwitches: v[15],
  };
}

// Goes through process._kill, which tests and tools replace (as in node).
function kill(pid, sig = 'SIGTERM') {
  const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL } = require('internal/errors').codes;
  if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let signal;
  if (typeof sig === 'number') {
    signal = sig;
  } else if (typeof sig === 'string' && signals[sig] !== undefined) {
    signal = signals[sig];
  } else {
    throw new ERR_UNKNOWN_SIGNAL(sig);
  }
  const err = process._kill(pid, signal);
  if (err) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'kill');
  }
  return true;
}

function exit(code) {
  if (arguments.length !== 0) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  process.reallyExit(process.exitCode || 0);
}

function umask(binding, mask) {
  if (mask === undefined) return binding.umask();
  const { parseFileMode } = require('internal/validators');
  return binding.umask(parseFileMode(mask, 'mask'));
}

function chdir(binding, directory) {
  require('internal/validators').validateString(directory, 'directory');
  const err = binding.chdir(directory);
  if (err) {
    const { UVException } = require('internal/errors');
    const { errname } = internalBinding('uv');
    throw new UVException({
      errno: err, code: errname(err), syscall: 'chdir', path: process.cwd(), dest: directory,
    });
  }
  cachedCwd = '';
}

let cachedCwd = '';
function cwd(binding) {
  if (cachedCwd === '') {
    const result = binding.cwd();
    if (typeof result === 'number') {
      const { errname } = internalBinding('uv');
      throw lazyUvException({ errno: result, code: errname(result), syscall: 'uv_cwd' });
    }
    cachedCwd = result;
  }
  return cachedCwd;
}

module.exports = { setupProcessObject };
