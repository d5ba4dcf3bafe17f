/**
 * Generic sentences for each paragraph role, written to fit any story line through its
 * tokens. Rules for writing them: {counterpart} may be plural, so it only takes past or
 * modal verbs; {affected} is always plural; {actor}, {subject} and {topic} are singular.
 */

export type ParagraphRole = 'context' | 'development' | 'analysis' | 'outlook';

export interface RoleSentences {
  open: readonly string[];
  close: readonly string[];
}

export const ROLES: Readonly<Record<ParagraphRole, RoleSentences>> = {
  context: {
    open: [
      'To see why {topic} matters, it helps to go back to {began}, when {origin}.',
      'Some background is useful here.',
      'None of this happened in a vacuum.',
      'For readers who have not followed {place} closely, a short recap.',
      'The roots of the present moment go back further than most coverage admits.',
      '{Subject} has a longer history than its current form suggests.',
      'It is worth recalling how we got here.',
      'The basic facts are not in dispute, even if their meaning is.',
      'People who have followed {country} for years tend to start with the same points.',
      'Some context helps here.',
      'Little about {topic} makes sense without its back story.',
      'The starting point is easily forgotten, so it bears repeating.',
      'A little history explains a great deal here.',
      'It is easy to forget where all this started.',
      'The facts on the ground have changed less than the rhetoric.',
      'The background matters more than usual.',
      'Much of this was set in motion long before the latest headlines.',
    ],
    close: [
      'Those facts explain much of the caution in {place}.',
      'That history is not remote: it is the lens through which {affected} read every announcement.',
      '{Elapsed} on, surprisingly little of that has changed.',
      'It is the backdrop against which every statement from {actorShort} should be read.',
      'Every later argument about {topic} has started from there.',
      'Most of what follows is a consequence of those choices.',
      'Nobody in {place} needs reminding of any of this.',
      'The rest of the story is built on that foundation, for better or worse.',
      'That is the starting point for everything that follows.',
      'It is worth keeping in mind.',
    ],
  },
  development: {
    open: [
      'The latest turn came on {day}.',
      'Events have moved quickly since then.',
      'The past few weeks have tested that arrangement.',
      'Then came a week that nobody in {place} had planned for.',
      'The newest developments fit a familiar pattern.',
      'Here is what has happened since our last report.',
      'The picture changed again in {lastMonth}.',
      'Not all of the recent news has been bad.',
      'There has been no shortage of incident.',
      'What has changed is the pace.',
      'The details matter, so it is worth setting them out in order.',
      'Officials in {place} were slow to respond at first.',
      'The past few weeks added a new layer.',
      'Recent weeks brought a flurry of activity.',
      'Several things have happened in quick succession.',
      'The most recent developments cut both ways.',
      'Little of this was announced with any fanfare.',
    ],
    close: [
      'Not all of it could be independently confirmed.',
      '{Counterpart} declined to comment on the details when asked by the Review.',
      'Officials from {actorShort} did not respond to written questions.',
      'It was, by local standards, a busy week.',
      'The timing was hardly accidental.',
      'Few in {place} were surprised.',
      'The reaction was swift, and mostly predictable.',
      'Each step looks small on its own; together they amount to a shift.',
      'Each side has its own account of what happened.',
      'None of it made the front pages outside {country}.',
      'That, at least, is the official version.',
    ],
  },
  analysis: {
    open: [
      'What does all this add up to?',
      'The more interesting question is what {actorShort} wants from all this.',
      'Read together, these moves look like a strategy rather than a series of accidents.',
      'There are two ways to read this, and they are not mutually exclusive.',
      'It would be easy to overstate the importance of any single episode.',
      'Underneath the noise, the question has not changed: {stake}.',
      'Look past the statements, and the incentives are fairly clear.',
      'Seen from {place}, the picture is less tidy than it looks in official briefings.',
      'Diplomats and analysts tend to agree on one thing.',
      'The uncomfortable truth is that nobody has an obvious way out.',
      'It helps to separate what is new from what is merely loud.',
      'This is where the arguments on each side start to diverge.',
      'Step back, and a pattern emerges.',
      'The question is what all of this is for.',
      'The logic is not hard to follow.',
      'Seen in context, the latest moves make more sense.',
      'Here the story becomes more interesting.',
    ],
    close: [
      'That is the wager, and it is not an unreasonable one.',
      'The risk is that everyone draws the wrong lesson.',
      'In that sense, {topic} is less a policy than a test of nerve.',
      'Either way, {stake} remains unresolved.',
      'Both readings lead to the same conclusion: the hard choices have been postponed, not made.',
      'None of this is inevitable, but much of it is now hard to reverse.',
      'It is a fragile equilibrium, and everyone involved knows it.',
      'That, more than any single statement, is what to keep in mind.',
      'The stakes are higher than they look.',
      'It is not a comfortable conclusion, but it is the likeliest one.',
    ],
  },
  outlook: {
    open: [
      'What happens next?',
      'The coming months will test all of this.',
      'The calendar offers some clues.',
      'For now, the most likely outcome is more of the same.',
      'Nobody in {place} expects a quick resolution.',
      'Looking ahead, the decisions that matter are already scheduled.',
      'The next steps are clearer than the destination.',
      'A few fixed points lie ahead.',
      'Where does this leave things?',
      'Predictions are cheap, but some things seem clear.',
      'Some of the answers will come soon.',
      'The immediate future is easier to sketch than the long term.',
    ],
    close: [
      'Until then, {affected} will keep doing what they have done for {elapsed}: waiting, and watching.',
      'The Review will follow each of those decisions as they come.',
      'The answer will shape {adj} politics well beyond {year}.',
      'If recent history is any guide, the surprises will come from where nobody is looking.',
      'In the meantime, the status quo has more defenders than it admits.',
      'Whatever happens, it will not happen quickly.',
      'What looks like stalemate from outside may yet turn out to be preparation.',
      'The coming weeks should make the direction clearer.',
      'For now, the waiting continues.',
      'Much will depend on choices not yet made.',
    ],
  },
};

