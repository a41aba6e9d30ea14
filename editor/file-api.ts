/** The server's file API for the rules folder (see src/server/http-server.ts). */

/** The wire types are the server's own (one definition for both sides). */
export type {
  FileEntry as TreeFile,
  DirEntry as TreeDir,
  TreeEntry as TreeNode,
  FileContent as ServerFile,
} from '../src/server/rules-store.js';
import type {
  DirEntry as TreeDir,
  FileContent as ServerFile,
  TreeEntry as TreeNode,
} from '../src/server/rules-store.js';

export type SaveOutcome =
  | { readonly ok: true; readonly versie: string }
  | {
      readonly ok: false;
      readonly conflict: true;
      readonly fout: string;
      readonly inhoud: string | null;
      readonly versie: string | null;
      /** Who made the last commit to the file, and its message (the other person's change). */
      readonly door?: string;
      readonly onderwerp?: string;
    }
  | { readonly ok: false; readonly conflict: false; readonly fout: string };

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { fout?: unknown };
    if (typeof body.fout === 'string') return body.fout;
  } catch {
    // fall through
  }
  return `De server antwoordde met status ${res.status}.`;
}

export async function listFiles(): Promise<TreeDir> {
  const res = await fetch('/api/bestanden');
  if (!res.ok) throw new Error(await errorText(res));
  return (await res.json()) as TreeDir;
}

export async function readFile(pad: string): Promise<ServerFile> {
  const res = await fetch(`/api/bestand?pad=${encodeURIComponent(pad)}`);
  if (!res.ok) throw new Error(await errorText(res));
  return (await res.json()) as ServerFile;
}

/** Saves a file; the server commits it with `bericht` as the message (its own default when empty). */
export async function saveFile(
  pad: string,
  inhoud: string,
  versie: string | null,
  bericht = '',
): Promise<SaveOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/bestand?pad=${encodeURIComponent(pad)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ inhoud, versie, bericht }),
    });
  } catch {
    return {
      ok: false,
      conflict: false,
      fout: 'De server is niet bereikbaar. Uw tekst staat nog in de editor.',
    };
  }
  if (res.ok) {
    const body = (await res.json()) as { versie: string };
    return { ok: true, versie: body.versie };
  }
  if (res.status === 409) {
    const body = (await res.json()) as {
      fout: string;
      inhoud: string | null;
      versie: string | null;
      door?: string;
      onderwerp?: string;
    };
    return {
      ok: false,
      conflict: true,
      fout: body.fout,
      inhoud: body.inhoud,
      versie: body.versie,
      ...(body.door !== undefined ? { door: body.door } : {}),
      ...(body.onderwerp !== undefined ? { onderwerp: body.onderwerp } : {}),
    };
  }
  return { ok: false, conflict: false, fout: await errorText(res) };
}

/** All file paths in a tree, depth first. */
export function filePaths(node: TreeNode): string[] {
  return node.soort === 'bestand' ? [node.pad] : node.kinderen.flatMap(filePaths);
}

/** The rules folder as the app opens it: the tree and every file's content. */
export interface LoadedRules {
  readonly tree: TreeDir;
  readonly files: readonly ServerFile[];
}

/** Fetches the tree and all files (started by editor/main.tsx while the app's script still loads). */
export async function loadRules(): Promise<LoadedRules> {
  const tree = await listFiles();
  const files = await Promise.all(filePaths(tree).map((p) => readFile(p)));
  return { tree, files };
}
