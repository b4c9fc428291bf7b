/**
 * The docs a newcomer reads: every relative link in them points at a file that
 * exists (and, for a #fragment into markdown, at a heading that exists), and the
 * README keeps the two commands CI and people run.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

const DOCS = [
  'README.md',
  'ARCHITECTURE.md',
  'CONTRIBUTING.md',
  'bench/README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Markdown without fenced blocks and inline code, where a `[x](y)` is not a link. */
const prose = (text: string): string =>
  text
    .replace(/^```[\s\S]*?^```/gm, '')
    .split('\n')
    .map((line) => line.replace(/`[^`]*`/g, ''))
    .join('\n');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const anchors = (text: string): Set<string> =>
  new Set(
    prose(text)
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  );

/** Broken relative links of one markdown file, as "target: why". */
const brokenLinks = (file: string, text: string): string[] => {
  const broken: string[] = [];
  for (const m of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [rel, fragment] = target.split('#') as [string, string | undefined];
    const resolved = rel === '' ? file : path.join(path.dirname(file), rel);
    if (!fs.existsSync(resolved)) {
      broken.push(`${target}: no file ${path.relative(root, resolved)}`);
      continue;
    }
    if (fragment && resolved.endsWith('.md') && !anchors(fs.readFileSync(resolved, 'utf8')).has(fragment)) {
      broken.push(`${target}: no heading #${fragment} in ${path.relative(root, resolved)}`);
    }
  }
  return broken;
};

test.each(DOCS)('%s: every relative link resolves', (doc) => {
  const file = path.join(root, doc);
  expect(brokenLinks(file, fs.readFileSync(file, 'utf8'))).toEqual([]);
});

test('the link check reports a missing file and a missing heading, and ignores code and URLs', () => {
  const file = path.join(root, 'README.md');
  const text = [
    '[ok](ARCHITECTURE.md) [anchor ok](ARCHITECTURE.md#the-layers) [web](https://example.com/x.md)',
    '[gone](docs/no-such-page.md) [bad anchor](CONTRIBUTING.md#no-such-heading)',
    '`[in code](nowhere.md)`',
    '```',
    '[in a block](nowhere-either.md)',
    '```',
  ].join('\n');
  expect(brokenLinks(file, text)).toEqual([
    'docs/no-such-page.md: no file docs/no-such-page.md',
    'CONTRIBUTING.md#no-such-heading: no heading #no-such-heading in CONTRIBUTING.md',
  ]);
});

test('the README links the newcomer docs and keeps the two commands', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const doc of ['docs/preview.md', 'docs/install.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'bench/README.md']) {
    expect(readme).toContain(`](${doc})`);
  }
  expect(readme).toMatch(/^bash scripts\/preview\.sh\b/m);
  expect(readme).toMatch(/^bash scripts\/test\.sh\b/m);
  expect(fs.readFileSync(path.join(root, '.ci/run'), 'utf8')).toContain('bash scripts/test.sh');
});
