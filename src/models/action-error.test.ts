import { MAX_CAUSE_DEPTH, errorCauseChain } from './action-error';

const KASTEN_CSI = {
  message: 'Job failed to be executed',
  cause: JSON.stringify({
    cause: JSON.stringify({
      cause: JSON.stringify({
        message: 'Failed to find VolumeSnapshotClass with k10.kasten.io/is-snapshot-class=true annotation for driver',
        fields: [{ name: 'driver', value: 'ebs.csi.aws.com' }],
        function: 'kasten.io/k10/kio/csi.getSnapshotClass',
      }),
      message: 'Failed to snapshot volumes',
      function: 'kasten.io/k10/kio/exec/phases/backup.(*SnapshotPhase).Run',
    }),
    message: 'Failed to run phase',
    fields: [{ name: 'phase', value: 'Snapshot' }],
  }),
};

test.each<
  [string, unknown, Array<{ message: string; function?: string; fields?: Array<{ name: string; value: string }> }>]
>([
  [
    "Kasten's nested JSON strings: innermost first, with function and fields",
    KASTEN_CSI,
    [
      {
        message: 'Failed to find VolumeSnapshotClass with k10.kasten.io/is-snapshot-class=true annotation for driver',
        function: 'kasten.io/k10/kio/csi.getSnapshotClass',
        fields: [{ name: 'driver', value: 'ebs.csi.aws.com' }],
      },
      {
        message: 'Failed to snapshot volumes',
        function: 'kasten.io/k10/kio/exec/phases/backup.(*SnapshotPhase).Run',
        fields: [],
      },
      { message: 'Failed to run phase', fields: [{ name: 'phase', value: 'Snapshot' }] },
      { message: 'Job failed to be executed', fields: [] },
    ],
  ],
  [
    'a cause that is plain text, not JSON',
    { message: 'outer', cause: 'dial tcp: i/o timeout' },
    [
      { message: 'dial tcp: i/o timeout', fields: [] },
      { message: 'outer', fields: [] },
    ],
  ],
  [
    'a cause that looks like JSON but is broken',
    { message: 'outer', cause: '{"message": "cut' },
    [
      { message: '{"message": "cut', fields: [] },
      { message: 'outer', fields: [] },
    ],
  ],
  [
    'a cause that is an object, not a string',
    { message: 'outer', cause: { message: 'inner' } },
    [
      { message: 'inner', fields: [] },
      { message: 'outer', fields: [] },
    ],
  ],
  [
    'fields written as a map',
    { message: 'm', fields: { pvc: 'data-0', size: 5 } },
    [
      {
        message: 'm',
        fields: [
          { name: 'pvc', value: 'data-0' },
          { name: 'size', value: '5' },
        ],
      },
    ],
  ],
  ['an empty error', {}, []],
  ['no error at all', undefined, []],
  ['an empty string', '', []],
  [
    'a whole error as a JSON string',
    JSON.stringify({ message: 'top', cause: 'why' }),
    [
      { message: 'why', fields: [] },
      { message: 'top', fields: [] },
    ],
  ],
  [
    'a long multi-line message, kept whole',
    { message: `line one\nline two\n${'x'.repeat(5000)}` },
    [{ message: `line one\nline two\n${'x'.repeat(5000)}`, fields: [] }],
  ],
  [
    'hostile text stays text (the view escapes it)',
    { message: '<img src=x onerror=alert(1)>', cause: '{{ $labels.x }} \u202e' },
    [
      { message: '{{ $labels.x }} \u202e', fields: [] },
      { message: '<img src=x onerror=alert(1)>', fields: [] },
    ],
  ],
  [
    'a number as cause',
    { message: 'm', cause: 42 },
    [
      { message: '42', fields: [] },
      { message: 'm', fields: [] },
    ],
  ],
])('%s', (_name, error, expected) => {
  expect(errorCauseChain(error)).toEqual(expected);
});

test('a chain deeper than the bound stops there instead of hanging', () => {
  let nested: unknown = 'bottom';
  for (let i = 0; i < 10_000; i += 1) nested = { message: `level ${i}`, cause: nested };
  const chain = errorCauseChain(nested);
  expect(chain).toHaveLength(MAX_CAUSE_DEPTH);
  // Innermost first among those read: the outermost level is last.
  expect(chain[chain.length - 1]?.message).toBe('level 9999');
});

test('a cycle stops at the bound too', () => {
  const a: Record<string, unknown> = { message: 'a' };
  a.cause = { message: 'b', cause: a };
  expect(errorCauseChain(a)).toHaveLength(MAX_CAUSE_DEPTH);
});
