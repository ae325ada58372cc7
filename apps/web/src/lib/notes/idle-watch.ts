/** How long without a key press, pointer move or focus before a writer shows as idle to others. */
export const IDLE_AFTER_MS = 60_000;

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'focusin', 'wheel'] as const;

/**
 * Calls `onChange(true)` when this tab is hidden or untouched for IDLE_AFTER_MS, and
 * `onChange(false)` when the writer comes back; only on a change. Returns the function that stops it.
 */
export function watchIdle(onChange: (idle: boolean) => void): () => void {
  let idle = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const set = (next: boolean) => {
    if (next !== idle) onChange((idle = next));
  };
  const active = () => {
    clearTimeout(timer);
    if (document.visibilityState === 'hidden') return set(true);
    set(false);
    timer = setTimeout(() => set(true), IDLE_AFTER_MS);
  };
  for (const type of ACTIVITY) window.addEventListener(type, active, { passive: true });
  document.addEventListener('visibilitychange', active);
  active();
  return () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, active);
    document.removeEventListener('visibilitychange', active);
  };
}
