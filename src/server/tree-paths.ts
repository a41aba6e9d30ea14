import type { TreeEntry } from './rules-store.js';

/** All file paths in a tree, depth first. */
export function filePaths(node: TreeEntry): string[] {
  return node.soort === 'bestand' ? [node.pad] : node.kinderen.flatMap(filePaths);
}
