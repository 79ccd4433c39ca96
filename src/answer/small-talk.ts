import { normaliseTerm, scanWords } from '../search/analyzer.js';

/** What a message of small talk does, in the order a reply answers it: "thanks, bye" is answered as thanks. */
type SmallTalkKind = 'about-me' | 'thanks' | 'goodbye' | 'how-are-you' | 'greeting' | 'acknowledgement';

/** Whole phrases, matched on the lowercased message: their words are everyday words on their own ("how", "are"). */
const PHRASES: readonly [RegExp, SmallTalkKind][] = [
  [/\b(who|what) are you\b|\bare you (a|an) (bot|robot|ai|human|person)\b|\bwhat can you do\b|\bwho (made|built|created|wrote) you\b/, 'about-me'],
  [/\bhow('?s| is| are)? (you|it going|things|life)\b|\bwhat'?s up\b|\bhow have you been\b/, 'how-are-you'],
  [/\bsee (you|ya)\b|\btalk (to you )?(later|soon)\b|\bgood ?night\b/, 'goodbye'],
  [/\bnever ?mind\b|\bmakes sense\b|\bgot it\b/, 'acknowledgement'],
];

/** Words of small talk, by what they do. */
const WORDS: Readonly<Record<string, SmallTalkKind>> = Object.fromEntries([
  ...['thanks', 'thank', 'thx', 'ty', 'tia', 'cheers', 'appreciate', 'appreciated', 'grateful', 'kudos'].map((w) => [w, 'thanks']),
  ...['bye', 'goodbye', 'byebye', 'cya', 'farewell', 'goodnight', 'later'].map((w) => [w, 'goodbye']),
  ...['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'howdy', 'greetings', 'morning', 'afternoon', 'evening'].map((w) => [w, 'greeting']),
  ...[
    'ok', 'okay', 'k', 'kk', 'cool', 'nice', 'great', 'awesome', 'perfect', 'excellent', 'brilliant', 'amazing', 'wonderful',
    'fantastic', 'lovely', 'good', 'helpful', 'useful', 'wow', 'lol', 'haha', 'hahaha', 'hmm', 'yes', 'yeah', 'yep', 'sure',
    'alright', 'gotcha', 'understood', 'sorry', 'np', 'fine', 'exactly', 'sweet', 'neat', 'indeed', 'noted', 'needed',
  ].map((w) => [w, 'acknowledgement']),
]);

/** Words that address someone, or soften a reply, and say nothing on their own: "hey bot", "nice one, mate". */
const ADDRESS = new Set(['bot', 'paperbot', 'mate', 'buddy', 'friend', 'guys', 'folks', 'everyone', 'all', 'dude', 'pal', 'man', 'one', 'much', 'lot', 'very', 'really', 'so', 'just', 'again', 'anyway', 'now']);

const REPLIES: Readonly<Record<SmallTalkKind, string>> = {
  'about-me': 'I’m paperbot: ask me about a method, a result or a paper, and I quote the sentence of a paper that answers it and list the papers to read.',
  thanks: 'You’re welcome! Ask me anything else about the papers.',
  goodbye: 'Bye for now! I’m here whenever you have another question about papers.',
  'how-are-you': 'All good here, thanks! What would you like to know about the papers?',
  greeting: 'Hi! Ask me about a method, a result or a paper, e.g. “what is an attention sink?”',
  acknowledgement: 'Sure. Ask me about papers whenever you like.',
};

const ORDER: readonly SmallTalkKind[] = ['about-me', 'thanks', 'goodbye', 'how-are-you', 'greeting', 'acknowledgement'];

/**
 * A short reply when `text` is small talk rather than a question: thanks, a greeting, a goodbye, "how are you", "who
 * are you", an "ok". It is small talk when it has a word or phrase of small talk and nothing else but stop words,
 * forms of address, and everyday words that carry no topic (`topicShare` under `maxTopicShare`, see
 * search/everyday-words.ts): "thanks, that was helpful" is; "thanks! and what is LoRA?" is a question.
 */
export function smallTalkReply(text: string, topicShare: (term: string) => number, maxTopicShare: number): string | undefined {
  const lower = text.toLowerCase();
  const kinds = new Set<SmallTalkKind>();
  let rest = lower;
  for (const [phrase, kind] of PHRASES) {
    if (phrase.test(rest)) kinds.add(kind);
    rest = rest.replace(phrase, ' ');
  }
  for (const word of scanWords(rest).words) {
    const kind = WORDS[word];
    if (kind) kinds.add(kind);
    else if (!ADDRESS.has(word) && carriesTopic(word, topicShare, maxTopicShare)) return undefined;
  }
  const kind = ORDER.find((candidate) => kinds.has(candidate));
  return kind && REPLIES[kind];
}

function carriesTopic(word: string, topicShare: (term: string) => number, maxTopicShare: number): boolean {
  const term = normaliseTerm(word);
  return term !== null && topicShare(term) >= maxTopicShare;
}
