import { createInterface } from 'node:readline';
import type { CliIO } from './cli-context';
import { terminalText } from './terminal-text';

// The CLI's real input and output. Secrets given in the environment are taken out of it at
// once: worker threads, child processes and anything that dumps the environment later never
// see them. (The kernel's copy of the initial environment, /proc/PID/environ, stays: prefer
// typing the password.)
export function createProcessIO(env: NodeJS.ProcessEnv = process.env): CliIO {
  const password = env.ATELIER_PASSWORD;
  const snapshot = { ...env };
  delete snapshot.ATELIER_PASSWORD;
  delete env.ATELIER_PASSWORD;
  delete env.ATELIER_NEW_PASSWORD;
  return {
    out: (line) => process.stdout.write(terminalText(line) + '\n'),
    err: (line) => process.stderr.write(terminalText(line) + '\n'),
    readPassword: async () => {
      if (password) return password;
      return process.stdin.isTTY ? readHiddenLine('Mot de passe : ') : readFirstLine();
    },
    env: snapshot,
  };
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

// A password typed at a terminal: raw mode turns the terminal's echo off, so nothing of it
// shows on screen or in the scrollback. Enter ends it, Backspace erases, Ctrl+C quits.
function readHiddenLine(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolveLine) => {
    let typed: string[] = [];
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          finish();
          return resolveLine(typed.join(''));
        }
        if (c === '\u0003') {
          finish();
          process.exit(130);
        }
        if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
        else if (c >= ' ') typed.push(c);
      }
    };
    input.on('data', onData);
  });
}
