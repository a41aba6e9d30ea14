/**
 * The handle on the side panel's left edge: drag (or use the arrow keys) to make the panel wider or narrower.
 * The width is a CSS variable on <main> (`--side-width`) and is kept in the browser for the next visit.
 */
import { useEffect, useRef } from 'react';
import './side-resizer.css';

const KEY = 'regelwerk.zijpaneel.breedte';
const MIN = 320;
/** The editor keeps at least this much. */
const EDITOR_MIN = 420;

function apply(main: HTMLElement, width: number): number {
  const max = Math.max(MIN, main.getBoundingClientRect().width - 200 - EDITOR_MIN);
  const w = Math.round(Math.min(max, Math.max(MIN, width)));
  main.style.setProperty('--side-width', `${w}px`);
  return w;
}

function remember(width: number): void {
  try {
    localStorage.setItem(KEY, String(width));
  } catch {
    // Storage off (private window): the width lasts this visit.
  }
}

export function SideResizer() {
  const handle = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const main = handle.current?.closest('main');
    if (!main) return;
    let stored: string | null;
    try {
      stored = localStorage.getItem(KEY);
    } catch {
      stored = null;
    }
    if (stored !== null && Number.isFinite(Number(stored))) apply(main, Number(stored));
  }, []);

  const current = (): number => handle.current?.parentElement?.getBoundingClientRect().width ?? MIN;

  return (
    <div
      ref={handle}
      className="side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Breedte van het zijpaneel (sleep, of gebruik de pijltjestoetsen)"
      tabIndex={0}
      title="Sleep om het zijpaneel breder of smaller te maken"
      data-testid="side-resizer"
      onPointerDown={(e) => {
        const main = handle.current?.closest('main');
        if (!main) return;
        e.preventDefault();
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        const right = main.getBoundingClientRect().right;
        const move = (ev: PointerEvent) => apply(main, right - ev.clientX);
        const up = (ev: PointerEvent) => {
          remember(apply(main, right - ev.clientX));
          el.removeEventListener('pointermove', move);
          el.removeEventListener('pointerup', up);
        };
        el.addEventListener('pointermove', move);
        el.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        const main = handle.current?.closest('main');
        if (!main || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        remember(apply(main, current() + (e.key === 'ArrowLeft' ? 40 : -40)));
      }}
    />
  );
}
