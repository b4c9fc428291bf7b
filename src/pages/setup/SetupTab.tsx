import * as React from 'react';
import { useSetupChecks } from '../../data/useSetupChecks';
import { SetupChecksView } from '../../components/setup/SetupChecksView';
import type { RenderApply } from '../../components/setup/CheckRow';
import { ApplyFix } from './ApplyFix';

const renderApply: RenderApply = (resource) => <ApplyFix resource={resource} />;

/** The Setup tab: gathers the checks' inputs and renders the rows, each fix's Apply wired to the cluster. */
export const SetupTab: React.FC = () => {
  const { results, loading } = useSetupChecks();
  return <SetupChecksView results={results} loading={loading} renderApply={renderApply} />;
};
