'use strict';
// repl.start over PassThrough streams (terminal: false): each input line is written once the
// REPL shows its prompt again, and the whole transcript is printed. Covers results and
// errors as the REPL prints them, multi-line input, dot commands, _ and _error, object
// literals, the options (prompt, ignoreUndefined, writer, useGlobal, replMode, eval with
// Recoverable) and defineCommand.
const repl = require('repl');
const { PassThrough } = require('stream');

// Resolves with the transcript (output, and each input line after the prompt it answers).
function transcript(options, lines, setup) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    const queue = lines.slice();
    let text = '';
    let sinceInput = '';
    const prompts = [options.prompt === undefined ? '> ' : options.prompt, '... '];
    output.setEncoding('utf8');
    output.on('data', (chunk) => {
      text += chunk;
      sinceInput += chunk;
      if (!prompts.some((p) => p !== '' && sinceInput.endsWith(p))) return;
      sinceInput = '';
      if (queue.length === 0) {
        input.end();
        return;
      }
      const line = queue.shift();
      text += `${line}\n`;
      input.write(`${line}\n`);
    });
    const server = repl.start({ input, output, terminal: false, useColors: false, ...options });
    if (setup) setup(server);
    server.on('exit', () => resolve(text));
  });
}

async function main() {
  console.log('--- values and errors');
  console.log(await transcript({}, [
    '1 + 1',
    'var x = 5',
    'x',
    '_',
    "'str'",
    'null',
    'undefined',
    '{ a: 1, b: [1, 2] }',
    '{ a: 1 };',
    '{}',
    '[1, 2, 3].map((n) => n * 2)',
    'new Map([[1, { deep: { deeper: { deepest: 1 } } }]])',
    'class A {}',
    'new A()',
    "throw new Error('boom')",
    '_error',
    "function g() { throw new TypeError('in g') }",
    'g()',
    "[1].map(() => { throw new RangeError('r') })",
    'nope.x',
    'null.x',
    'throw 5',
    "throw { a: 1 }",
    'throw null',
    'throw undefined',
    "throw 'str'",
    "throw Object.assign(new Error('c'), { code: 'X' })",
    `throw new Error('${'x'.repeat(90)}')`,
    "var e2 = new Error('n'); e2.name = 'MyErr'; throw e2",
    "var e3 = new Error('s'); e3.stack = 'custom stack'; throw e3",
    'let a = 1',
    'let a = 2',
    "'abc",
    '1 2',
    '}',
    '@',
    'function (',
    '   ',
    '',
    '// just a comment',
    '.5',
    ' ;[1]',
    'typeof require',
    'typeof fs.readFileSync',
    "typeof require('path').join",
    'module.id',
    'this === globalThis',
    'global === globalThis',
    '({}) instanceof Object',
  ]));

  console.log('--- multi-line input');
  console.log(await transcript({}, [
    'function f() {',
    '  return 42;',
    '}',
    'f()',
    'const o = {',
    '  a: 1,',
    '};',
    'o',
    '`line one',
    'line two`',
    '1 +',
    '2',
    '(',
    '.break',
    '[1,',
    '/* a comment',
    'still comment */ 2]',
    '`${',
    '1 }`',
    'if (true)',
    "  'yes'",
    'function bad() {',
    '  return nope;',
    '}',
    'bad()',
  ]));

  console.log('--- underscore');
  console.log(await transcript({}, [
    '10',
    '_ + 1',
    '_ = 7',
    '_',
    '1',
    '_',
    "throw new Error('e1')",
    '_error.message',
    '_error = 3',
    '_error',
    "throw new Error('e2')",
    '_error',
  ]));

  console.log('--- commands');
  console.log(await transcript({}, [
    '.help',
    '.nope',
    'var kept = 1',
    '.clear',
    'kept',
    '1 +',
    '.break',
    '2',
    '.exit',
    "'after exit, same chunk'",
  ], (server) => {
    server.defineCommand('hello', {
      help: 'Say hello',
      action(name) {
        this.output.write(`hello ${name}\n`);
        this.displayPrompt();
      },
    });
    server.defineCommand('bare', function() {
      this.output.write('bare command\n');
      this.displayPrompt();
    });
    server.on('reset', (context) => {
      server.output.write(`reset: ${context === server.context}\n`);
    });
  }));
  console.log(await transcript({}, ['.help', '.hello world', '.bare x'], (server) => {
    server.defineCommand('hello', {
      help: 'Say hello',
      action(name) {
        this.output.write(`hello ${name}\n`);
        this.displayPrompt();
      },
    });
    server.defineCommand('bare', function() {
      this.output.write('bare command\n');
      this.displayPrompt();
    });
  }));

  console.log('--- options');
  console.log(await transcript({ prompt: 'js> ', ignoreUndefined: true }, [
    'var y = 1',
    'undefined',
    'y',
    'void 0',
  ]));
  console.log(await transcript({ writer: (v) => `<${typeof v}:${String(v)}>` }, [
    '1',
    "'s'",
    "throw new Error('w')",
  ]));
  console.log(await transcript({ replMode: repl.REPL_MODE_STRICT }, [
    'undeclared = 1',
    'let s = 1',
    's',
    'delete Object.prototype',
  ]));
  console.log(await transcript({ replMode: repl.REPL_MODE_SLOPPY }, [
    'undeclared = 1',
    'undeclared',
  ]));
  let evals = 0;
  console.log(await transcript({
    eval(code, context, file, cb) {
      evals++;
      if (code.trim() === 'more') return cb(new repl.Recoverable(new SyntaxError('x')));
      if (code.includes('fail')) {
        const error = new Error('custom failure');
        error.stack = 'Error: custom failure';  // frames of this file would differ
        return cb(error);
      }
      cb(null, `${file}: ${JSON.stringify(code)} ${typeof context}`);
    },
  }, ['one', 'more', 'lines', 'fail', '']));
  console.log('custom evals:', evals);

  globalThis.sharedValue = 'from the main context';
  console.log(await transcript({ useGlobal: true }, [
    'sharedValue',
    'globalThis.setByRepl = 1',
    '.clear',
    'setByRepl',
  ]));
  console.log('main context sees setByRepl:', globalThis.setByRepl);
  console.log(await transcript({}, ["typeof sharedValue"]));

  // Legacy positional arguments: (prompt, stream, eval, useGlobal, ignoreUndefined); a
  // stream without stdin/stdout is both input and output.
  {
    const duplex = new (require('stream').Duplex)({
      read() {},
      write(chunk, encoding, cb) {
        text += chunk;
        cb();
      },
    });
    let text = '';
    const server = repl.start('$ ', duplex, undefined, false, true);
    server.write('void 0\n');
    server.write('"positional"\n');
    server.close();
    await new Promise((resolve) => server.on('exit', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    console.log(JSON.stringify(text));
  }
}

main();
