/**
 * A paper's short names: the acronym or method name its title or abstract defines ("SPAM", "GarDiff", "UOE",
 * "Lift3D"). People ask about papers by these names, so they get a field of their own with a high boost.
 */

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}-]{1,31}$/u;
/** Within one hyphen-separated part: two capitals ("SPAM", "GarDiff", "HPSv2") or letters mixed with digits ("Lift3D"). */
const NAME_PART = /\p{Lu}\p{Ll}*\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;

/** "GarDiff", "Margin-MSE", "Lift3D"; not "Large-Scale" or "Multi-Modal", which are just capitalised words. */
function isNameLike(word: string): boolean {
  return WORD.test(word) && word.split('-').some((part) => NAME_PART.test(part));
}

/** Phrases that introduce a defined name: "(GarDiff)", "namely GarDiff", "called X", "dubbed X", "X:" in a title. */
const DEFINITIONS: readonly RegExp[] = [
  /\(([^()\s,;]{2,32})\)/gu,
  /\b(?:namely|called|dubbed|termed|named|coined)\s+([\p{L}\p{N}-]{2,32})/gu,
  /\b(?:propose|present|introduce|develop)s?\s+(?:a\s+|an\s+|the\s+)?([\p{L}\p{N}-]{2,32})\s*[,:(]/gu,
];

/** Short names defined by a title and abstract, in the order found, without duplicates. */
export function extractShortNames(title: string, abstract: string): string[] {
  const names = new Set<string>();
  const titleHead = /^([^:]{2,40}):/.exec(title)?.[1]?.trim();
  if (titleHead && !titleHead.includes(' ')) names.add(titleHead);
  for (const word of title.split(/[\s:,]+/)) if (isNameLike(word)) names.add(word);
  for (const pattern of DEFINITIONS) {
    for (const match of abstract.matchAll(pattern)) {
      const name = match[1]!.replace(/-+$/, '');
      if (isNameLike(name)) names.add(name);
    }
  }
  return [...names];
}
