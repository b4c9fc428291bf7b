import * as React from 'react';
import { QueryActions, type PanelQuery } from './QueryActions';

/** A titled card (PF card classes: the console ships PatternFly's CSS, so no card JS is bundled). */
export const Panel: React.FC<{
  id: string;
  title: string;
  description?: string;
  queries?: PanelQuery[];
  children: React.ReactNode;
}> = ({ id, title, description, queries, children }) => (
  <section
    className="pf-v6-c-card kasten-console-plugin__panel"
    aria-labelledby={`${id}-title`}
    data-test={`panel-${id}`}
  >
    <div className="pf-v6-c-card__header">
      <div className="pf-v6-c-card__title">
        <h2 className="pf-v6-c-card__title-text" id={`${id}-title`}>
          {title}
        </h2>
        {description && <p className="kasten-console-plugin__muted">{description}</p>}
      </div>
    </div>
    <div className="pf-v6-c-card__body">{children}</div>
    {queries && queries.length > 0 && (
      <div className="pf-v6-c-card__footer">
        <QueryActions queries={queries} panelId={id} />
      </div>
    )}
  </section>
);
