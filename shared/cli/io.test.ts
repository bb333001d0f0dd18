import { describe, expect, it } from 'vitest';
import { inertOnTerminal, writerFor } from './io.ts';

describe('output on a terminal', () => {
  // A title as a hostile feed could write it: colours, a window title, a clear screen, and the
  // 8-bit form of the escape that starts a terminal command.
  const hostile = 'Budget\u001b[31m rouge\u001b]0;pwned\u0007\u001b[2J\u009b31m\u007f fin';

  it('writes control characters as visible escapes, keeping line breaks, tabs and accents', () => {
    expect(inertOnTerminal(`${hostile}\n\tÉté 🌻 «\u00a0x\u00a0»\n`)).toBe(
      'Budget\\u001b[31m rouge\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u007f fin\n\tÉté 🌻 «\u00a0x\u00a0»\n',
    );
  });

  it('shows the bidirectional overrides and isolates that would reorder a line', () => {
    expect(inertOnTerminal('a\u202eb\u2067c\u2069d\u200fe')).toBe(
      'a\\u202eb\\u2067c\\u2069d\u200fe',
    );
  });

  it('makes them inert on a terminal only, and writes a file or a pipe byte for byte', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) });
    writerFor(stream(true))(hostile);
    writerFor(stream(false))(hostile);
    // eslint-disable-next-line no-control-regex -- none may reach the terminal
    expect(written[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(written[0]).toContain('\\u001b[31m');
    expect(written[1]).toBe(hostile);
  });
});
