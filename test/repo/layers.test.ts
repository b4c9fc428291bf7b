/**
 * The layer zones of eslint.config.mjs (ARCHITECTURE.md, "The layers") fire:
 * each probe is a small file's text, linted by ESLint's Node API as if it sat at
 * that path in the zone, and must draw the zone's own message. A compliant twin
 * of each probe must lint clean, so a zone cannot pass by forbidding everything.
 * ESLint loads its flat config with import(), which jest's module sandbox does
 * not allow; a child node process does the linting.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

interface Probe {
  name: string;
  file: string;
  code: string;
  /** Rule and a fragment of the message expected; empty: the file must lint clean. */
  expect: Array<{ rule: string; message: string }>;
}

interface Finding {
  ruleId: string | null;
  message: string;
}

const LINT = `
const { ESLint } = require('eslint');
const probes = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of probes) {
    const [result] = await eslint.lintText(p.code, { filePath: p.file });
    out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const lint = (probes: Probe[]): Finding[][] =>
  JSON.parse(
    execFileSync('node', ['-e', LINT], {
      cwd: root,
      input: JSON.stringify(probes.map((p) => ({ file: path.join(root, p.file), code: p.code }))),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as Finding[][];

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const SYNTAX = 'no-restricted-syntax';
const VIEW = 'src/components/overview/Probe.tsx';
const ONLY_DATA_FETCHES = 'Only src/data/ talks to the network';

const probes: Probe[] = [
  // components/ only render
  {
    name: 'a component calling a data hook',
    file: VIEW,
    code: "import { useOverviewData } from '../../data/useOverviewData';\nexport const x = useOverviewData;\n",
    expect: [{ rule: IMPORTS, message: 'Fetching lives in src/data/' }],
  },
  {
    name: 'a component reading through the SDK',
    file: VIEW,
    code: "import { useK8sWatchResource } from '../../console-sdk';\nexport const x = useK8sWatchResource;\n",
    expect: [{ rule: IMPORTS, message: 'no SDK values in src/components/' }],
  },
  {
    name: "a component rendering the console's own components (allowed: they only render)",
    file: VIEW,
    code: "import { ListPageHeader, ResourceLink } from '../../console-sdk';\nexport const x = [ListPageHeader, ResourceLink];\n",
    expect: [],
  },
  {
    name: 'a component setting the document title (a page does that)',
    file: VIEW,
    code: "import { DocumentTitle } from '../../console-sdk';\nexport const x = DocumentTitle;\n",
    expect: [{ rule: IMPORTS, message: 'no SDK values in src/components/' }],
  },
  {
    name: 'a component building PromQL',
    file: VIEW,
    code: "import { actionCountsByStatus } from '../../promql';\nexport const x = actionCountsByStatus;\n",
    expect: [{ rule: IMPORTS, message: 'never in a view' }],
  },
  {
    name: 'a component mounting a container',
    file: VIEW,
    code: "import { SetupTab } from '../../pages/setup/SetupTab';\nexport const x = SetupTab;\n",
    expect: [{ rule: IMPORTS, message: 'a container belongs in src/pages/' }],
  },
  {
    name: 'a component calling fetch',
    file: VIEW,
    code: "export const x = () => fetch('/api/kubernetes');\n",
    expect: [{ rule: GLOBALS, message: ONLY_DATA_FETCHES }],
  },
  {
    name: 'a component opening an XMLHttpRequest',
    file: VIEW,
    code: 'export const x = () => new XMLHttpRequest();\n',
    expect: [{ rule: GLOBALS, message: ONLY_DATA_FETCHES }],
  },
  {
    name: 'a component with types from models, data and the SDK, and pure helpers from models (allowed)',
    file: VIEW,
    code: [
      "import type { OverviewData } from '../../models/overview';",
      "import type { OverviewKey } from '../../data/useOverviewData';",
      "import type { K8sModel } from '../../console-sdk';",
      "import { metricsConsoleUrl } from '../../models/prometheus/console-url';",
      'export type X = [OverviewData, OverviewKey, K8sModel];',
      'export const y = metricsConsoleUrl;',
      '',
    ].join('\n'),
    expect: [],
  },
  // promql/ is pure text building
  {
    name: 'promql importing React',
    file: 'src/promql/probe.ts',
    code: "import * as React from 'react';\nexport const x = React.version;\n",
    expect: [{ rule: IMPORTS, message: 'free of React' }],
  },
  {
    name: 'promql importing another layer',
    file: 'src/promql/probe.ts',
    code: "import { vectorRows } from '../models/prometheus/parse';\nexport const x = vectorRows;\n",
    expect: [{ rule: IMPORTS, message: 'promql/ builds text from its own modules only' }],
  },
  {
    name: 'promql importing its own modules (allowed)',
    file: 'src/promql/probe.ts',
    code: "import { escapeLabelValue } from './escape';\nexport const x = escapeLabelValue;\n",
    expect: [],
  },
  // models/ and checks/: pure functions
  {
    name: 'models importing a React hook',
    file: 'src/models/probe.ts',
    code: "import { useMemo } from 'react';\nexport const x = useMemo;\n",
    expect: [{ rule: IMPORTS, message: 'free of React' }],
  },
  {
    name: 'models importing PatternFly',
    file: 'src/models/probe.ts',
    code: "import { Button } from '@patternfly/react-core';\nexport const x = Button;\n",
    expect: [{ rule: IMPORTS, message: 'free of React' }],
  },
  {
    name: 'models importing the data layer',
    file: 'src/models/probe.ts',
    code: "import { usePrometheusQueries } from '../data/prometheus/usePrometheusQueries';\nexport const x = usePrometheusQueries;\n",
    expect: [{ rule: IMPORTS, message: 'Fetching lives in src/data/' }],
  },
  {
    name: 'models reading through the SDK',
    file: 'src/models/probe.ts',
    code: "import { consoleFetchJSON } from '../console-sdk';\nexport const x = consoleFetchJSON;\n",
    expect: [{ rule: IMPORTS, message: 'Only src/data/ reads or writes through the console SDK' }],
  },
  {
    name: 'models taking a console component',
    file: 'src/models/probe.ts',
    code: "import { DocumentTitle } from '../console-sdk';\nexport const x = DocumentTitle;\n",
    expect: [{ rule: IMPORTS, message: 'Only src/data/ reads or writes through the console SDK' }],
  },
  {
    name: 'models translating',
    file: 'src/models/probe.ts',
    code: "import { useKastenTranslation } from '../i18n';\nexport const x = useKastenTranslation;\n",
    expect: [{ rule: IMPORTS, message: 'Pure layers do not reach up' }],
  },
  {
    name: 'models calling fetch, and window.fetch',
    file: 'src/models/probe.ts',
    code: "export const x = () => fetch('/x');\nexport const y = () => window.fetch('/y');\n",
    expect: [
      { rule: GLOBALS, message: ONLY_DATA_FETCHES },
      { rule: SYNTAX, message: ONLY_DATA_FETCHES },
    ],
  },
  {
    name: 'checks importing react-i18next',
    file: 'src/checks/probe.ts',
    code: "import { useTranslation } from 'react-i18next';\nexport const x = useTranslation;\n",
    // The i18n seam (consoles 4.19-4.21 share another react-i18next) forbids it everywhere in src/ too.
    expect: [
      { rule: IMPORTS, message: 'free of React' },
      { rule: 'no-restricted-imports', message: 'Use useKastenTranslation from src/i18n.ts' },
    ],
  },
  {
    name: 'checks importing the data layer',
    file: 'src/checks/probe.ts',
    code: "import { useSetupChecks } from '../data/useSetupChecks';\nexport const x = useSetupChecks;\n",
    expect: [{ rule: IMPORTS, message: 'Fetching lives in src/data/' }],
  },
  {
    name: 'checks with SDK and query-state types, and PromQL (allowed)',
    file: 'src/checks/probe.ts',
    code: [
      "import type { K8sModel } from '../console-sdk';",
      "import type { PromQueryState } from '../models/prometheus/types';",
      "import { kastenTargetsUp } from '../promql';",
      'export type X = [K8sModel, PromQueryState];',
      'export const y = kastenTargetsUp;',
      '',
    ].join('\n'),
    expect: [],
  },
  // hooks/: URL state only
  {
    name: 'a URL-state hook importing the data layer',
    file: 'src/hooks/probe.ts',
    code: "import { useKastenConfig } from '../data/useKastenConfig';\nexport const x = useKastenConfig;\n",
    expect: [{ rule: IMPORTS, message: 'Fetching lives in src/data/' }],
  },
  // data/ alone reads the SDK and the network; pages only mount
  {
    name: 'a page reading through the SDK',
    file: 'src/pages/Probe.tsx',
    code: "import { k8sCreate } from '../console-sdk';\nexport const x = k8sCreate;\n",
    expect: [{ rule: IMPORTS, message: 'Only src/data/ reads or writes through the console SDK' }],
  },
  {
    name: 'a page using the SDK title component and a data hook (allowed)',
    file: 'src/pages/Probe.tsx',
    code: "import { DocumentTitle } from '../console-sdk';\nimport { useKastenActions } from '../data/useKastenActions';\nexport const x = [DocumentTitle, useKastenActions];\n",
    expect: [],
  },
  {
    name: 'the data layer reading through the SDK and fetch (allowed)',
    file: 'src/data/probe.ts',
    code: "import { consoleFetchJSON } from '../console-sdk';\nexport const x = () => [consoleFetchJSON, fetch('/x')];\n",
    expect: [],
  },
  // dev/ never imports tests
  {
    name: 'dev importing the test tree',
    file: 'dev/prometheus/probe.ts',
    code: "import { kastenFixture } from '../../test/prometheus/fixtures/kasten-scenarios';\nexport const x = kastenFixture;\n",
    expect: [{ rule: IMPORTS, message: 'dev/ and scripts/ never import tests' }],
  },
  {
    name: 'dev importing the browser tests',
    file: 'dev/probe.ts',
    code: "import { browserSession } from '../integration-tests/helpers/session';\nexport const x = browserSession;\n",
    expect: [{ rule: IMPORTS, message: 'dev/ and scripts/ never import tests' }],
  },
  {
    name: 'a test importing the Prometheus launcher from dev (allowed), and dev calling fetch (allowed)',
    file: 'test/promql/probe.test.ts',
    code: "import { startPrometheus } from '../../dev/prometheus/harness';\nexport const x = [startPrometheus, fetch];\n",
    expect: [],
  },
];

describe('layer zones (eslint.config.mjs)', () => {
  let results: Finding[][];
  beforeAll(() => {
    results = lint(probes);
  }, 120_000);

  test.each(probes.map((p, i) => [p.name, i] as const))('%s', (_name, i) => {
    const probe = probes[i]!;
    const found = results[i]!.map((m) => ({ rule: m.ruleId ?? '(parse error)', message: m.message }));
    expect(found).toHaveLength(probe.expect.length);
    for (const e of probe.expect) {
      expect(found).toContainEqual({ rule: e.rule, message: expect.stringContaining(e.message) });
    }
  });
});
