import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import './failed-actions.css';
import { k10BasicRoleBindingCommand } from '../../models/failed-actions';

/** Kasten's k10-basic, bound in `namespace`, and the command that binds it. */
export const K10BasicHint: React.FC<{ namespace: string }> = ({ namespace }) => {
  const { t } = useKastenTranslation();
  return (
    <>
      <p>
        {t(
          "Kasten's k10-basic ClusterRole, bound in {{namespace}}, lets a user read Kasten's actions there. An administrator of {{namespace}} can grant it with:",
          { namespace },
        )}
      </p>
      <pre className="kasten-console-plugin__error-message" data-test="k10-basic-hint">
        <code>{k10BasicRoleBindingCommand(namespace)}</code>
      </pre>
    </>
  );
};
