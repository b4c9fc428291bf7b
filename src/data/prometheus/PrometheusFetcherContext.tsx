import * as React from 'react';
import { consoleFetchJSON } from '../../console-sdk';
import { sharingFetcher, type Fetcher } from './fetch-round';

const consoleFetcher: Fetcher = (url, method, options, timeoutMs) => consoleFetchJSON(url, method, options, timeoutMs);

/** Without a provider (a hook tested alone), every query is its own request. */
export const PrometheusFetcherContext = React.createContext<Fetcher>(consoleFetcher);

/** One sharing fetcher per page (see `sharingFetcher`), made once by the page's providers. */
export const usePageFetcher = (): Fetcher => React.useState(() => sharingFetcher(consoleFetcher))[0];

export const usePrometheusFetcher = (): Fetcher => React.useContext(PrometheusFetcherContext);
