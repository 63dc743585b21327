import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactNames, findPrivateMembers } from './private-members.mjs';

describe('the names the CDN bundles may mangle', () => {
  it('are the underscore members our classes declare, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'private-members-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'a.ts'),
      'class A {\n  private readonly _options = 1;\n  protected _dsn: string;\n  public _getSegment() {}\n  name = 1;\n}\n' +
        'const app = { _router: 1 };\nfunction f(_unused: number) { return app._router; }\n',
    );
    writeFileSync(
      join(dir, 'sub', 'b.ts'),
      'class B {\n  private _options = 2;\n  private static _count = 0;\n  private async _drain() {}\n  async _notDeclaredPrivate() {}\n}\n',
    );
    writeFileSync(join(dir, 'sub', 'b.test.ts'), 'class T {\n  private _fromTest = 1;\n}\n');
    const names: string[] = findPrivateMembers([dir]);
    expect(names).toEqual(['_count', '_drain', '_dsn', '_getSegment', '_options']);
    const regex: RegExp = exactNames(names);
    expect(['_options', '_dsn'].every((name) => regex.test(name))).toBe(true);
    expect(['_router', '__proto__', '_options2', 'x_options', '_meta'].some((name) => regex.test(name))).toBe(false);
    expect(exactNames([]).test('_options')).toBe(false);
  });
});
