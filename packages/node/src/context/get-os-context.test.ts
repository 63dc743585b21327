import { describe, expect, it } from 'vitest';
import { parseOsRelease } from './get-os-context';

describe('parseOsRelease', () => {
  it('reads quoted and unquoted fields of os-release(5)', () => {
    const text =
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n# comment\n';
    expect(parseOsRelease(text)).toEqual({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      NAME: 'Debian GNU/Linux',
      VERSION_ID: '12',
      ID: 'debian',
    });
  });
});
