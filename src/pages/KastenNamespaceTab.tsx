import * as React from 'react';
import type { K8sResourceCommon } from '../console-sdk';
import { KastenProviders } from './KastenProviders';
import { NamespaceTabBody } from './NamespaceTabBody';
import '../components/kasten.css';

/** The Kasten tab on Namespace and Project details pages: the same views, narrowed to this application namespace. */
const KastenNamespaceTab: React.FC<{ obj?: K8sResourceCommon }> = ({ obj }) => (
  <KastenProviders>
    <div className="kasten-console-plugin__page">
      <NamespaceTabBody namespace={obj?.metadata?.name} />
    </div>
  </KastenProviders>
);

export default KastenNamespaceTab;
