import * as React from 'react';
import { useFailedActions } from '../data/useFailedActions';
import { useKastenConfig } from '../data/useKastenConfig';
import { FailedActionsView } from '../components/failed-actions/FailedActionsView';

export interface FailedActionsContainerProps {
  policy: string;
  appNamespace: string;
  /** Unix seconds the list starts at (0: any age, for retained failures). */
  sinceSeconds: number;
  windowText: string;
}

/** Watches the open row's actions (only while it is mounted, i.e. open) and hands them to the view. */
const FailedActionsContainer: React.FC<FailedActionsContainerProps> = ({
  policy,
  appNamespace,
  sinceSeconds,
  windowText,
}) => {
  const { config } = useKastenConfig();
  const state = useFailedActions(true, policy, appNamespace, config.kastenNamespace, sinceSeconds);
  return <FailedActionsView state={state} policy={policy} appNamespace={appNamespace} windowText={windowText} />;
};

export default FailedActionsContainer;
