#!/bin/sh
# Command-line behaviour of ringjs compared with node (the oracle).
#
# Usage: cli-tests.sh RINGJS [CASE...]     (no CASE: run every case)
#        NODE=/path/to/node cli-tests.sh ...  (default: node from PATH)
#
# Each case runs the same command line under node and under ringjs, in the same scratch
# directory, and compares
#   - stdout byte for byte,
#   - the exit status exactly,
#   - the shape of stderr: every line except the version trailer (`Node.js v20.x` /
#     `ringjs v0.1.0`), stack frames of internal code (only frames naming the scratch
#     directory or [eval]/[stdin] code are kept), the source/caret lines that point into
#     node:internal code, line numbers inside node:internal files, the pid in `(node:PID)`
#     warnings and the program name in `X: bad option` / `Use \`X --trace-...` lines.
# A few cases check ringjs alone (--version text, usage without a terminal script).
# Exit status: 0 all passed, 1 a case failed, 77 node is not installed (ctest: skipped).
set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 RINGJS [CASE...]" >&2
  exit 2
fi
RINGJS=$1
shift
case $RINGJS in
  /*) ;;
  *) RINGJS=$(pwd)/$RINGJS ;;
esac
SELF=$0
case $SELF in
  /*) ;;
  *) SELF=$(pwd)/$SELF ;;
esac
FIXTURES=$(dirname "$SELF")/../js/fixtures/modules
FIXTURES=$(cd "$FIXTURES" && pwd) || exit 1
NODE=${NODE:-node}
if ! command -v "$NODE" > /dev/null 2>&1; then
  echo "SKIP: node not found (set NODE=...)"
  exit 77
fi
NODE=$(command -v "$NODE")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ringjs-cli.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM
cd "$WORK" || exit 1
failures=0
checks=0

# ---------------------------------------------------------------------------------------------
# Fixture scripts, written once into the scratch directory.

setup() {
  cat > args.js <<'JS'
process.stdout.write(JSON.stringify({
  argv: process.argv.slice(2),
  argv0IsExec: process.argv[0] === process.execPath,
  argv1: process.argv[1],
  filename: __filename,
  dirname: __dirname,
  isMain: require.main === module,
  id: module.id,
}) + '\n');
JS
  cat > shebang.js <<'JS'
#!/usr/bin/env node
process.stdout.write('shebang ran, line ' + new Error().stack.split('\n')[1].split(':').slice(-2)[0] + '\n');
JS
  cat > preload.js <<'JS'
globalThis.PRELOADED = (globalThis.PRELOADED || 0) + 1;
process.stdout.write('preload ' + JSON.stringify([module.id === require.resolve('./preload.js'),
                                                   require.main === undefined,
                                                   module.isPreloading,
                                                   module.parent && module.parent.id]) + '\n');
setTimeout(() => process.stdout.write('preloading later: ' + module.isPreloading + '\n'), 1);
JS
  cat > syntax.js <<'JS'
const a = 1;
let b = a +* 2;
JS
  cat > syntax-late.js <<'JS'
// comment
function f() {
  return 1;
}
var x = f(1;
JS
  cat > throw.js <<'JS'
const x = 1;
function fail() {
  throw new TypeError('bad value ' + x);
}
fail();
JS
  cat > throw-custom.js <<'JS'
class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; this.extra = 42; }
}
throw new MyError('custom');
JS
  cat > throw-props.js <<'JS'
const e = new RangeError('with props');
e.code = 'E_THING';
e.details = { depth: { deeper: { deepest: { bottom: 1 } } } };
throw e;
JS
  cat > throw-inspect.js <<'JS'
class Custom extends Error {
  [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom inspect is ignored'; }
}
throw new Custom('with custom inspect');
JS
  cat > throw-cause.js <<'JS'
const inner = new TypeError('inner problem');
throw new Error('outer problem', { cause: inner });
JS
  printf 'throw new AggregateError([new Error("one"), new RangeError("two")], "several");\n' \
    > throw-aggregate.js
  printf 'const e = new Error("x"); e.stack = "custom stack text"; throw e;\n' > throw-stack-string.js
  printf 'const e = new Error("x"); e.stack = undefined; throw e;\n' > throw-stack-undefined.js
  printf 'const e = Object.create(Error.prototype); e.message = "m"; throw e;\n' > throw-fake-error.js
  printf 'function f() {\n\tif (true) {\n\t\tthrow new Error("tabs");\n\t}\n}\nf();\n' > throw-tabs.js
  printf 'throw 42;\n' > throw-number.js
  printf "throw 'a string';\n" > throw-string.js
  printf 'throw null;\n' > throw-null.js
  printf 'throw undefined;\n' > throw-undefined.js
  printf "throw { a: 1, b: 'x', nested: { c: [1, 2] } };\n" > throw-object.js
  printf "throw { message: 'looks like an error', name: 'Fake' };\n" > throw-errorlike.js
  cat > reject.js <<'JS'
async function main() {
  await null;
  throw new Error('rejected');
}
main();
JS
  printf 'Promise.reject(7);\n' > reject-primitive.js
  printf 'Promise.reject(new Error("late")).catch(() => {}); process.stdout.write("ok\\n");\n' \
    > reject-handled.js
  cat > exit3.js <<'JS'
process.on('exit', (code) => process.stdout.write('exit event ' + code + '\n'));
process.stdout.write('before\n');
process.exit(3);
process.stdout.write('not reached\n');
JS
  cat > exitcode4.js <<'JS'
process.on('exit', (code) => process.stdout.write('exit event ' + code + ' ' + process.exitCode + '\n'));
process.exitCode = 4;
setTimeout(() => process.stdout.write('timer ran\n'), 1);
JS
  cat > timeout-throw.js <<'JS'
process.stdout.write('scheduled\n');
setTimeout(function onTimer() {
  const o = null;
  o.prop;
}, 1);
JS
  cat > exit-listener.js <<'JS'
process.on('exit', (code) => process.stdout.write('exit ' + code + ' ' + process.exitCode + '\n'));
throw new Error('boom');
JS
  cat > uncaught-handler.js <<'JS'
process.on('uncaughtException', (e, origin) => {
  process.stdout.write('caught ' + e.message + ' ' + origin + '\n');
});
setTimeout(() => process.stdout.write('still running\n'), 1);
throw new Error('handled');
JS
  cat > require-missing.js <<'JS'
require('./does-not-exist');
JS
  ln -s args.js link-args.js
  printf 'process.stdout.write("index.js of the directory\\n");\n' > index.js
  printf "require('./syntax.js');\n" > require-syntax.js
  printf "require('./throw.js');\n" > require-throw.js
  printf "require('./bad.json');\n" > require-bad-json.js
  printf '{ "a": \n' > bad.json
  mkdir -p sub
  printf "require('../require-missing.js');\n" > sub/chain.js
  printf "process.stdout.write('from stdin ' + JSON.stringify([process.argv.slice(1), __filename, module.id, typeof require]) + '\\\\n');\n" \
    > stdin-script.txt
  printf 'const y = ;\n' > stdin-syntax.txt
  printf '[1, 2].map((x) => x * 2)\n' > stdin-expr.txt
}

# ---------------------------------------------------------------------------------------------
# Helpers.

# Normalizes stderr ($1) to its user-visible shape on stdout.
shape() {
  awk -v work="$WORK" -v node="$NODE" -v ringjs="$RINGJS" '
    function starts(s, p) { return substr(s, 1, length(p)) == p }
    BEGIN { skip = 0 }
    skip > 0 { skip--; print "<internal source line>"; next }
    /^(Node\.js|ringjs) v[0-9]/ { next }
    /^ +at / {
      if (index($0, work "/") || $0 ~ /\[(eval|stdin)\]:[0-9]/) print
      next
    }
    /^node:internal\/[a-z_\/]+:[0-9]+$/ { print "<internal location>"; skip = 2; next }
    {
      if (starts($0, node ": ")) $0 = "RUNTIME: " substr($0, length(node) + 3)
      else if (starts($0, ringjs ": ")) $0 = "RUNTIME: " substr($0, length(ringjs) + 3)
      gsub(/`[^` ]+ --trace-/, "`RUNTIME --trace-")
      sub(/^\(node:[0-9]+\)/, "(node:PID)")
      gsub(/node:internal\/[a-z_\/]+:[0-9]+(:[0-9]+)?/, "node:internal/...")
      gsub(/\.\.\. [0-9]+ lines matching cause stack trace \.\.\./, "... N lines matching cause stack trace ...")
      print
    }' "$1"
}

fail() {
  failures=$((failures + 1))
  echo "FAIL [$case_name] $*"
}

# run_both [--stdin FILE] ARGS... : runs the command under node and ringjs and compares.
run_both() {
  stdin=/dev/null
  if [ "$1" = "--stdin" ]; then
    stdin=$2
    shift 2
  fi
  checks=$((checks + 1))
  "$NODE" "$@" < "$stdin" > node.out 2> node.err
  node_status=$?
  "$RINGJS" "$@" < "$stdin" > ours.out 2> ours.err
  ours_status=$?
  label="$*"
  if [ "$node_status" != "$ours_status" ]; then
    fail "($label): exit status $ours_status, node $node_status"
  fi
  if ! cmp -s node.out ours.out; then
    fail "($label): stdout differs (- node, + ringjs):"
    diff -u node.out ours.out | sed -n '3,40p'
  fi
  shape node.err > node.shape
  shape ours.err > ours.shape
  if ! cmp -s node.shape ours.shape; then
    fail "($label): stderr shape differs (- node, + ringjs):"
    diff -u node.shape ours.shape | sed -n '3,40p'
    echo "  full ringjs stderr:"
    sed -n '1,30s/^/  | /p' ours.err
  fi
}

# run_ours ARGS... : runs ringjs alone; sets ours_status, ours.out, ours.err.
run_ours() {
  checks=$((checks + 1))
  "$RINGJS" "$@" < /dev/null > ours.out 2> ours.err
  ours_status=$?
}

expect_status() {
  if [ "$ours_status" != "$1" ]; then
    fail "exit status $ours_status, expected $1"
    sed -n '1,10s/^/  | /p' ours.err
  fi
}

expect_match() {  # expect_match FILE REGEX DESCRIPTION
  if ! grep -Eq "$2" "$1"; then
    fail "$3: no line of $1 matches /$2/"
    sed -n '1,10s/^/  | /p' "$1"
  fi
}

# ---------------------------------------------------------------------------------------------
# Cases. Each case_* function is also registered as its own ctest test (cli/<name>).

case_file_args() {
  run_both args.js one --two -3 -- '' 'sp ace'
  run_both ./args.js
  run_both "$WORK/args.js" x
  run_both sub/../args.js
  run_both args x
  run_both link-args.js y
  run_both --preserve-symlinks-main link-args.js
  run_both .
  run_both sub/..
}

case_node_path() {
  NODE_PATH="/nonexistent:$FIXTURES/node_modules"
  export NODE_PATH
  run_both -e 'process.stdout.write(require("main-pkg") + " " + require.resolve.paths("x").includes(process.env.NODE_PATH.split(":")[1]) + "\n")'
  unset NODE_PATH
}

case_eval() {
  run_both -e 'process.stdout.write(JSON.stringify([process.argv.slice(1), __filename, __dirname, module.id, typeof require, typeof exports, require.main]) + "\n")' a -b
  run_both --eval 'process.stdout.write("long form\n")'
  run_both '--eval=process.stdout.write("equals form\n")'
  run_both -e 'process.stdout.write(require("path").basename("/a/b.js") + "\n")'
  run_both -e 'process.stdout.write(require.resolve("./args.js") + "\n")'
  run_both -e 'let x = ;'
  run_both -e 'throw new Error("from eval")'
  run_both -e 'require("./does-not-exist")'
}

case_print() {
  run_both -p '1 + 2'
  run_both -p '"a string"'
  run_both -p "'multi\\nline'"
  run_both -p '({ a: 1, s: "x", list: [1, 2, { deep: true }], f() {} })'
  run_both -p 'undefined'
  run_both -p 'null'
  run_both -p '[1, "two", 3n]'
  run_both -pe '6 * 7'
  run_both --print '"long"'
  run_both -p -e '40 + 2'
  run_both --stdin stdin-expr.txt -p
  run_both --stdin stdin-expr.txt --print=ignored
  run_both -e -1
  run_both -p 'process.argv.length' x y
  run_both -p 'setTimeout(() => process.stdout.write("timer after print\n"), 1); "printed first"'
  run_both -p 'process.exitCode = 4; 5'
}

case_stdin() {
  run_both --stdin stdin-script.txt -
  run_both --stdin stdin-script.txt - a b
  run_both --stdin stdin-script.txt
  run_both --stdin stdin-syntax.txt
}

case_double_dash() {
  run_both -- args.js a
  run_both -- -e 'process.stdout.write("x")'
  run_both -- does-not-exist.js
}

case_options() {
  run_both --title=custom-title -e 'process.stdout.write(process.title + "\n")'
  run_both --title custom-title -e 'process.stdout.write(process.title + "\n")'
  run_both --unhandled-rejections=warn -e 'Promise.reject(1); setTimeout(() => process.stdout.write("alive\n"), 1)'
  run_both --unhandled-rejections=none -e 'Promise.reject(1); setTimeout(() => process.stdout.write("alive\n"), 1)'
  run_both --unhandled-rejections=strict -e 'process.on("unhandledRejection", () => process.stdout.write("listener\n")); Promise.reject(new Error("strict"))'
  run_both --unhandled-rejections=warn-with-error-code -e 'Promise.reject(2)'
  run_both --no-warnings -e 'process.emitWarning("hidden"); process.stdout.write("done\n")'
  run_both --stack-trace-limit=1 -e 'function a() { throw new Error("short") } a()'
  run_both --expose-gc -p 'typeof gc'
  run_both -p 'process.execArgv' --no-warnings
  run_both --no-warnings --trace-uncaught -p 'process.execArgv' a b
  run_both --input-type=commonjs -e 'process.stdout.write(typeof require + "\n")'
  # Any flag V8 knows passes through, as node; one nobody knows is a bad option (exit 9).
  run_both --max-semi-space-size=8 --no-opt -p 'process.execArgv'
  run_both --max_semi_space_size=4 -p '1'
  run_both --no-such-flag -p '1'
  run_both --harmony-no-such-feature -p '1'
}

case_version() {
  for flag in --version -v; do
    run_ours $flag
    expect_status 0
    expect_match ours.out '^v[0-9]' "$flag"
    "$NODE" $flag > node.out 2>&1 || fail "node $flag failed"
    expect_match node.out '^v[0-9]' "node $flag"
  done
}

# ringjs alone: the builtins come from the embedded code cache (none compiled from source, none
# rejected), and a V8 flag that changes V8's flag hash makes V8 reject them without harm.
case_code_cache() {
  RINGJS_DEBUG=code-cache run_ours -e "console.log('cached')"
  expect_status 0
  expect_match ours.out '^cached$' "output with the cache"
  expect_match ours.err 'code cache: [1-9][0-9]* accepted, 0 rejected, 0 without a cache' "cache use"
  RINGJS_DEBUG=code-cache run_ours --expose-gc -e "console.log(typeof gc)"
  expect_status 0
  expect_match ours.out '^function$' "output with the cache rejected"
  expect_match ours.err 'code cache: 0 accepted, [1-9][0-9]* rejected' "cache rejected"
}

case_help() {
  for flag in --help -h; do
    run_ours $flag
    expect_status 0
    expect_match ours.out '^Usage: ' "$flag"
    "$NODE" $flag > node.out 2>&1 || fail "node $flag failed"
  done
}

case_bad_option() {
  run_both --bogus-option
  run_both -x args.js
  run_both -e
  run_both -r
  run_both --eval
  run_both --unhandled-rejections=bogus -e 1
  run_both --unhandled-rejections -e 1
  run_both --unhandled-rejections= -e 1
  run_both --input-type=bogus -e 1
  run_both --title -e 1
  run_both -C=custom -e 1
  run_both --eval=
  run_both --require= -e 1
  run_ours --bogus-option
  expect_status 9
  expect_match ours.err 'bad option: --bogus-option' 'bad option message'
}

case_no_script_tty() {
  # With no script and a terminal on stdin, ringjs starts its REPL as node does. script(1) gives
  # the process a terminal; the input evaluates 1+1 and leaves with .exit.
  checks=$((checks + 1))
  if ! command -v script > /dev/null 2>&1; then
    echo "note: script(1) not found; no-tty case skipped"
    return
  fi
  printf '1+1\n.exit\n' | timeout 30 script -qec "'$RINGJS'" /dev/null > tty.out 2>&1
  tty_status=$?
  if ! grep -q 'Type ".help" for more information.' tty.out; then
    if grep -qi 'tcgetattr\|not a tty\|openpty\|permission denied' tty.out; then
      echo "note: no pseudo-terminal available; no-tty case skipped"
      return
    fi
    fail "no REPL banner with a terminal stdin:"
    sed -n '1,10s/^/  | /p' tty.out
  fi
  if ! grep -q "$(printf '\033')\[33m2$(printf '\033')\[39m" tty.out; then
    fail "the REPL did not print 1+1 = 2 (in yellow, as node on a terminal):"
    sed -n '1,12s/^/  | /p' tty.out
  fi
  if [ "$tty_status" != 0 ]; then
    fail "exit status $tty_status after .exit in the REPL, expected 0"
  fi
}

case_shebang() {
  run_both shebang.js
}

case_preload() {
  run_both -r ./preload.js -e 'process.stdout.write("main " + PRELOADED + "\n")'
  run_both --require ./preload.js args.js
  run_both --require=./preload.js -e 'process.stdout.write("main " + PRELOADED + "\n")'
  run_both -r ./preload.js -r ./preload.js -e 'process.stdout.write("twice " + PRELOADED + "\n")'
  run_both -r ./does-not-exist.js args.js
}

case_syntax_error() {
  run_both syntax.js
  run_both syntax-late.js
}

case_check() {
  run_both -c syntax.js
  run_both --check throw.js
  run_both -c args
  run_both -c does-not-exist.js
  run_both --stdin stdin-syntax.txt -c
  run_both --stdin stdin-script.txt --check
  run_both -c -e 1
}

case_throw_error() {
  run_both throw.js
  run_both throw-custom.js
  run_both throw-props.js
  run_both throw-inspect.js
  run_both throw-cause.js
  run_both throw-aggregate.js
  run_both throw-stack-string.js
  run_both throw-stack-undefined.js
  run_both throw-fake-error.js
  run_both throw-tabs.js
}

case_throw_primitive() {
  run_both throw-number.js
  run_both throw-string.js
  run_both throw-null.js
  run_both throw-undefined.js
}

case_throw_object() {
  run_both throw-object.js
  run_both throw-errorlike.js
}

case_unhandled_rejection() {
  run_both reject.js
  run_both reject-primitive.js
  run_both reject-handled.js
}

case_exit_code() {
  run_both exit3.js
  run_both -e 'process.exit(3)'
  run_both exitcode4.js
  run_both -e 'process.exitCode = 4'
  run_both exit-listener.js
  run_both uncaught-handler.js
  run_both -e 'process.on("exit", () => { throw new Error("thrown in exit listener") })'
  run_both -e 'process.on("uncaughtException", () => { throw new Error("in handler") }); throw 1'
  run_both -e 'process.on("exit", (c) => process.exit(7)); throw new Error("x")'
  run_both -e 'process.on("unhandledRejection", (r) => process.stdout.write("handled " + r + "\n")); Promise.reject(5)'
  run_both -e 'process.exit(256 + 4)'
  run_both -e 'process.exitCode = "4"'
}

case_timeout_throw() {
  run_both timeout-throw.js
}

case_module_not_found() {
  run_both require-missing.js
  run_both sub/chain.js
  run_both does-not-exist.js
  run_both require-syntax.js
  run_both require-throw.js
  run_both require-bad-json.js
}

case_require_esm() {
  # node 20.19+ loads ES modules through require() by default; ringjs has no ES module loader
  # yet and behaves as node --no-experimental-require-module, which these compare against.
  cat > require-esm.js <<JS
const probe = require('$FIXTURES/probe.js');
for (const id of ['esm-pkg', 'esm-pkg/noesm.js', 'esm-pkg/legacy.cjs',
                  './node_modules/exports-cond/esm.mjs']) {
  try {
    process.stdout.write(id + ' => ' + JSON.stringify(probe.require(id)) + '\n');
  } catch (e) {
    process.stdout.write(id + ' throws ' + e.code + ': ' + e.message + '\n');
  }
}
JS
  run_both --no-experimental-require-module require-esm.js
}

case_conditions() {
  code="process.stdout.write(require('$FIXTURES/probe.js').require('exports-custom') + '\n')"
  run_both -e "$code"
  run_both -C custom -e "$code"
  run_both --conditions custom -e "$code"
  run_both --conditions=custom -e "$code"
  run_both --conditions=other -C custom -e "$code"
}

# ---------------------------------------------------------------------------------------------

all_cases=$(sed -n 's/^case_\([a-z0-9_]*\)() {$/\1/p' "$SELF")
[ $# -eq 0 ] && set -- $all_cases
setup
for case_name in "$@"; do
  if ! echo "$all_cases" | grep -qx "$case_name"; then
    echo "unknown case: $case_name (known: $(echo $all_cases))"
    exit 2
  fi
  before=$failures
  "case_$case_name"
  if [ "$failures" = "$before" ]; then echo "ok   $case_name"; else echo "FAIL $case_name"; fi
done
echo "$checks checks, $failures failures"
[ "$failures" = 0 ]
