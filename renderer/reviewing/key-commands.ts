export type KeyCommand = 'undo' | 'redo' | 'fillDown';

// Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+D fill down (Cmd on a Mac).
export function keyCommand(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): KeyCommand | null {
  if (!e.ctrlKey && !e.metaKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 'd') return 'fillDown';
  return null;
}
