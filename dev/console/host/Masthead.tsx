import * as React from 'react';

const THEME_KEY = 'kcp-preview-theme';
const DARK = 'pf-v6-theme-dark';

/** Light or dark, from `?theme=` first (for tests), else the last choice. */
export const initialTheme = (): 'light' | 'dark' => {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  if (fromUrl === 'dark' || fromUrl === 'light') return fromUrl;
  return localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
};

export const Masthead: React.FC<{ userName: string }> = ({ userName }) => {
  const [theme, setTheme] = React.useState(initialTheme);
  React.useEffect(() => {
    document.documentElement.classList.toggle(DARK, theme === 'dark');
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  return (
    <header className="pf-v6-c-masthead" data-test="masthead">
      <div className="pf-v6-c-masthead__main">
        <span className="pf-v6-c-masthead__brand pf-v6-u-font-size-lg pf-v6-u-font-weight-bold">
          Red Hat OpenShift · local preview
        </span>
      </div>
      <div className="pf-v6-c-masthead__content">
        <div className="pf-v6-u-ml-auto pf-v6-u-display-flex pf-v6-u-align-items-center">
          <button
            type="button"
            className="pf-v6-c-button pf-m-plain"
            data-test="theme-toggle"
            aria-pressed={theme === 'dark'}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            <span className="pf-v6-c-button__text">{theme === 'dark' ? 'Light theme' : 'Dark theme'}</span>
          </button>
          <span className="pf-v6-u-ml-md" data-test="user-name">
            {userName}
          </span>
        </div>
      </div>
    </header>
  );
};
