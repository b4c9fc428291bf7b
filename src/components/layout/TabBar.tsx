import * as React from 'react';
import { Tabs } from '@patternfly/react-core/dist/esm/components/Tabs/Tabs';
import { Tab } from '@patternfly/react-core/dist/esm/components/Tabs/Tab';
import { TabTitleText } from '@patternfly/react-core/dist/esm/components/Tabs/TabTitleText';

/** The id PatternFly gives a tab's button, for the panel's aria-labelledby. */
export const tabButtonId = (idPrefix: string, key: string): string => `pf-tab-${key}-${idPrefix}`;

export interface TabDef<K extends string> {
  key: K;
  title: string;
}

/**
 * PatternFly tabs that control one panel (`${idPrefix}-panel`) the caller renders. PatternFly leaves
 * every tab in the tab order; WAI-ARIA tabs put only the selected one there, and arrow keys move
 * between tabs, which this adds.
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
  const ref = React.useRef<HTMLDivElement>(null);
  // PatternFly names the wrapper, not the tablist; a screen reader announces the tablist's own name.
  React.useLayoutEffect(() => {
    ref.current?.querySelector('[role="tablist"]')?.setAttribute('aria-label', label);
  }, [label]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const tab = tabs[(i + delta + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    document.getElementById(tabButtonId(idPrefix, tab.key))?.focus();
  };
  return (
    <div ref={ref}>
      <Tabs className="kasten-console-plugin__tabs" activeKey={active} onSelect={(_e, k) => onSelect(k as K)}>
        {tabs.map((tab, i) => (
          <Tab
            key={tab.key}
            eventKey={tab.key}
            title={<TabTitleText>{tab.title}</TabTitleText>}
            tabContentId={`${idPrefix}-panel`}
            id={idPrefix}
            tabIndex={tab.key === active ? 0 : -1}
            onKeyDown={(e: React.KeyboardEvent) => onKeyDown(e, i)}
            data-test={`tab-${tab.key}`}
          />
        ))}
      </Tabs>
    </div>
  );
}
