import { CONSOLE_SDK_EXPORTS } from '../../src/console-sdk';
import * as mock from '../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { STANDIN_SDK_EXPORTS, standInSdk } from './host/sdk';

test('the stand-in implements exactly the SDK exports the plugin uses, as the jest mock does', () => {
  const sorted = (xs: readonly string[]) => [...xs].sort();
  expect(sorted(STANDIN_SDK_EXPORTS)).toEqual(sorted(CONSOLE_SDK_EXPORTS));
  expect(sorted(Object.keys(standInSdk))).toEqual(sorted(CONSOLE_SDK_EXPORTS));
  expect(sorted(Object.keys(mock))).toEqual(sorted(CONSOLE_SDK_EXPORTS));
  for (const name of CONSOLE_SDK_EXPORTS) expect(typeof standInSdk[name]).toBe('function');
});
