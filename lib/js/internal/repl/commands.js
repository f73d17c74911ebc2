'use strict';
// The REPL's dot commands (.break, .clear, .exit, .help, .save, .load, and .editor on a
// terminal) and the .help listing.

const fs = require('fs');

// The server's method that evaluates a whole text as one input (set by the server).
const kEvaluateWhole = Symbol('kEvaluateWhole');

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });

  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });

  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      // '.name' and three spaces, aligned on the longest name.
      const width = Math.max(...names.map((name) => name.length)) + 4;
      let text = '';
      for (const name of names) {
        const { help } = this.commands[name];
        text += help ? `${`.${name}`.padEnd(width)}${help}\n` : `.${name}\n`;
      }
      text += '\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n';
      this.output.write(text);
      this.displayPrompt();
    },
  });

  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        if (file === '') throw fileArgumentMissing();
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch (err) {
        this.output.write(err.code === 'ERR_MISSING_ARGS' ?
          `${err.message}\n` : `Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      try {
        if (file === '') throw fileArgumentMissing();
        const stats = fs.statSync(file);
        if (stats && stats.isFile()) {
          const data = fs.readFileSync(file, 'utf8');
          // The whole file is one input, as if typed in editor mode; a terminal shows it.
          if (this.terminal) {
            const lines = data.split('\n');
            for (let i = 0; i < lines.length; i++) {
              this.output.write(lines[i]);
              this.output.write('\r\n');
            }
          }
          this[kEvaluateWhole](data);
        } else {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
        }
      } catch (err) {
        this.output.write(err.code === 'ERR_MISSING_ARGS' ?
          `${err.message}\n` : `Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.enterEditorMode();
      },
    });
  }
}

function fileArgumentMissing() {
  const { ERR_MISSING_ARGS } = require('internal/errors').codes;
  return new ERR_MISSING_ARGS('file');
}

module.exports = { defineDefaultCommands, kEvaluateWhole };
