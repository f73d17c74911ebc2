// An error thrown by the entry module reaches 'uncaughtException' as node reports it (from a
// promise: origin 'unhandledRejection'); with the listener the process goes on.
process.on('uncaughtException', (error, origin) => {
  console.log('uncaughtException:', error.message, origin);
  setTimeout(() => console.log('still running afterwards'), 1);
});
process.on('exit', (code) => console.log('exit', code));
console.log('entry runs');
throw new Error('thrown at the top level');
