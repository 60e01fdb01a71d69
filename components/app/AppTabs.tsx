import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

export interface Tab {
  id: string;
  label: ReactNode;
  render: () => ReactNode;
}

/** The tab a key moves to from `index` among `count` tabs, by the ARIA tabs pattern; null for other keys. */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Tabs by the WAI-ARIA tabs pattern (automatic activation): one view at a time; only the selected
 * tab is in the Tab order (roving tabindex); ←/→ move between tabs (wrapping), Home/End go to the
 * first/last, and the tab moved to is shown. The choice is kept in the URL hash so a reload keeps it.
 */
export function AppTabs({ tabs, initial }: { tabs: Tab[]; initial: string }) {
  const fromHash = location.hash.slice(1);
  const [current, setCurrent] = useState(tabs.some((t) => t.id === fromHash) ? fromHash : initial);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const active = tabs.find((t) => t.id === current) ?? tabs[0];
  const select = (id: string) => {
    setCurrent(id);
    history.replaceState(null, '', `#${id}`);
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = tabAfterKey(event.key, index, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    select(tab.id);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist">
        {tabs.map((tab, index) => {
          const selected = tab.id === active?.id;
          return (
            <button
              key={tab.id}
              ref={(button) => {
                buttons.current[index] = button;
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`tabpanel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              onClick={() => select(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {active && (
        <div role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`} data-testid="tabpanel">
          {active.render()}
        </div>
      )}
    </>
  );
}
