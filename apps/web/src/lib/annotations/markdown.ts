import MarkdownIt from 'markdown-it';

/**
 * An annotation's Markdown body as HTML that is safe to insert: markdown-it with raw HTML off
 * (a user's tags come out as text), its link check (no `javascript:`, `vbscript:`, `file:` or
 * `data:` links), no images (nothing loads from elsewhere), and links that open apart from the
 * reader. Mentions, written `@[Name](user:<uuid>)`, show as "@Name".
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: true });
markdown.disable(['image', 'heading', 'lheading', 'hr', 'table']);

const MENTION_AT = /^@\[([^\]\n]{1,200})\]\(user:([0-9a-fA-F-]{36})\)/;

markdown.inline.ruler.before('link', 'mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = MENTION_AT.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.content = match[1]!;
    token.meta = { userId: match[2]!.toLowerCase() };
  }
  state.pos += match[0].length;
  return true;
});

markdown.renderer.rules.mention = (tokens, index) => {
  const token = tokens[index]!;
  const { userId } = token.meta as { userId: string };
  return `<span class="mention" data-user="${markdown.utils.escapeHtml(userId)}">@${markdown.utils.escapeHtml(token.content)}</span>`;
};

const openLink = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  token.attrSet('rel', 'nofollow noopener noreferrer');
  token.attrSet('target', '_blank');
  return openLink ? openLink(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
};

export function renderAnnotationBody(body: string): string {
  return markdown.render(body);
}

/** The body as plain words for a one-line preview or an announcement: mentions as "@Name", no Markdown marks. */
export function plainBody(body: string, max = 140): string {
  const text = body
    .replace(/@\[([^\]\n]{1,200})\]\(user:[0-9a-fA-F-]{36}\)/g, '@$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
