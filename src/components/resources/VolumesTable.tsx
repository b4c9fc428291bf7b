import * as React from 'react';
import { Table } from '@patternfly/react-table/dist/esm/components/Table/Table';
import { Thead } from '@patternfly/react-table/dist/esm/components/Table/Thead';
import { Tbody } from '@patternfly/react-table/dist/esm/components/Table/Tbody';
import { Tr } from '@patternfly/react-table/dist/esm/components/Table/Tr';
import { Th } from '@patternfly/react-table/dist/esm/components/Table/Th';
import { Td } from '@patternfly/react-table/dist/esm/components/Table/Td';
import { useKastenTranslation } from '../../i18n';
import { formatNumber } from '../../utils/format';
import { StatusText } from '../common/StatusText';
import { MetricValue } from '../common/MetricValue';
import { thresholdVerdict } from '../../models/threshold';

const PvcRow: React.FC<{ name: string; used: number | undefined; warnAbove: number; absentHint: string }> = ({
  name,
  used,
  warnAbove,
  absentHint,
}) => {
  const { t, i18n } = useKastenTranslation();
  const verdict = thresholdVerdict(used, warnAbove);
  return (
    <Tr data-test={`pvc-${name}`}>
      <Th scope="row" dataLabel={t('Volume')}>
        {name}
      </Th>
      <Td dataLabel={t('Used')} modifier="nowrap">
        {used === undefined ? (
          t('No data')
        ) : (
          <MetricValue value={used} format={(v) => `${formatNumber(v, i18n.language, 1)}%`} />
        )}
      </Td>
      <Td dataLabel={t('Status')} modifier="wrap">
        {verdict.state === 'absent' ? (
          <span className="kasten-console-plugin__muted">{absentHint}</span>
        ) : verdict.state === 'no-value' ? (
          <StatusText status="unknown" text={t('Cannot compare with {{limit}}%', { limit: warnAbove })} />
        ) : verdict.state === 'over' ? (
          <StatusText status="fail" text={t('More than {{limit}}% used', { limit: warnAbove })} />
        ) : (
          <StatusText status="pass" text={t('At most {{limit}}% used', { limit: warnAbove })} />
        )}
      </Td>
    </Tr>
  );
};

/** Used space of Kasten's volumes against their limits (loaded with the table code, see LazyDataTable). */
const VolumesTable: React.FC<{
  used: { catalog?: number; jobs?: number; logging?: number };
  catalogWarnAbove: number;
}> = ({ used, catalogWarnAbove }) => {
  const { t } = useKastenTranslation();
  return (
    <Table variant="compact" aria-label={t('Kasten volumes')} role="table">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Volume')}</Th>
          <Th modifier="wrap">{t('Used')}</Th>
          <Th modifier="wrap">{t('Status')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        <PvcRow
          name="catalog"
          used={used.catalog}
          warnAbove={catalogWarnAbove}
          absentHint={t('Not scraped: add the ServiceMonitor for the catalog (component: catalog).')}
        />
        <PvcRow
          name="jobs"
          used={used.jobs}
          warnAbove={80}
          absentHint={t('Not scraped: add a ServiceMonitor for component: jobs.')}
        />
        <PvcRow
          name="logging"
          used={used.logging}
          warnAbove={80}
          absentHint={t('Not scraped: add a ServiceMonitor for component: logging.')}
        />
      </Tbody>
    </Table>
  );
};

export default VolumesTable;
