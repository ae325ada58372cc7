/**
 * General word lists the structure passes share. They describe the web and publishing at large
 * (what a sharing widget says, what an organisation is called), never one particular source.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that make up navigation, sharing, promotion and account widgets on web pages. */
export const CHROME_WORDS = words(`
  share shares sharing print printer email e-mail mail tweet pin like follow subscribe subscription sign log login
  logout register newsletter newsletters related recommended popular trending latest more read reading next previous
  prev back top home menu search skip navigation nav main content comments comment reply replies leave advertisement
  advertising ad ads sponsored promoted partner tags tag categories category filed under topics topic articles article
  posts post stories story page pages this it now up in on out to us you your our we my me for of the and a an all also
  may via
  copy link links facebook twitter x linkedin whatsapp telegram reddit pinterest instagram youtube tiktok rss feed
  cookie cookies accept reject consent settings preferences close open toggle view see click tap here download pdf
  listen audio save bookmark loading continue full free trial join account
`);

/**
 * Words that only chrome uses. A short line made of chrome words is only dropped when it holds
 * one of these, so that a heading such as "The Latest News" is not mistaken for a widget.
 */
export const STRONG_CHROME_WORDS = words(`
  share sharing print printer email e-mail tweet pin subscribe subscription login logout register newsletter
  newsletters related recommended trending menu skip navigation nav comments comment replies advertisement advertising
  ad ads sponsored promoted tags categories filed facebook twitter linkedin whatsapp telegram reddit pinterest instagram
  youtube tiktok rss cookie cookies consent bookmark home search loading more like
`);

/** A picture's leftover label: "Featured Image", "Cover photo" where the image itself is gone. */
export const IMAGE_WORDS = words('image images photo photos picture pictures thumbnail illustration graphic gallery');

/** Words that name organisations and publications rather than people or topics. */
export const ORG_WORDS = words(`
  foundation institute institution university college school academy press council center centre review times journal
  magazine news post courier monitor observer guardian telegraph chronicle bulletin digest herald tribune gazette daily
  weekly quarterly monthly society association agency advisory research publishing publication publications publishers
  books media network group ministry department bureau commission committee forum alliance trust library museum company
  corporation inc ltd llc gmbh laboratory
`);

/**
 * News agencies, credited in a byline or an author tag where a person's name would stand; the
 * agency wrote the wire copy, no one person did.
 */
export const NEWS_AGENCIES = new Set(
  `reuters|ap|associated press|afp|agence france-presse|agence france presse|dpa|deutsche presse-agentur|ansa|efe|
  agencia efe|xinhua|tass|itar-tass|ria novosti|interfax|kyodo|yonhap|pa|pa media|press association|upi|
  united press international|anadolu|aa|ukrinform|kazinform|bernama|antara|pti|press trust of india|ians|ani|
  canadian press|aap|australian associated press|bloomberg|sputnik|belga|anp|pap|ctk|mti|ntb|tt|ritzau|apa|sda|
  europa press|kyodo news|jiji|jiji press|prensa latina|notimex|xinhua news agency|wafa|mena|irna|trend|akipress`
    .split('|')
    .map((s) => s.trim()),
);

/** Words that credit a desk or a wire in a byline ("Reuters staff", "Wire services", "News desk"), not a person. */
export const DESK_WORDS = words(`
  staff writer writers reporter reporters report reports wire wires service services desk newsroom team editorial
  editors editor board agency agencies correspondents news and with from by the via
`);

/** Names of the parts of a document, which are headings and never names of people. */
export const SECTION_WORDS = words(`
  contents table chapter part section introduction conclusion conclusions references notes endnotes footnotes abstract
  summary appendix bibliography acknowledgments acknowledgements preface foreword index glossary figure figures
`);

/** Short words of English that never stand in a personal name. */
export const FUNCTION_WORDS = words('the of and for in on at to a an with from by or as is are was were');

/** The words of a line, in lower case. Punctuation and separators do not count as words. */
export const lineWords = (line: string): string[] =>
  line
    .toLowerCase()
    .split(/[^\p{L}\d'’-]+/u)
    .filter(Boolean);
