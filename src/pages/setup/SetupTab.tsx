import * as React from 'react';
import { useSetupChecks } from '../../data/useSetupChecks';
import { SetupChecksView } from '../../components/setup/SetupChecksView';

/** The Setup tab: gathers the checks' inputs and renders the rows. */
export const SetupTab: React.FC = () => {
  const { results, loading } = useSetupChecks();
  return <SetupChecksView results={results} loading={loading} />;
};
