/**
 * The workflow state the app needs: who is working, every version's state, and the server's stand, polled so an
 * editor learns when a file moved on the server (someone else saved, a version was adopted).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { workflowApi, type Me, type Stand, type VersionState } from '../workflow-api.js';

const POLL_MS = 4000;

export function useWorkflow(onStand: (stand: Stand) => void): {
  me: Me | undefined;
  states: readonly VersionState[];
  refresh: () => void;
} {
  const [me, setMe] = useState<Me>();
  const [states, setStates] = useState<readonly VersionState[]>([]);
  const head = useRef<string | null | undefined>(undefined);
  const listener = useRef(onStand);
  listener.current = onStand;

  const refresh = useCallback(() => {
    workflowApi
      .versions()
      .then(setStates)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    workflowApi
      .me()
      .then(setMe)
      .catch(() => undefined);
    refresh();
  }, [refresh]);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const stand = await workflowApi.stand();
        if (stopped) return;
        if (head.current !== undefined && head.current !== stand.head) refresh();
        head.current = stand.head;
        listener.current(stand);
      } catch {
        // The server is away for a moment; the next tick tries again.
      }
    };
    const id = setInterval(() => void tick(), POLL_MS);
    void tick();
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [refresh]);

  return { me, states, refresh };
}
