// Names printed on a terminal come from data (a dataset named after a file, a column label,
// a user name): an escape sequence in one could rewrite the screen, the window title or the
// clipboard (OSC 52). Everything the CLI prints passes through here.

// C0 controls but tab, DEL, C1 controls (U+009B is an 8-bit CSI), and the bidirectional
// overrides and isolates that make a line read differently from what it holds.
const unsafeInLine = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// One line as it may reach the terminal: the unsafe characters are dropped.
export function terminalLine(text: string): string {
  return text.replace(unsafeInLine, '');
}

// Multi-line text (usage, a message with a line break): each line made safe.
export function terminalText(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

// JSON for scripts keeps every value exact: JSON.stringify already escapes C0 controls, and
// this escapes the rest, so the output is the same JSON and carries no raw escape.
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
