import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.js';
import './app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('Element #root ontbreekt.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
