import { type ReactNode, useState } from 'react';

export interface Tab {
  id: string;
  label: ReactNode;
  render: () => ReactNode;
}

/** Simple tabs: one view at a time, the choice kept in the URL hash so a reload keeps it. */
export function AppTabs({ tabs, initial }: { tabs: Tab[]; initial: string }) {
  const fromHash = location.hash.slice(1);
  const [current, setCurrent] = useState(tabs.some((t) => t.id === fromHash) ? fromHash : initial);
  const active = tabs.find((t) => t.id === current) ?? tabs[0];
  return (
    <>
      <div className="tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === active?.id}
            data-testid={`tab-${tab.id}`}
            onClick={() => {
              setCurrent(tab.id);
              history.replaceState(null, '', `#${tab.id}`);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">{active?.render()}</div>
    </>
  );
}
