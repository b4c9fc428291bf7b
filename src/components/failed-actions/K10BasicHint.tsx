import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import './failed-actions.css';
import {
  RUN_ACTIONS_RESOURCE,
  k10BasicRoleBindingCommand,
  runActionsReaderCommands,
} from '../../models/failed-actions';

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

/**
 * The permission a refused RunAction list lacks, in Kasten's namespace, and a Role that grants just it.
 * It claims no more than is known: k10-basic is not offered, as Kasten's documentation does not say it
 * covers RunActions; and a user who may list them there sees the RunActions of every policy.
 */
export const RunActionsHint: React.FC<{ kastenNamespace: string }> = ({ kastenNamespace }) => {
  const { t } = useKastenTranslation();
  return (
    <>
      <p data-test="runactions-permission">
        {t(
          "Missing permission: list (and watch) on {{resource}} in {{namespace}}, Kasten's namespace, where Kasten keeps a policy's RunActions (not in the application namespace). Kasten's documentation does not say that its k10-basic role grants it. An administrator of {{namespace}} can grant exactly this; it shows the RunActions of every policy:",
          { resource: RUN_ACTIONS_RESOURCE, namespace: kastenNamespace },
        )}
      </p>
      <pre className="kasten-console-plugin__error-message" data-test="runactions-hint">
        <code>{runActionsReaderCommands(kastenNamespace)}</code>
      </pre>
    </>
  );
};
