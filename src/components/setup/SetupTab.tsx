import * as React from 'react';
import { useSetupChecks } from '../../checks/useSetupChecks';
import { SetupChecksView } from './SetupChecksView';

/** The Setup tab: gathers the checks' inputs and renders the rows. */
export const SetupTab: React.FC = () => {
  const { results, loading } = useSetupChecks();
  return <SetupChecksView results={results} loading={loading} />;
};
