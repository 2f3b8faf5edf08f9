/**
 * An internalized copy of a string. V8 compares two internalized strings by pointer but other
 * strings by their characters (slowly, for the slices the XML parser hands out), and it internalizes
 * property keys, so a round trip through one gives the shared copy.
 */
export function internalized(text: string): string {
  return Object.keys({ [text]: true })[0]!;
}
