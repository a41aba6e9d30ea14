/**
 * Where `regelwerk bundle -o` writes: a file is replaced whole; something that is not a file (a named pipe,
 * /dev/stdout) is written to as it is and never replaced by a file, with the summary on stderr so that the
 * stream holds only the bundle; a folder is refused with a Dutch message that names a file to give instead.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../support/cli.js';

const run = promisify(execFile);

describe('regelwerk bundle -o', () => {
  it('writes into a named pipe without replacing it; the summary goes to stderr', async () => {
    const pipe = path.join(await tmp(), 'bundel.pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = run('cat', [pipe], { maxBuffer: 1 << 26 });
    const r = await cli('bundle', '--regels', 'rules/twents-model', '-o', pipe);
    const { stdout } = await reader;
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(`Bundel geschreven: ${pipe}`);
    expect((JSON.parse(stdout) as { format: string }).format).toBe('regelwerk-bundel');
    expect((await lstat(pipe)).isFIFO()).toBe(true);
  });

  it("writes through a link (as /dev/stdout is one) and keeps a replaced file's permissions", async () => {
    const dir = await tmp();
    const target = path.join(dir, 'doel.json');
    const link = path.join(dir, 'link.json');
    await writeFile(target, 'oud');
    await symlink(target, link);
    const r = await cli('bundle', '--regels', 'rules/twents-model', '-o', link);
    expect(r.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((JSON.parse(await readFile(target, 'utf8')) as { format: string }).format).toBe(
      'regelwerk-bundel',
    );
    // A regular file is replaced whole, with the permissions it had.
    const file = path.join(dir, 'bundel.json');
    await writeFile(file, 'oud');
    await chmod(file, 0o640);
    expect((await cli('bundle', '--regels', 'rules/twents-model', '-o', file)).code).toBe(0);
    expect((await lstat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['bundel.json', 'doel.json', 'link.json']);
  });

  it('refuses a folder, naming a file to give instead', async () => {
    const dir = path.join(await tmp(), 'uit');
    await mkdir(dir);
    const r = await cli('bundle', '--regels', 'rules/twents-model', '-o', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('dat is een map; geef een bestandsnaam');
    expect((await lstat(dir)).isDirectory()).toBe(true);
  });
});
