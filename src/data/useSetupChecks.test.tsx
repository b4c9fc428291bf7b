import * as React from 'react';
import { renderHook } from '@testing-library/react';
import { useK8sWatchResource } from '../console-sdk';
import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { harness, resetSdkMocks } from '../../test/unit-helpers/render';
import { KastenConfigContext } from './useKastenConfig';
import { useOverviewData } from './useOverviewData';
import { useSetupChecks, useShallowStable } from './useSetupChecks';

let loadedNow = false;

test('useShallowStable keeps the earlier object while every property is the same value, and only then', () => {
  const list = [1];
  const { result, rerender } = renderHook((props: { a: number[]; b: string }) => useShallowStable({ ...props }), {
    initialProps: { a: list, b: 'x' },
  });
  const first = result.current;
  rerender({ a: list, b: 'x' });
  expect(result.current).toBe(first);

  rerender({ a: [1], b: 'x' });
  expect(result.current).not.toBe(first);
  expect(result.current.a).not.toBe(list);
  const second = result.current;
  rerender({ a: second.a, b: 'y' });
  expect(result.current).toEqual({ a: second.a, b: 'y' });
  expect(result.current).not.toBe(second);
});

test('nothing is watched until plugin-config.json is read, then the Kasten namespace it names is', () => {
  resetSdkMocks();
  const base = { ...DEFAULT_PLUGIN_CONFIG, kastenNamespace: 'k10' };
  // Access undecided: this test is about the watches, so no query round may start.
  const h = harness({ access: { loading: true } });
  const Config: React.FC<{ loaded: boolean; children: React.ReactNode }> = ({ loaded, children }) => (
    <KastenConfigContext.Provider value={{ config: base, loaded, ignored: [] }}>
      {children}
    </KastenConfigContext.Provider>
  );
  const { rerender } = renderHook(() => ({ setup: useSetupChecks(), overview: useOverviewData('1h') }), {
    wrapper: ({ children }) => (
      <h.Wrapper>
        <Config loaded={loadedNow}>{children}</Config>
      </h.Wrapper>
    ),
  });
  const watched = () => jest.mocked(useK8sWatchResource).mock.calls.map((c) => c[0]);
  expect(watched().length).toBeGreaterThan(0);
  expect(watched().every((r) => r === null)).toBe(true);
  loadedNow = true;
  jest.mocked(useK8sWatchResource).mockClear();
  rerender();
  const namespaces = watched().map((r) => r?.namespace ?? r?.name);
  expect(watched().every((r) => r !== null)).toBe(true);
  expect(namespaces).toContain('k10');
  expect(namespaces).not.toContain(DEFAULT_PLUGIN_CONFIG.kastenNamespace);
  expect(watched().some((r) => r?.groupVersionKind?.kind === 'Policy' && r.namespace === 'k10')).toBe(true);
});
