import * as React from 'react';
import type { K8sModel, K8sResourceCommon } from '../../console-sdk';
import { useApplyFix } from '../../data/useApplyFix';
import { ApplyButton } from '../../components/setup/ApplyButton';

/** Wires the access review and k8sCreate to the Apply button. */
export const ApplyFix: React.FC<{ resource: { model: K8sModel; data: K8sResourceCommon } }> = ({ resource }) => {
  const { allowed, state, apply } = useApplyFix(resource);
  return (
    <ApplyButton
      allowed={allowed}
      state={state}
      onApply={apply}
      kind={resource.model.kind}
      name={resource.data.metadata?.name ?? ''}
      namespace={resource.data.metadata?.namespace}
    />
  );
};
