import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { k8sCreate, useAccessReview } from '../../console-sdk';
import { networkPolicyFix, NetworkPolicyModel } from '../../checks/remediation';
import type { CheckResult } from '../../checks/types';
import axe from 'axe-core';
import { ApplyFix } from '../../pages/setup/ApplyFix';
import { CheckRow, type RenderApply } from './CheckRow';
import { SetupChecksView } from './SetupChecksView';

jest.mock('@openshift-console/dynamic-plugin-sdk');

const remedy = networkPolicyFix('kasten-io');
const failing: CheckResult = {
  id: 'network-policy',
  title: 'NetworkPolicy admits user-workload monitoring',
  status: 'fail',
  lookedAt: 'NetworkPolicies in kasten-io',
  detail: 'NetworkPolicy default-deny isolates the catalog pod.',
  fix: { description: 'Create a NetworkPolicy.', yaml: remedy.yaml, resource: remedy.resource },
};

// The Setup page's wiring: the Apply control is the container that calls k8sCreate.
const renderApply: RenderApply = (resource) => <ApplyFix resource={resource} />;

const renderRow = (result: CheckResult = failing) =>
  render(
    <ul>
      <CheckRow result={result} renderApply={renderApply} />
    </ul>,
  );
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  jest.mocked(useAccessReview).mockReset();
  jest.mocked(k8sCreate).mockReset();
});

describe('CheckRow', () => {
  it('shows status in words, what was looked at, the finding and the YAML', () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    renderRow();
    const row = screen.getByRole('listitem', { name: 'NetworkPolicy admits user-workload monitoring' });
    expect(within(row).getByText('Fail')).toBeInTheDocument();
    expect(within(row).getByText('Looked at: NetworkPolicies in kasten-io')).toBeInTheDocument();
    expect(within(row).getByText(/default-deny isolates/)).toBeInTheDocument();
    expect(row.querySelector('code')?.textContent).toBe(remedy.yaml);
  });

  it('asks the access review about creating exactly that object', () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    renderRow();
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'networking.k8s.io',
      resource: 'networkpolicies',
      verb: 'create',
      namespace: 'kasten-io',
    });
  });

  it('offers no Apply button when the access review denies, or has not answered', () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    const { unmount } = renderRow();
    expect(screen.queryByRole('button', { name: /Apply/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy YAML' })).toBeInTheDocument();
    unmount();
    jest.mocked(useAccessReview).mockReturnValue([true, true]);
    renderRow();
    expect(screen.queryByRole('button', { name: /Apply/ })).not.toBeInTheDocument();
  });

  it('applies with k8sCreate when allowed and reports success', async () => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    jest.mocked(k8sCreate).mockResolvedValue(remedy.resource.data);
    renderRow();
    const button = screen.getByRole('button', {
      name: 'Apply: create NetworkPolicy kasten-io/allow-openshift-user-workload-monitoring',
    });
    fireEvent.click(button);
    expect(screen.getByRole('status')).toHaveTextContent('Creating NetworkPolicy');
    await settle();
    expect(k8sCreate).toHaveBeenCalledTimes(1);
    expect(k8sCreate).toHaveBeenCalledWith({ model: NetworkPolicyModel, data: remedy.resource.data });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Created NetworkPolicy kasten-io/allow-openshift-user-workload-monitoring.',
    );
    expect(button).toBeDisabled();
  });

  it("shows the API's error verbatim", async () => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    const message = 'admission webhook "validate.example.io" denied the request: policies need an owner label';
    jest.mocked(k8sCreate).mockRejectedValue(Object.assign(new Error(message), { response: { status: 422 } }));
    renderRow();
    fireEvent.click(screen.getByRole('button', { name: /^Apply/ }));
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(`Apply failed. API: ${message}`);
    expect(screen.getByRole('status')).toHaveAttribute('data-outcome', 'failed');
    // A failed attempt may be retried.
    expect(screen.getByRole('button', { name: /^Apply/ })).toBeEnabled();
  });

  it('reports 409 AlreadyExists as such and never retries as an update', async () => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    const message = 'networkpolicies.networking.k8s.io "allow-openshift-user-workload-monitoring" already exists';
    jest
      .mocked(k8sCreate)
      .mockRejectedValue(
        Object.assign(new Error(message), { response: { status: 409 }, json: { reason: 'AlreadyExists', message } }),
      );
    renderRow();
    fireEvent.click(screen.getByRole('button', { name: /^Apply/ }));
    await settle();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      'Not applied: NetworkPolicy kasten-io/allow-openshift-user-workload-monitoring already exists',
    );
    expect(status).toHaveTextContent(message);
    expect(status).toHaveAttribute('data-outcome', 'exists');
    expect(k8sCreate).toHaveBeenCalledTimes(1);
  });

  it('copies the YAML and announces it', async () => {
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderRow();
    fireEvent.click(screen.getByRole('button', { name: 'Copy YAML' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(remedy.yaml);
    expect(screen.getByText('Copied to the clipboard')).toBeInTheDocument();
  });

  it('shows a command without Apply when the fix is an edit', () => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    renderRow({
      ...failing,
      id: 'uwm-enabled',
      title: 'User-workload monitoring enabled',
      fix: {
        description: 'Edit it.',
        command: 'oc -n openshift-monitoring edit configmap cluster-monitoring-config',
        yaml: 'x: y\n',
      },
    });
    expect(screen.getByText('oc -n openshift-monitoring edit configmap cluster-monitoring-config')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument();
  });

  it('shows no fix section for a passing check', () => {
    renderRow({ ...failing, status: 'pass', fix: undefined });
    expect(screen.getByText('Pass')).toBeInTheDocument();
    expect(screen.queryByTestId('check-fix')).not.toBeInTheDocument();
  });
});

describe('accessibility', () => {
  it('has no axe violations with a fix, a command and an Apply button', async () => {
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    const { container } = render(
      <SetupChecksView
        renderApply={renderApply}
        results={[
          failing,
          {
            ...failing,
            id: 'uwm-enabled',
            // Every check has its own title, and the fix blocks are named after it.
            title: 'User-workload monitoring enabled',
            status: 'unknown',
            fix: { description: 'Edit it.', command: 'oc edit', yaml: 'a: b\n' },
          },
          { ...failing, id: 'alert-rules', status: 'pass', fix: undefined },
        ]}
        loading={false}
      />,
    );
    // jsdom has no layout, so contrast cannot be measured here; the browser tests cover it.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
