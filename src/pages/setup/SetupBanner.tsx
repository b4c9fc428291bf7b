import * as React from 'react';
import { useSetupChecks } from '../../data/useSetupChecks';
import { SetupBannerView } from '../../components/setup/SetupBannerView';

/** The overview's compact notice when something fails; `onOpenSetup` switches to the Setup tab. */
export const SetupBanner: React.FC<{ onOpenSetup: () => void }> = ({ onOpenSetup }) => {
  const { results } = useSetupChecks();
  return <SetupBannerView results={results} onOpenSetup={onOpenSetup} />;
};
