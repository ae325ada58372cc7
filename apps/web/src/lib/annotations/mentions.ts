/** The `@name` being typed at the caret: where its `@` is and what follows it; null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([^\s@\]()[]{0,40}(?: [^\s@\]()[]{0,40})?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** The text with the `@query` at `start` replaced by the mention of `person`, and where the caret goes after it. */
export function insertMention(
  text: string,
  at: { start: number; query: string },
  person: { id: string; name: string },
): { text: string; caret: number } {
  const name = person.name.replace(/[\]\n]/g, ' ').slice(0, 200);
  const mention = `@[${name}](user:${person.id}) `;
  const end = at.start + 1 + at.query.length;
  return {
    text: text.slice(0, at.start) + mention + text.slice(end).replace(/^ /, ''),
    caret: at.start + mention.length,
  };
}
