/**
 * The consoles the browser suite's core paths run on (issue 15): the newest,
 * which loads dist/, and 4.20, the extended-support release, standing for
 * 4.19-4.21 (one build, dist-compat/, one loader and share scope: React 17,
 * react-i18next 11, react-router-dom-v5-compat). The other tests check the
 * plugin's own behaviour, which is the same code on both, and run on the newest.
 */
import { DEFAULT_CONSOLE, type ConsoleVersion } from '../../dev/console/versions';

export const TESTED_CONSOLES: ConsoleVersion[] = [DEFAULT_CONSOLE, '4.20'];
export { DEFAULT_CONSOLE };
