'use strict';
// writableCorked of a response follows its socket's count while it has one, and is 0 after
// end(); a second end() reports ERR_STREAM_ALREADY_FINISHED, end(chunk) ERR_STREAM_WRITE_AFTER_END.
const http = require('http');

const server = http.createServer((req, res) => {
  res.cork();
  res.cork();
  console.log('corked twice', res.writableCorked, res.writableCorked === res.socket.writableCorked);
  res.uncork();
  console.log('uncorked once', res.writableCorked, res.writableCorked === res.socket.writableCorked);
  res.end('body', () => console.log('end callback'));
  console.log('after end', res.writableCorked, res.socket.writableCorked);
  res.on('error', (err) => console.log('error event', err.code));
  res.end('more', (err) => console.log('end(chunk) again', err.code));
  res.on('finish', () => {
    res.end((err) => {
      console.log('end() after finish', err.code);
      server.close();
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => { body += d; });
    // Printed at exit: its order against the server's lines is the scheduler's business.
    res.on('end', () => process.on('exit', () => console.log('client got', JSON.stringify(body))));
  });
});
