/** ['platforms', 0, 'profileUrl'] → 'platforms[0].profileUrl' */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const name = String(part);
    return text ? `${text}.${name}` : name;
  }, '');
}