/** Introduce a quotation; the blockquote follows the paragraph. */
export const QUOTE_LEADS: readonly string[] = [
  '{SpeakerName}, {speakerRole}, was more direct when we spoke {this week|last week}.',
  'Not everyone sees it that way. {SpeakerName}, {speakerRole}, told the Review:',
  'The view from closer in is different. {SpeakerName}, {speakerRole}, put it this way:',
  '{SpeakerName}, {speakerRole}, has been making a version of the same argument for months.',
  'Asked about {topic}, {speakerName}, {speakerRole}, chose {speakerTheir} words carefully.',
  'For {speakerName}, {speakerRole}, the issue is as much practical as political.',
  '{SpeakerName}, {speakerRole}, offered a blunter assessment.',
  'In an interview with the Review, {speakerName}, {speakerRole}, returned several times to the same point.',
  'Some of the clearest words came from {speakerName}, {speakerRole}.',
  '{SpeakerName}, {speakerRole}, sees it differently.',
  '{SpeakerName}, {speakerRole}, did not mince words.',
  'When we asked {speakerName}, {speakerRole}, what had changed, the answer came quickly.',
  '{SpeakerName}, {speakerRole}, framed it in simpler terms:',
  'The argument is a familiar one to {speakerName}, {speakerRole}.',
  'Those closest to the matter tend to be the most cautious. {SpeakerName}, {speakerRole}, is an exception.',
  '{SpeakerName}, {speakerRole}, put the case plainly.',
];

/** Introduce someone already quoted in the article: the name alone. */
export const QUOTE_LEADS_AGAIN: readonly string[] = [
  '{SpeakerShort} went further.',
  '{SpeakerShort} returned to the point later in our conversation:',
  'Pressed on the details, {speakerShort} was unapologetic.',
  '{SpeakerShort} has heard the objections before.',
];

/** May open the paragraph after a quotation. */
export const AFTER_QUOTE: readonly string[] = [
  '{SpeakerShort} is not a neutral witness, but the point is hard to dismiss.',
  'It is a view shared, in private, by several officials.',
  'Whether or not that is fair, it captures the mood.',
  'That view is not universal.',
  'Others are less sure.',
  '{SpeakerShort}’s critics say that is easy to say from a distance.',
  'Not everyone agrees.',
  'Such views are common, if rarely said on the record.',
  'It is a line {speakerShort} has used before, and it still lands.',
];

export const LIST_INTROS: readonly string[] = [
  'Several things are worth watching:',
  'What to watch in the coming weeks:',
  'The questions that will shape the next phase:',
  'Officials, diplomats and aid workers point to a handful of signals:',
  'Among the things that will decide what happens next:',
  'The signals worth following from here:',
  'For those keeping score, the open questions are these:',
  'What would change the picture:',
  'The next few weeks will turn on a handful of questions:',
  'Those following closely are watching:',
  'Worth keeping an eye on:',
];

export const SUBHEADS: Readonly<Record<ParagraphRole | 'quote', readonly string[]>> = {
  context: ['The background', 'How we got here', 'A long history', 'The numbers'],
  development: ['What changed', 'The latest', 'A busy few weeks', 'On the ground in {place}'],
  analysis: ['What it means', 'Why it matters', 'Reading the signals', 'Where this leaves {actorShort}'],
  outlook: ['What comes next', 'The road ahead', 'What to watch'],
  quote: ['The view from {place}', 'The other side', 'In their own words'],
};

/** Deks that fit any story line, mixed with each story’s own. */
export const GENERIC_DEKS: readonly string[] = [
  'An assessment of where {topic} stands, and of the choices that lie ahead.',
  'Why {topic} matters to {affected}, and what could change it.',
  'The headlines are about {actorShort}. The real question is {stake}.',
  'What has changed, what has not, and why it matters beyond {country}.',
];
