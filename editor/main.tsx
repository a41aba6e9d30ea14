/**
 * The entry: a small script that shows the page frame at once and loads the app (React components, Monaco and
 * its features) as a separate chunk, fetched in parallel with the rules (see editor/components/app.tsx).
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { loadRules } from './file-api.js';

const App = lazy(() => import('./components/app.js').then((m) => ({ default: m.App })));
/** The rules are fetched while the app's script loads (not after it). */
const initial = loadRules();
// Handled where the app awaits it; this keeps an early failure from being reported as unhandled.
initial.catch(() => undefined);

const root = document.getElementById('root');
if (root === null) throw new Error('Element #root ontbreekt.');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<p className="loading">Regelwerk wordt geladen…</p>}>
      <App initial={initial} />
    </Suspense>
  </StrictMode>,
);
