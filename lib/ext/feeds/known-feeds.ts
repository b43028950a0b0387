/** Well-known outlets' and agencies' public feeds a person can pick from on the options page,
 *  each with the outlet name its articles are listed under. Addresses as the outlets publish
 *  them; nothing is requested until a person subscribes (and grants the host). */
export interface KnownFeed { outlet: string; url: string }

/** The built-in list, by outlet name. */
export const KNOWN_FEEDS: readonly KnownFeed[] = [
  { outlet: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml' },
  { outlet: 'BBC News', url: 'https://feeds.bbci.co.uk/news/world/rss.xml' },
  { outlet: 'CBS News', url: 'https://www.cbsnews.com/latest/rss/world' },
  { outlet: 'Deutsche Welle', url: 'https://rss.dw.com/rdf/rss-en-all' },
  { outlet: 'France 24', url: 'https://www.france24.com/en/rss' },
  { outlet: 'NPR', url: 'https://feeds.npr.org/1001/rss.xml' },
  { outlet: 'The Guardian', url: 'https://www.theguardian.com/world/rss' },
  { outlet: 'The New York Times', url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml' },
  { outlet: 'UN News', url: 'https://news.un.org/feed/subscribe/en/news/all/rss.xml' },
];
