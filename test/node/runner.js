'use strict';
// Runs node's own tests (test/parallel of an extracted node source tree) under ringjs or node,
// one process per test, the way node's tools/test.py does. Run by node, not ringjs, so that it
// works whatever ringjs lacks. Usually started by run.sh, which fetches the tests first.
//
//   node test/node/runner.js --root DIR [--list FILE] [--runtime ringjs|node|PATH] [--jobs N]
//        [--timeout SECONDS] [--filter REGEX] [--out DIR] [--doc FILE | --no-doc] [--retries N]
//
// Each test: cwd = DIR, stdin = /dev/null, a fresh temp dir as NODE_TEST_DIR and TMPDIR, the
// flags of its `// Flags:` line, killed (with its process group) after the timeout. Verdicts:
//   pass     exit status 0 and no skip line
//   fail     non-zero exit status
//   crash    killed by a signal
//   timeout  still running after the timeout
//   skip     printed `1..0 # Skipped: ...` (test/common's skip()); not a pass
//   flags    its `// Flags:` line names a flag the runtime rejects; not run, not a pass
// Output in the results directory: logs/<test>.log per test, results.json, summary.txt.
// With --doc, the pass table between <!-- compat:begin --> and <!-- compat:end --> is rewritten.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync, execFileSync } = require('child_process');

const repo = path.resolve(__dirname, '..', '..');

function usage(message) {
  if (message) console.error(`runner.js: ${message}`);
  console.error('usage: node test/node/runner.js --root DIR [--list FILE] [--runtime ringjs|node|PATH]\n' +
                '       [--jobs N] [--timeout SECONDS] [--filter REGEX] [--out DIR]\n' +
                '       [--doc FILE | --no-doc] [--retries N] [--quiet]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    root: null, list: path.join(__dirname, 'tests.list'), runtime: 'ringjs', jobs: 2,
    timeout: 60, filter: null, out: null, doc: undefined, retries: 0, quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--root': opts.root = path.resolve(next()); break;
      case '--list': opts.list = path.resolve(next()); break;
      case '--runtime': opts.runtime = next(); break;
      case '--jobs': case '-j': opts.jobs = Math.max(1, parseInt(next(), 10) || 1); break;
      case '--timeout': opts.timeout = Number(next()); break;
      case '--filter': opts.filter = new RegExp(next()); break;
      case '--out': opts.out = path.resolve(next()); break;
      case '--doc': opts.doc = path.resolve(next()); break;
      case '--no-doc': opts.doc = null; break;
      case '--retries': opts.retries = Math.max(0, parseInt(next(), 10) || 0); break;
      case '--quiet': opts.quiet = true; break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown argument ${arg}`);
    }
  }
  if (!opts.root) usage('--root is required');
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
  return opts;
}

// The list file: `[module]` starts a section, each other non-comment line names a test file of
// test/parallel. Comments (`#`) carry the exclusions and their reasons.
function readList(file) {
  const tests = [];
  tests.meta = {};
  const seen = new Set();
  let module = null;
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    const meta = /^#\s*(source|oracle|modules):\s*(.*)$/.exec(raw);
    if (meta) tests.meta[meta[1]] = meta[2].trim();
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      module = section[1];
      return;
    }
    if (!module) throw new Error(`${file}:${index + 1}: test outside a [module] section`);
    if (!/^test-[^/\s]+\.m?js$/.test(line)) throw new Error(`${file}:${index + 1}: bad entry ${line}`);
    if (seen.has(line)) throw new Error(`${file}:${index + 1}: ${line} listed twice`);
    seen.add(line);
    tests.push({ name: line, module });
  });
  return tests;
}

// As test.py's FLAGS_PATTERN: the first `// Flags:` line of the file.
function testFlags(file) {
  const match = /\/\/\s+Flags:(.*)/.exec(fs.readFileSync(file, 'utf8'));
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}

