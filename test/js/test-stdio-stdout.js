'use strict';
// process.stdout / process.stderr are Writable streams with synchronous writes: write()
// callbacks, encodings, cork/uncork, piping and pipeline() into stdout (never ended by a pipe),
// destroy() and end() leaving the stream usable, as node's stdio streams on Linux. The output
// (stdout redirected to a file) is compared with node's recording.
const { Writable, Readable, pipeline, finished } = require('stream');
const out = process.stdout;

console.log('instanceof Writable', out instanceof Writable, process.stderr instanceof Writable);
console.log('fd', out.fd, process.stderr.fd, 'type', out._type, 'isStdio', out._isStdio);
console.log('writable', out.writable, 'hwm', out.writableHighWaterMark, 'objectMode', out.writableObjectMode);
console.log('write returns', out.write(''));
out.write('with callback\n', (err) => console.log('write callback', err));
out.write('68657820656e636f6465640a', 'hex');
out.write(Buffer.from('buffer chunk\n'));
out.write(new Uint8Array([0x75, 0x38, 0x0a]));
console.log('writableLength after sync writes', out.writableLength);
try {
  out.write(42);
} catch (err) {
  console.log('invalid chunk', err.code);
}

out.cork();
out.write('corked 1\n');
out.write('corked 2\n');
console.log('(logged while corked)');
out.uncork();

process.nextTick(() => {
  console.log('--- pipe into stdout');
  const r = Readable.from(['piped a\n', 'piped b\n']);
  r.pipe(out);
  r.on('end', () => {
    console.log('source ended; stdout still writable', out.writable, 'ended', out.writableEnded);
    pipeline(Readable.from(['pipeline chunk\n']), out, (err) => {
      console.log('pipeline callback', err);
      afterPipeline();
    });
  });
});

function afterPipeline() {
  console.log('--- destroy and end');
  out.on('close', () => console.log('stdout close event'));
  out.destroy();
  console.log('destroyed', out.destroyed);
  out.write('written after destroy\n');
  setImmediate(() => {
    out.end('ending stdout\n', () => console.log('end callback'));
    finished(out, (err) => console.log('finished', err && err.code));
    setImmediate(() => {
      out.write('written after end\n');
      console.log('stderr is tty', process.stderr.isTTY, 'stdout isTTY', out.isTTY);
      process.stderr.write('');
    });
  });
}

process.on('exit', () => out.write('written in exit handler\n'));
