import { renderHook } from '@testing-library/react';
import { useAccessReview, type AccessReviewResourceAttributes } from '../../console-sdk';
import { resetSdkMocks } from '../../../test/unit-helpers/render';
import { useMetricsAccessDecision } from './MetricsAccessContext';

const isCluster = (a: AccessReviewResourceAttributes) => a.resource === 'prometheuses';

/** Answers the two access reviews: [allowed, loading] for the cluster one and the tenancy one. */
const answer = (cluster: [boolean, boolean], tenancy: [boolean, boolean]) =>
  jest
    .mocked(useAccessReview)
    .mockImplementation((attrs: AccessReviewResourceAttributes) => (isCluster(attrs) ? cluster : tenancy));

beforeEach(resetSdkMocks);

test('asks exactly: get prometheuses/api k8s in openshift-monitoring, and get pods.metrics.k8s.io in the Kasten namespace', () => {
  answer([false, false], [false, false]);
  renderHook(() => useMetricsAccessDecision('kasten-io'));
  const asked = jest.mocked(useAccessReview).mock.calls.map((c) => c[0]);
  expect(asked).toContainEqual({
    group: 'monitoring.coreos.com',
    resource: 'prometheuses',
    subresource: 'api',
    verb: 'get',
    name: 'k8s',
    namespace: 'openshift-monitoring',
  });
  expect(asked).toContainEqual({ group: 'metrics.k8s.io', resource: 'pods', verb: 'get', namespace: 'kasten-io' });
  expect(new Set(asked.map((a) => JSON.stringify(a))).size).toBe(2);
});

test.each([
  [
    'cluster-monitoring-view: the cluster proxy',
    [true, false],
    [false, false],
    { access: { mode: 'cluster' }, loading: false },
  ],
  [
    'cluster allowed wins even when tenancy is allowed too',
    [true, false],
    [true, false],
    { access: { mode: 'cluster' }, loading: false },
  ],
  [
    'view in the Kasten namespace only: tenancy there',
    [false, false],
    [true, false],
    { access: { mode: 'tenancy', namespace: 'k10' }, loading: false },
  ],
  [
    'neither: none, nothing will be sent',
    [false, false],
    [false, false],
    { access: { mode: 'none', namespace: 'k10' }, loading: false },
  ],
  ['cluster review still loading: undecided', [false, true], [true, false], { loading: true }],
  ['cluster denied, tenancy still loading: undecided', [false, false], [false, true], { loading: true }],
  [
    'cluster allowed, tenancy still loading: no need to wait',
    [true, false],
    [false, true],
    { access: { mode: 'cluster' }, loading: false },
  ],
] as const)('%s', (_name, cluster, tenancy, expected) => {
  answer([...cluster], [...tenancy]);
  const { result } = renderHook(() => useMetricsAccessDecision('k10'));
  expect(result.current).toEqual(expected);
});