function resolveRuntime(runtime) {
  if (runtime === 'node') return { name: 'node', path: process.execPath, isNode: true };
  const file = runtime === 'ringjs' ? path.join(repo, 'build', 'ringjs') : path.resolve(runtime);
  if (!fs.existsSync(file)) usage(`runtime ${file} does not exist (build it: cmake --build build)`);
  const isNode = path.basename(file) === 'node' || path.basename(file).startsWith('node');
  return { name: isNode ? 'node' : path.basename(file), path: file, isNode };
}

function runtimeVersion(file) {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20000, stdio: ['ignore', 'pipe', 'pipe'] });
  return (r.stdout || '').trim().split('\n')[0] || 'unknown';
}

// Whether the runtime accepts a flag: `<runtime> <flag> -e 0` exits 0. node takes every flag a
// test names (test.py passes them all), so node is not asked.
const flagCache = new Map();
function flagAccepted(runtime, flag) {
  if (runtime.isNode) return true;
  if (!flagCache.has(flag)) {
    const r = spawnSync(runtime.path, [flag, '-e', '0'], {
      stdio: 'ignore', timeout: 20000, env: testEnv({}),
    });
    flagCache.set(flag, r.status === 0);
  }
  return flagCache.get(flag);
}

// test.py drops NODE_PATH and NODE_REPL_EXTERNAL_MODULE; NODE_OPTIONS meant for the developer's
// node would also leak into every test, so it goes too.
function testEnv(extra) {
  const env = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_REPL_EXTERNAL_MODULE;
  delete env.NODE_OPTIONS;
  return Object.assign(env, extra);
}

// What test/common's skip() prints. (test.py's looser /# SKIP\S*\s+/i also matches the
// `# skipped 0` summary of node:test, which is not a skip.)
const SKIP_RE = /^1\.\.0 # Skipped\b:?\s*(.*)$/m;
const MAX_CAPTURE = 1 << 20;

