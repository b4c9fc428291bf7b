import * as React from 'react';
import { useSearchParams } from './router';

const Section: React.FC<React.PropsWithChildren<{ title: string; test: string }>> = ({ title, test, children }) => (
  <section className="pf-v6-c-page__main-section" data-test={test}>
    <h1 className="pf-v6-c-title pf-m-2xl">{title}</h1>
    <div className="pf-v6-u-mt-md">{children}</div>
  </section>
);

/** Observe > Metrics: shows the query the link carried, so tests can check "open in Metrics" links. */
export const MetricsStub: React.FC = () => {
  const [params] = useSearchParams();
  const queries = [...params.entries()].filter(([k]) => /^query\d+$/.test(k));
  return (
    <Section title="Metrics" test="metrics-page">
      <p>Stand-in for the console&apos;s query browser.</p>
      {queries.map(([k, v]) => (
        <pre key={k} className="pf-v6-u-mt-sm" data-test={`metrics-${k}`}>
          {v}
        </pre>
      ))}
    </Section>
  );
};

export const AlertingStub: React.FC = () => {
  const [params] = useSearchParams();
  return (
    <Section title="Alerting" test="alerting-page">
      <p>Stand-in for Observe &gt; Alerting.</p>
      {params.toString() && <pre data-test="alerting-params">{params.toString()}</pre>}
    </Section>
  );
};

export const SimpleStub: React.FC<{ title: string }> = ({ title }) => (
  <Section title={title} test="stub-page">
    <p>Stand-in page: not part of the local preview.</p>
  </Section>
);

export const NotFound: React.FC = () => (
  <Section title="404: Page Not Found" test="not-found">
    <p>No route matches this URL.</p>
  </Section>
);
