import { renderHook, waitFor } from '@testing-library/react';
import { consoleFetchJSON } from '../console-sdk';
import { httpError } from '../__fixtures__/prometheus';
import { resetSdkMocks } from '../../test/unit-helpers/render';
import { DEFAULT_PLUGIN_CONFIG, PLUGIN_CONFIG_URL } from '../models/plugin-config';
import { useLoadKastenConfig } from './useKastenConfig';

beforeEach(resetSdkMocks);

test('reads plugin-config.json once, keeps good values and lists the ignored ones', async () => {
  jest.mocked(consoleFetchJSON).mockResolvedValue({ kastenNamespace: 'k10', cpuThresholdCores: 'lots' });
  const { result } = renderHook(() => useLoadKastenConfig());
  expect(result.current.loaded).toBe(false);
  await waitFor(() => expect(result.current.loaded).toBe(true));
  expect(result.current.config).toEqual({ ...DEFAULT_PLUGIN_CONFIG, kastenNamespace: 'k10' });
  expect(result.current.ignored).toEqual(['cpuThresholdCores']);
  expect(consoleFetchJSON).toHaveBeenCalledTimes(1);
  expect(jest.mocked(consoleFetchJSON).mock.calls[0]?.slice(0, 2)).toEqual([PLUGIN_CONFIG_URL, 'GET']);
});

test("no file (404) means the seed's defaults", async () => {
  jest.mocked(consoleFetchJSON).mockRejectedValue(httpError(404, undefined, 'Not Found'));
  const { result } = renderHook(() => useLoadKastenConfig());
  await waitFor(() => expect(result.current.loaded).toBe(true));
  expect(result.current).toEqual({ config: DEFAULT_PLUGIN_CONFIG, loaded: true, ignored: [] });
});