// The first line that names an error, for the reason column and the cause groups. A
// multi-line assertion message gets its first differing line, and the frame in the test file.
function errorLine(stderr, stdout) {
  const lines = `${stderr}\n${stdout}`.split('\n').map((l) => l.trimEnd());
  const errorRe = /^(?:Uncaught )?(?:[A-Z][A-Za-z]*(?:Error|Exception)|Error|AssertionError)(?: \[[A-Z0-9_]+\])?: \S/;
  let index = lines.findIndex((l) => errorRe.test(l));
  if (index < 0) index = lines.findIndex((l) => /^\s*(?:throw|Uncaught|FATAL|Fatal error|#\s*Fatal)/.test(l));
  if (index < 0) {
    const last = stderr.split('\n').map((l) => l.trim()).filter(Boolean).pop();
    return last ? last.slice(0, 200) : '';
  }
  let line = lines[index].trim();
  let frames = index + 1;
  while (frames < lines.length && !/^\s+at /.test(lines[frames])) frames++;
  if (line.endsWith(':')) {
    const diff = lines.slice(index + 1, frames).find((l) => /^\s*[+-] /.test(l) && !/^\+ actual - expected/.test(l.trim()));
    if (diff) line += ` ${diff.trim()}`;
  }
  const frame = lines.slice(frames, frames + 30).find((l) => /^\s+at .*\/test\/parallel\/test-[^/]*:\d+/.test(l));
  const at = frame && /(test-[^/:]+):(\d+)/.exec(frame);
  if (line.length > 200) line = `${line.slice(0, 199)}…`;
  return at ? `${line} (${at[1]}:${at[2]})` : line;
}

// A grouping key: the error line without paths, numbers and quoted values that differ per test.
function causeOf(result) {
  switch (result.verdict) {
    case 'flags': return `unsupported flag ${result.unsupported.join(' ')}`;
    case 'timeout': return 'timeout';
    case 'skip': return `skipped: ${result.reason}`.slice(0, 120);
    case 'crash': return `crash: ${result.signal}`;
    default: break;
  }
  let line = result.reason || `exit code ${result.code}`;
  line = line.replace(/^Uncaught /, '').replace(/ \(test-[^ ]+:\d+\)$/, '');
  if (/^AssertionError/.test(line)) {
    // Assertion messages are per test; only the operator-level shape is common.
    const m = /^(AssertionError(?: \[[A-Z_]+\])?): (.*)$/.exec(line);
    if (m && /^(Expected values to be|Missing expected|Got unwanted|The input did not match|Expected "actual"|false ==|The expression evaluated)/.test(m[2])) {
      return `${m[1]}: ${m[2].replace(/:.*$/, '')}`.slice(0, 120);
    }
    return (m ? `${m[1]}: ${m[2]}` : line).replace(/\d+/g, 'N').slice(0, 120);
  }
  line = line
    .replace(/(['"`])\/[^'"`]*\1/g, '$1<path>$1')
    .replace(/(^|[\s(])\/[^\s'"`()]+/g, '$1<path>')
    .replace(/\b\d+\b/g, 'N');
  return line.slice(0, 140);
}

function logName(test) {
  return `${test.name.replace(/\.m?js$/, '')}.log`;
}

const running = new Set();

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

function runOne(opts, runtime, test, slot, serial, tmpBase, logDir) {
  return new Promise((resolve) => {
    const file = path.join(opts.root, 'test', 'parallel', test.name);
    const result = { test: test.name, module: test.module, verdict: null, reason: '', code: null, signal: null, duration: 0 };
    let flags = [];
    try {
      flags = testFlags(file);
    } catch (e) {
      result.verdict = 'fail';
      result.reason = `cannot read test: ${e.message}`;
      result.cause = 'test file missing';
      fs.writeFileSync(path.join(logDir, logName(test)), `${result.reason}\n`);
      resolve(result);
      return;
    }
    result.flags = flags;
    const unsupported = flags.filter((f) => !flagAccepted(runtime, f));
    if (unsupported.length) {
      result.verdict = 'flags';
      result.unsupported = unsupported;
      result.reason = `flags not accepted by ${runtime.name}: ${unsupported.join(' ')}`;
      result.cause = causeOf(result);
      fs.writeFileSync(path.join(logDir, logName(test)),
                       `test: ${test.name}\nverdict: flags\n${result.reason}\n`);
      resolve(result);
      return;
    }

    const tmp = fs.mkdtempSync(path.join(tmpBase, `${test.name.replace(/\.m?js$/, '')}-`));
    const args = [...flags, file];
    const env = testEnv({
      NODE_TEST_DIR: tmp,
      TMPDIR: tmp,
      TEST_THREAD_ID: String(slot),
      TEST_SERIAL_ID: String(serial),
    });
    const started = process.hrtime.bigint();
    const child = spawn(runtime.path, args, {
      cwd: opts.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const out = { stdout: [], stderr: [], stdoutBytes: 0, stderrBytes: 0 };
    for (const stream of ['stdout', 'stderr']) {
      child[stream].on('data', (chunk) => {
        if (out[`${stream}Bytes`] < MAX_CAPTURE) out[stream].push(chunk);
        out[`${stream}Bytes`] += chunk.length;
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, opts.timeout * 1000);
    let exit = null;
    child.on('error', (e) => {
      exit = exit || { code: null, signal: null, error: e };
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      clearTimeout(timer);
      // Whatever the test left behind (servers, grandchildren holding the pipes) goes with it.
      killGroup(child, 'SIGKILL');
      // A descendant that left the process group may still hold the pipes open.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, 5000);
    });
    child.on('close', () => finish());
    let finished = false;
    function finish() {
      if (finished || !exit) return;
      finished = true;
      clearTimeout(timer);
      running.delete(child);
      result.duration = Number(process.hrtime.bigint() - started) / 1e9;
      const stdout = Buffer.concat(out.stdout).toString('utf8');
      const stderr = Buffer.concat(out.stderr).toString('utf8');
      result.code = exit.code;
      result.signal = exit.signal;
      const skip = SKIP_RE.exec(stdout);
      if (exit.error) {
        result.verdict = 'fail';
        result.reason = `spawn failed: ${exit.error.message}`;
      } else if (timedOut) {
        result.verdict = 'timeout';
        result.reason = `timeout after ${opts.timeout}s`;
      } else if (skip) {
        result.verdict = 'skip';
        result.reason = skip[1].trim();
      } else if (exit.code === 0) {
        result.verdict = 'pass';
      } else if (exit.signal) {
        result.verdict = 'crash';
        result.reason = `killed by ${exit.signal}`;
        const line = errorLine(stderr, stdout);
        if (line) result.reason += `: ${line}`;
      } else {
        result.verdict = 'fail';
        result.reason = errorLine(stderr, stdout) || `exit code ${exit.code}`;
      }
      result.cause = result.verdict === 'pass' ? '' : causeOf(result);
      const truncated = (n) => (n > MAX_CAPTURE ? `\n[... ${n - MAX_CAPTURE} more bytes not kept]` : '');
      fs.writeFileSync(path.join(logDir, logName(test)), [
        `test: ${test.name} (${test.module})`,
        `command: ${[runtime.path, ...args].map(shellQuote).join(' ')}`,
        `cwd: ${opts.root}`,
        `env: NODE_TEST_DIR=${tmp} TMPDIR=${tmp} TEST_THREAD_ID=${slot} TEST_SERIAL_ID=${serial}`,
        `verdict: ${result.verdict}${result.reason ? ` — ${result.reason}` : ''}`,
        `exit: code=${exit.code} signal=${exit.signal} duration=${result.duration.toFixed(2)}s`,
        '--- stdout ---',
        stdout + truncated(out.stdoutBytes),
        '--- stderr ---',
        stderr + truncated(out.stderrBytes),
        '',
      ].join('\n'));
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
      resolve(result);
    }
  });
}

function shellQuote(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

async function runAll(opts, runtime, tests, tmpBase, logDir, onResult) {
  const results = new Array(tests.length);
  let next = 0;
  let serial = 0;
  async function worker(slot) {
    while (next < tests.length) {
      const index = next++;
      const result = await runOne(opts, runtime, tests[index], slot, serial++, tmpBase, logDir);
      results[index] = result;
      onResult(result);
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.jobs, tests.length) }, (_, i) => worker(i)));
  return results;
}

function sourceVersion(root) {
  try {
    return fs.readFileSync(path.join(root, '.version'), 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

function gitDescribe() {
  try {
    const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // The binary is built from the work tree, which may hold uncommitted work.
    const dirty = git('status', '--porcelain', '--', 'src', 'lib', 'CMakeLists.txt', 'deps') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (plus uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

function percent(passed, listed) {
  return listed ? `${Math.round((100 * passed) / listed)} %` : '—';
}

function tally(results) {
  const modules = new Map();
  const total = { listed: 0, pass: 0, fail: 0, crash: 0, timeout: 0, skip: 0, flags: 0 };
  for (const r of results) {
    if (!modules.has(r.module)) modules.set(r.module, { listed: 0, pass: 0, fail: 0, crash: 0, timeout: 0, skip: 0, flags: 0 });
    for (const t of [modules.get(r.module), total]) {
      t.listed++;
      t[r.verdict]++;
    }
  }
  return { modules, total };
}

function topCauses(results, limit) {
  const causes = new Map();
  for (const r of results) {
    if (r.verdict === 'pass') continue;
    if (!causes.has(r.cause)) causes.set(r.cause, []);
    causes.get(r.cause).push(r.test);
  }
  return [...causes.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

function summaryText(info, results) {
  const { modules, total } = tally(results);
  const lines = [];
  lines.push(`runtime: ${info.runtime} (${info.runtimeVersion})`);
  lines.push(`node tests: Debian nodejs ${info.source} (${info.root})`);
  lines.push(`date: ${info.date}  jobs: ${info.jobs}  timeout: ${info.timeout}s${info.filter ? `  filter: ${info.filter}` : ''}`);
  lines.push('');
  lines.push('module            passed / listed     fail crash timeout skip flags');
  const row = (name, t) => `${name.padEnd(18)}${`${t.pass} / ${t.listed}`.padStart(9)} ${percent(t.pass, t.listed).padStart(6)}` +
    `   ${String(t.fail).padStart(4)} ${String(t.crash).padStart(5)} ${String(t.timeout).padStart(7)} ${String(t.skip).padStart(4)} ${String(t.flags).padStart(5)}`;
  for (const [name, t] of modules) lines.push(row(name, t));
  lines.push(row('overall', total));
  lines.push('');
  lines.push('Top causes of not passing (count, cause, examples):');
  for (const [cause, tests] of topCauses(results, 40)) {
    lines.push(`${String(tests.length).padStart(5)}  ${cause}`);
    lines.push(`       e.g. ${tests.slice(0, 3).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function docSection(info, results) {
  const { modules, total } = tally(results);
  const lines = [];
  lines.push(`Last run ${info.date.slice(0, 10)}: ringjs ${info.commit}, node's tests from Debian's \`nodejs\` ` +
             `source package **${info.source}**, ${total.listed} tests of \`test/parallel\` listed in ` +
             '[`test/node/tests.list`](../test/node/tests.list) (each one passed under ' +
             `${info.oracle} when the list was made). Not passed: ${total.fail} failed, ${total.crash} crashed, ` +
             `${total.timeout} timed out, ${total.skip} skipped, ${total.flags} with flags ringjs rejects.`);
  lines.push('');
  lines.push('| module | passed / listed | % |');
  lines.push('|---|---|---|');
  for (const [name, t] of modules) lines.push(`| \`${name}\` | ${t.pass} / ${t.listed} | ${percent(t.pass, t.listed)} |`);
  lines.push(`| **overall** | **${total.pass} / ${total.listed}** | **${percent(total.pass, total.listed)}** |`);
  lines.push('');
  lines.push('Most common causes of failure in that run (tests, first error line):');
  lines.push('');
  for (const [cause, tests] of topCauses(results, 12)) {
    lines.push(`- ${tests.length} — \`${cause.replace(/`/g, "'")}\``);
  }
  return lines.join('\n');
}

// Results of earlier runs in the cache: the newest `keep` are kept.
function pruneRuns(dir, keep) {
  let runs;
  try {
    runs = fs.readdirSync(dir).filter((d) => /^\d{8}-\d{6}-/.test(d)).sort();
  } catch {
    return;
  }
  for (const old of runs.slice(0, Math.max(0, runs.length - keep + 1))) {
    fs.rmSync(path.join(dir, old), { recursive: true, force: true });
  }
}

const BEGIN = '<!-- compat:begin -->';
const END = '<!-- compat:end -->';

function updateDoc(file, section) {
  const text = fs.readFileSync(file, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file} has no ${BEGIN} ... ${END} markers`);
  const updated = `${text.slice(0, begin + BEGIN.length)}\n${section}\n${text.slice(end)}`;
  fs.writeFileSync(file, updated);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const runtime = resolveRuntime(opts.runtime);
  if (!fs.existsSync(path.join(opts.root, 'test', 'parallel'))) usage(`${opts.root} has no test/parallel`);
  let tests = readList(opts.list);
  const listMeta = tests.meta;
  const listed = tests.length;
  if (opts.filter) tests = tests.filter((t) => opts.filter.test(t.name) || opts.filter.test(t.module));
  if (opts.doc === undefined) {
    // The table is only rewritten from a whole ringjs run over the committed list.
    opts.doc = (!opts.filter && !runtime.isNode && opts.list === path.join(__dirname, 'tests.list'))
      ? path.join(repo, 'docs', 'node-compat.md') : null;
  }
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const stamp = date.replace(/[-:]/g, '').replace('T', '-').replace('Z', '');
  if (!opts.out) {
    const cache = process.env.RINGJS_NODE_TESTS_CACHE ||
      path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ringjs-node-tests');
    opts.out = path.join(cache, 'runs', `${stamp}-${runtime.name}`);
    pruneRuns(path.join(cache, 'runs'), 20);
  }
  const logDir = path.join(opts.out, 'logs');
  fs.mkdirSync(logDir, { recursive: true });

  // ringjs is copied into the results directory so that a rebuild during the run (other
  // engineers share build/) does not change or remove the binary under test.
  if (!runtime.isNode) {
    const copy = path.join(opts.out, path.basename(runtime.path));
    fs.copyFileSync(runtime.path, copy);
    fs.chmodSync(copy, 0o755);
    runtime.original = runtime.path;
    runtime.path = copy;
  }
  const info = {
    runtime: runtime.original || runtime.path,
    runtimeVersion: runtimeVersion(runtime.path),
    commit: gitDescribe(),
    oracle: listMeta.oracle || 'node',
    source: sourceVersion(opts.root),
    root: opts.root,
    date,
    jobs: opts.jobs,
    timeout: opts.timeout,
    filter: opts.filter ? String(opts.filter) : null,
  };
  console.log(`ringjs compat: ${tests.length} of ${listed} listed tests under ${info.runtime} (${info.runtimeVersion}), ` +
              `node tests from Debian nodejs ${info.source}, jobs ${opts.jobs}, timeout ${opts.timeout}s`);
  console.log(`results: ${opts.out}`);

  const tmpBase = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-compat-'));
  const cleanup = () => fs.rmSync(tmpBase, { recursive: true, force: true, maxRetries: 3 });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      cleanup();
      process.exit(130);
    });
  }

  let done = 0;
  const width = String(tests.length).length;
  const report = (r) => {
    done++;
    if (opts.quiet && r.verdict === 'pass') return;
    const tag = r.verdict === 'pass' ? 'pass' : r.verdict.toUpperCase();
    console.log(`[${String(done).padStart(width)}/${tests.length}] ${tag.padEnd(7)} ${r.test}` +
                `${r.reason ? `  ${r.reason.slice(0, 150)}` : ''} (${r.duration.toFixed(1)}s)`);
  };
  let results = await runAll(opts, runtime, tests, tmpBase, logDir, report);

  // --retries: a test that did not pass runs again alone; its last verdict counts. Used for the
  // oracle, where load on a shared machine can fail a test that passes.
  for (let round = 0; round < opts.retries; round++) {
    const again = results.map((r, i) => [r, i]).filter(([r]) => r.verdict !== 'pass' && r.verdict !== 'flags' && r.verdict !== 'skip');
    if (!again.length) break;
    console.log(`retrying ${again.length} tests one at a time`);
    const retried = await runAll({ ...opts, jobs: 1 }, runtime, again.map(([, i]) => tests[i]), tmpBase, logDir, report);
    again.forEach(([, i], k) => {
      retried[k].retried = true;
      results[i] = retried[k];
    });
  }
  cleanup();

  fs.writeFileSync(path.join(opts.out, 'results.json'), `${JSON.stringify({ info, results }, null, 1)}\n`);
  const summary = summaryText(info, results);
  fs.writeFileSync(path.join(opts.out, 'summary.txt'), summary);
  console.log('');
  console.log(summary);
  console.log(`logs: ${logDir}`);
  if (opts.doc) {
    updateDoc(opts.doc, docSection(info, results));
    console.log(`updated ${opts.doc}`);
  }
  results = null;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}

module.exports = { readList, testFlags, causeOf, errorLine };
