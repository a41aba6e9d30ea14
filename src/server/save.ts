/**
 * A save is a commit: the workflow checks that the file may change (not adopted, not under review), the store
 * writes it (atomic, guarded by the version tag the writer last read), and git records it with the person as
 * author and their message. A conflict answers the other person's text and who made the last commit.
 */
import type { Person } from '../workflow/git.js';
import type { Workflow } from '../workflow/workflow.js';
import type { RulesStore } from './rules-store.js';
import { StoreError } from './store-error.js';

export interface SaveResult {
  readonly pad: string;
  readonly versie: string;
  readonly commit: string | null;
}

export async function saveAndCommit(
  store: RulesStore,
  workflow: Workflow,
  person: Person,
  change: { pad: string; inhoud: string; versie: string | null; bericht: string },
): Promise<SaveResult> {
  return workflow.repo.exclusive(async () => {
    const current = await store.read(change.pad).catch((e: unknown) => {
      if (e instanceof StoreError && e.status === 404) return undefined;
      throw e;
    });
    // A file the store shows read-only (not UTF-8) is refused by the store itself (422).
    if (current?.alleenLezen !== true) {
      const refusal = await workflow.saveRefusal(change.pad, current?.inhoud, change.inhoud);
      if (refusal !== undefined) throw new StoreError(403, refusal);
    }
    let saved;
    try {
      saved = await store.save(change.pad, change.inhoud, change.versie);
    } catch (e) {
      if (e instanceof StoreError && e.status === 409) {
        const [last] = await workflow.repo.log({ pad: change.pad, max: 1 });
        throw new StoreError(e.status, e.message, {
          ...e.extra,
          ...(last !== undefined ? { door: last.auteur, onderwerp: last.onderwerp, datum: last.datum } : {}),
        });
      }
      throw e;
    }
    const commit = await workflow.commitSave(saved.pad, person, change.bericht);
    return { pad: saved.pad, versie: saved.versie, commit: commit ?? null };
  });
}
