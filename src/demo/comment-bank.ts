/**
 * What readers write: generic comments that fit any story through its tokens, replies,
 * and the names readers sign with. Story lines add their own views and questions.
 */
import type { ReaderQuestion } from './story-types.js';

export const AGREEING: readonly string[] = [
  'Thank you for this. It is the first piece I have read that explains {topic} without taking a side before the third paragraph.',
  'Very good on the detail. I was in {place} in the spring and this matches what people told me.',
  'The paragraph about {affected} is the one that matters. Everything else is politics.',
  'Useful piece. The local press covered some of this weeks ago, but nobody outside {country} seemed to notice.',
  'This is why I subscribe. Calm, specific, and no pretending that anyone has a neat answer.',
  'Excellent summary. I have sent it to two colleagues who keep asking me to explain {topic} over lunch.',
  'Agree with almost all of it. The point about {stake} is the one politicians keep avoiding.',
  'Clear and fair. I would read a follow-up on what {actorShort} does next.',
];

export const DISAGREEING: readonly string[] = [
  'I think this is too generous to {actorShort}. They have broken promises before, and the article barely mentions it.',
  'With respect, this reads as if {counterpart} were a neutral party. They are not.',
  'I disagree with the conclusion. Nothing that has happened since {began} suggests the incentives have changed.',
  'Interesting, but the same three kinds of people are quoted every time. Where are the voices of {affected}?',
  'You describe this as a slow process. From {place} it looks more like nobody wants it to end.',
  'I am not convinced. The outlook section is more optimistic than anything in the reporting above it.',
];

export const ADDING_FACTS: readonly string[] = [
  'For what it is worth, my family is from near {place}. Prices there have climbed sharply since {began}, and that is what people talk about at dinner, not {topic}.',
  'A small correction: the meeting mentioned in the piece was on a Wednesday, not a Thursday. It does not change the argument.',
  'One thing missing here is the role of the local radio stations in {place}, which have shaped opinion on {topic} more than any politician.',
  'Worth adding that a similar arrangement was tried in the 1990s and lasted about eighteen months. The people involved are mostly still around.',
];

export const REPLIES_TO_DISAGREEMENT: readonly string[] = [
  'Fair point, but the piece does say that in the background section. I read it as cautious rather than generous.',
  'I had the same reaction at first, then reread the last part. The conclusion is more sceptical than the headline.',
  'I would push back a little. Being fair to {actorShort} is not the same as agreeing with them.',
  'Partly agree. But the alternative you imply has been tried, and it went badly for {affected}.',
];

export const REPLIES_TO_AGREEMENT: readonly string[] = [
  'Agreed. I would like to see the same question asked again in six months.',
  'Same here. It is rare to read something on {topic} that does not feel like a press release from one side.',
  'Yes, and the quotations are well chosen. They say more than the officials probably intended.',
];

export const REPLIES_TO_FACT: readonly string[] = [
  'Interesting, I did not know that. It would explain a lot.',
  'That matches what I hear from relatives there.',
  'Good point. It deserves a piece of its own.',
];

export const THANKS: readonly string[] = [
  'Thanks, that is helpful.',
  'Good to know. I had not seen that.',
  'That clears it up, thank you.',
  'Thank you. I will look for it.',
];

export const REJOINDERS: readonly string[] = [
  'We will have to disagree, but thank you for a civil reply.',
  'Fair enough. My view has not changed, but I take the point about the background.',
  'You may be right. Time will tell.',
];

export const GENERIC_QUESTIONS: readonly ReaderQuestion[] = [
  {
    question: 'Is there a map of the area somewhere? I find the geography hard to follow.',
    answer: 'The Review ran one with an explainer last year, and the Basin Council publishes a more detailed one with its reports.',
  },
  {
    question: 'How reliable are the figures quoted here? Who collects them?',
    answer: 'Most come from the agencies named in the text. They are the best available, though everyone in {place} will tell you they undercount.',
  },
  {
    question: 'Did {counterpart} respond to any of this publicly?',
    answer: 'Only with a short statement, which repeated the official line without adding much.',
  },
];

export const FIRST_NAMES: readonly string[] = [
  'Amira', 'Bence', 'Chloé', 'Dario', 'Efua', 'Farid', 'Greta', 'Hiroshi', 'Ingrid', 'Jamal', 'Katarzyna', 'Luis',
  'Mei', 'Nikolai', 'Olu', 'Priya', 'Quentin', 'Rania', 'Sven', 'Tamar', 'Umar', 'Valentina', 'Wen', 'Ximena',
  'Yusuf', 'Zofia', 'Aidan', 'Beatriz', 'Cem', 'Dalia', 'Emeka', 'Fatima', 'Gideon', 'Hana', 'Ivo', 'Jun',
  'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Paloma', 'Rafael', 'Sana', 'Tomasz', 'Uma', 'Viktor', 'Wanjiru',
  'Yara', 'Zeynep', 'Anil', 'Brigid', 'Caio', 'Dagny', 'Eitan', 'Femi', 'Giulia', 'Hamza', 'Irene', 'Joaquín',
];

export const LAST_NAMES: readonly string[] = [
  'Abara', 'Berger', 'Castillo', 'Demir', 'Eklund', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jovanović',
  'Kamau', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Silva', 'Tanaka',
  'Usman', 'Varga', 'Wójcik', 'Xu', 'Yılmaz', 'Zapata', 'Achebe', 'Brennan', 'Chaudhry', 'Duarte', 'Eze',
  'Fischer', 'Gómez', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Mensah', 'Novak', 'Ortiz', 'Park',
  'Rossi', 'Sato', 'Torres', 'Uddin', 'Vidal', 'Weiss', 'Zhou', 'Adeyemi', 'Bakker', 'Costa', 'Dubois',
];
