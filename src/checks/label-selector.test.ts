import { allOf, anyOf, describeSelector, isEmptySelector, selectorMatches } from './label-selector';

const full = (labels: Record<string, string>) => ({ labels, complete: true });
const partial = (labels: Record<string, string>) => ({ labels, complete: false });

describe('selectorMatches', () => {
  it('selects everything with an empty or absent selector', () => {
    expect(selectorMatches(undefined, full({}))).toBe('yes');
    expect(selectorMatches({}, full({ a: 'b' }))).toBe('yes');
    expect(selectorMatches({ matchLabels: {}, matchExpressions: [] }, partial({}))).toBe('yes');
  });

  it('requires every matchLabels pair', () => {
    const pod = full({ app: 'k10', component: 'catalog', release: 'k10' });
    expect(selectorMatches({ matchLabels: { release: 'k10' } }, pod)).toBe('yes');
    expect(selectorMatches({ matchLabels: { release: 'k10', component: 'catalog' } }, pod)).toBe('yes');
    expect(selectorMatches({ matchLabels: { release: 'k10', component: 'gateway' } }, pod)).toBe('no');
    expect(selectorMatches({ matchLabels: { tier: 'web' } }, pod)).toBe('no');
  });

  it('evaluates each matchExpressions operator', () => {
    const l = full({ component: 'catalog' });
    expect(
      selectorMatches({ matchExpressions: [{ key: 'component', operator: 'In', values: ['catalog', 'x'] }] }, l),
    ).toBe('yes');
    expect(selectorMatches({ matchExpressions: [{ key: 'component', operator: 'In', values: ['x'] }] }, l)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'component', operator: 'NotIn', values: ['x'] }] }, l)).toBe(
      'yes',
    );
    expect(
      selectorMatches({ matchExpressions: [{ key: 'component', operator: 'NotIn', values: ['catalog'] }] }, l),
    ).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'other', operator: 'NotIn', values: ['catalog'] }] }, l)).toBe(
      'yes',
    );
    expect(selectorMatches({ matchExpressions: [{ key: 'component', operator: 'Exists' }] }, l)).toBe('yes');
    expect(selectorMatches({ matchExpressions: [{ key: 'other', operator: 'Exists' }] }, l)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'other', operator: 'DoesNotExist' }] }, l)).toBe('yes');
    expect(selectorMatches({ matchExpressions: [{ key: 'component', operator: 'DoesNotExist' }] }, l)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'component', operator: 'Bogus' }] }, l)).toBe('no');
  });

  it('answers unknown for a label it cannot see, but no when a known label already differs', () => {
    const ns = partial({ 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' });
    expect(selectorMatches({ matchLabels: { name: 'openshift-user-workload-monitoring' } }, ns)).toBe('unknown');
    expect(
      selectorMatches({ matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' } }, ns),
    ).toBe('yes');
    expect(
      selectorMatches({ matchLabels: { 'kubernetes.io/metadata.name': 'openshift-monitoring', name: 'x' } }, ns),
    ).toBe('no');
  });
});

describe('combinators and descriptions', () => {
  it('combines three-valued answers', () => {
    expect(allOf([])).toBe('yes');
    expect(allOf(['yes', 'unknown'])).toBe('unknown');
    expect(allOf(['unknown', 'no'])).toBe('no');
    expect(anyOf([])).toBe('no');
    expect(anyOf(['no', 'unknown'])).toBe('unknown');
    expect(anyOf(['unknown', 'yes'])).toBe('yes');
  });

  it('describes selectors the way kubectl writes them', () => {
    expect(describeSelector(undefined)).toBe('{}');
    expect(isEmptySelector({ matchLabels: {} })).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
    expect(
      describeSelector({
        matchLabels: { release: 'k10' },
        matchExpressions: [
          { key: 'component', operator: 'In', values: ['catalog', 'metering'] },
          { key: 'x', operator: 'Exists' },
          { key: 'y', operator: 'DoesNotExist' },
          { key: 'z', operator: 'NotIn', values: ['a'] },
        ],
      }),
    ).toBe('release=k10,component in (catalog,metering),x,!y,z notin (a)');
  });
});
