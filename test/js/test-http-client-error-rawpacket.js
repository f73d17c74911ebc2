'use strict';
// A request that fails to parse reaches 'clientError' with the chunk being parsed as rawPacket,
// its byte offset as bytesParsed and llhttp's code and reason.
const http = require('http');
const net = require('net');

const server = http.createServer(() => console.log('unexpected request'));
server.on('clientError', (err, socket) => {
  console.log(err.code, err.bytesParsed, err.message, JSON.stringify(err.rawPacket.toString()));
  socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  server.close();
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.end('Oopsie-doopsie\r\n');
  let reply = '';
  client.setEncoding('latin1');
  client.on('data', (d) => { reply += d; });
  client.on('end', () => console.log('reply', JSON.stringify(reply)));
});
