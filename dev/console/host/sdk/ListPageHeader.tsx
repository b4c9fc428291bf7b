/**
 * The console's ListPageHeader (public/components/factory/ListPage/ListPageHeader.tsx):
 * with a title, its PageHeading (console-shared heading/PageHeading.tsx, on
 * PatternFly's PageHeader): an h1 with the badge beside it, the favourites star
 * (admin perspective, unless hidden) and the primary action on the right, the
 * help text below, then the help alert; without a title only the other parts;
 * with nothing, nothing.
 */
import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * The console's star adds the page to the user's favourites (a named entry in the user settings
 * ConfigMap, after a dialog); the stand-in has no user settings, so the star only shows its state.
 */
const FavoriteButton: React.FC = () => {
  const [starred, setStarred] = React.useState(false);
  const label = starred ? 'Remove from favorites' : 'Add to favorites';
  return (
    <button
      type="button"
      className="pf-v6-c-button pf-m-plain"
      aria-label={label}
      aria-pressed={starred}
      title={label}
      data-test="favorite-button"
      onClick={() => setStarred((s) => !s)}
    >
      <span className="pf-v6-c-button__icon" aria-hidden="true">
        {starred ? '\u2605' : '\u2606'}
      </span>
    </button>
  );
};

export const ListPageHeader: typeof SDK.ListPageHeader = ({
  badge,
  children,
  helpAlert,
  helpText,
  hideFavoriteButton,
  title,
}) => {
  if (!(title || children || badge || helpAlert || helpText)) return null;
  if (!title) {
    return (
      <section className="pf-v6-c-page__main-section">
        {children && <div>{children}</div>}
        {badge && <div>{badge}</div>}
        {helpText && <div>{helpText}</div>}
        {helpAlert && <div>{helpAlert}</div>}
      </section>
    );
  }
  // The stand-in's user is always in the admin perspective, where the console shows the star.
  const showFavoriteButton = !hideFavoriteButton;
  return (
    <div data-test="page-heading" className="co-page-heading">
      <section className="pf-v6-c-page__main-section">
        <div className="pf-v6-l-flex pf-m-justify-content-space-between pf-m-nowrap">
          <div className="pf-v6-l-split pf-m-gutter">
            <div className="pf-v6-l-split__item">
              <h1 className="pf-v6-c-title pf-m-2xl">{title}</h1>
            </div>
            {badge && <div className="pf-v6-l-split__item">{badge}</div>}
          </div>
          <div className="pf-v6-c-action-list co-actions" data-test-id="details-actions">
            {(showFavoriteButton || children) && (
              <div className="pf-v6-c-action-list__group">
                {showFavoriteButton && (
                  <div className="pf-v6-c-action-list__item">
                    <FavoriteButton />
                  </div>
                )}
                {children}
              </div>
            )}
          </div>
        </div>
        {helpText && <p className="pf-v6-c-content--p">{helpText}</p>}
        {helpAlert}
      </section>
    </div>
  );
};
