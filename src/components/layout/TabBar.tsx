import * as React from 'react';

export interface TabDef<K extends string> {
  key: K;
  title: string;
}

/**
 * WAI-ARIA tabs with PatternFly's tab classes: arrow keys move between tabs,
 * only the selected one is in the tab order.
 */
export function TabBar<K extends string>({
  tabs,
  active,
  onSelect,
  label,
  idPrefix,
}: {
  tabs: TabDef<K>[];
  active: K;
  onSelect: (k: K) => void;
  label: string;
  idPrefix: string;
}): React.ReactElement {
  const refs = React.useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (i + delta + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.key);
    refs.current[next]?.focus();
  };
  return (
    <div className="pf-v6-c-tabs kasten-console-plugin__tabs">
      <ul className="pf-v6-c-tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, i) => {
          const selected = tab.key === active;
          return (
            <li key={tab.key} className={`pf-v6-c-tabs__item${selected ? ' pf-m-current' : ''}`} role="presentation">
              <button
                ref={(el) => {
                  refs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${idPrefix}-tab-${tab.key}`}
                aria-selected={selected}
                aria-controls={`${idPrefix}-panel`}
                tabIndex={selected ? 0 : -1}
                className="pf-v6-c-tabs__link"
                onClick={() => onSelect(tab.key)}
                onKeyDown={(e) => onKeyDown(e, i)}
                data-test={`tab-${tab.key}`}
              >
                <span className="pf-v6-c-tabs__item-text">{tab.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
