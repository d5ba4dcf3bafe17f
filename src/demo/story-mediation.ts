import type { StoryLine } from './story-types.js';

/** The Basin Council’s diplomacy in Belcastro: the talks behind the Tolvane truce. */
export const MEDIATION: StoryLine = {
  id: 'mediation',
  primaryTopics: ['belcastro-talks', 'calvane-basin-council', 'belcastro'],
  extraTopics: ['orsenia', 'lisandro-pell', 'edan-corvish', 'tolvane-freedom-movement', 'kaldora'],
  tags: ['mediation', 'diplomacy', 'ceasefire'],
  authors: ['tobias-wren', 'rosalind-hale'],
  beganMonthsAgo: 22,
  tokens: {
    subject: 'the Basin Council’s mediation in Belcastro',
    topic: 'the Belcastro process',
    actor: 'the Calvane Basin Council',
    actorShort: 'the Council',
    counterpart: 'the Kaldoran delegation',
    place: 'Belcastro',
    country: 'Orsenia',
    adj: 'Orsenian',
    affected: 'people on both banks of the Sarle',
    stake: 'whether the talks can move from managing the truce to settling the war',
    origin: 'Orsenia offered the Council’s old conference hall on the Ponte Alto as neutral ground for the first direct talks',
    mediator: 'the Orsenian foreign ministry',
  },
  people: [
    {
      name: 'Livia Maranzo', short: 'Maranzo', pronoun: 'she',
      role: 'Orsenia’s foreign minister',
      quotes: [
        'Orsenia is not neutral about peace. We are neutral about who gets the credit for it.',
        'The hall is booked, the coffee is paid for and the door is open. What happens inside is up to them.',
      ],
    },
    {
      name: 'Lisandro Pell', short: 'Pell', pronoun: 'he',
      role: 'the Basin Council’s special envoy for Tolvane',
      quotes: [
        'Every session starts with a list of grievances. The good sessions end with a list of dates.',
        'People ask me why the talks are slow. I ask them how long the war was.',
      ],
    },
    {
      name: 'Freya Mallory', short: 'Mallory', pronoun: 'she',
      role: 'a senior fellow at the Institute for Basin Studies in Belcastro',
      quotes: [
        'The Council was designed to manage fishing quotas and river levels. It has become a peace broker by accident, and it shows.',
        'The real negotiation is not between Marenth and the movement. It is between the Council’s members about how much they are willing to pay for quiet.',
        'Mediators rarely fail in one dramatic moment. They fail when the parties stop bothering to turn up on time.',
      ],
    },
    {
      name: 'Marek Solan', short: 'Solan', pronoun: 'he',
      role: 'head of the Kaldoran delegation to the talks',
      quotes: [
        'We came to Belcastro to end a war, not to give a movement a seat at the Council’s table as if it were a state.',
        'Our proposals are on paper and they have been on paper for months. We are waiting for an answer on paper.',
      ],
    },
    {
      name: 'Idris Vell', short: 'Vell', pronoun: 'he',
      role: 'spokesman for the TFM delegation',
      quotes: [
        'We are asked to be patient by people who go home to Belcastro every evening.',
        'A text without guarantees is a press release. We have signed enough press releases.',
      ],
    },
  ],
  titles: [
    'In Belcastro, the talks that nobody wants to end and nobody can finish',
    'How a fishing-quota council became the region’s peace broker',
    'The Basin Council’s quiet budget fight over the Tolvane mission',
    'What Orsenia gets out of hosting the Belcastro process',
    'A new draft on the table in Belcastro, and an old dispute inside it',
    'The envoy’s dilemma: Lisandro Pell and the limits of patience',
    'Behind the Ponte Alto doors: a session of the Belcastro talks',
    'The Council votes on the monitors, and the members hedge',
  ],
  deks: [
    'The negotiators have kept the ceasefire alive. Turning it into a settlement needs things the Council does not have.',
    'Orsenia’s diplomats have spent {elapsed} hosting talks between enemies. Their patience is a policy, and it has a price.',
    'The Council’s members agree that the talks matter. They do not agree on who should pay for them.',
    'A draft framework is circulating in Belcastro. Both delegations say they have not seen it.',
  ],
  ledes: [
    'The conference hall on the Ponte Alto in {place} has hosted {20-28} rounds of {topic} since {began}. The coffee has improved, the delegations have shrunk, and the central question has not moved: {stake}.',
    'When {origin} in {began}, few diplomats gave the talks a season. {Elapsed} later, {subject} is the longest-running negotiation in the region, and one of the least understood.',
    'On {day}, the five member states of {actor} met behind closed doors to discuss the budget for the Tolvane monitoring mission. The meeting ran four hours over schedule and ended without a vote.',
    'A {twelve|fourteen|sixteen}-page draft has been circulating among diplomats in {place} since {lastMonth}. It is the first attempt since the truce to set out, in writing, what a political settlement in Tolvane might contain.',
  ],
  background: [
    'The Calvane Basin Council was founded to regulate fishing and river levels on the Calvane Sea, and its charter says almost nothing about armed conflict.',
    'The Council’s five members, Kaldora, Orsenia, Tamrhat, Herrevan and the island state of Ilvara, take decisions by consensus, which gives each of them a veto.',
    'The talks began as indirect contacts, with Orsenian officials carrying messages between hotel floors, before the first joint session in the Council’s hall.',
    'The truce signed in Belcastro runs to nine pages and three annexes, one of which is a map that both sides initialled but neither has published.',
    'Kaldora’s delegation is led by career officials from the interior ministry, while the TFM sends members of its political bureau, usually including Edan Corvish.',
    'Orsenia pays for most of the process, including the delegations’ hotels, a cost its parliament has begun to question.',
    'Lisandro Pell, a former Orsenian ambassador, has chaired every session since the first, which gives the process a memory that neither delegation has.',
    'Detailed records of each session are kept by the Council secretariat and shared only with the parties, an arrangement the [Calvane Rights Observatory](/observatory/belcastro-transparency) has criticised.',
  ],
  recent: [
    'On {day}, Council members failed to agree on the monitoring budget for next year, with Tamrhat and Ilvara asking for the cost to be shared by population rather than equally.',
    'Diplomats say the new draft proposes a joint commission on land titles in the valleys, a question both sides had refused to discuss until now.',
    'The Kaldoran delegation skipped the last technical session, citing a scheduling conflict; the movement’s delegates called the absence “a message, not an accident”.',
    'Livia Maranzo told the Orsenian parliament {last week|this month} that her government would keep funding the process for at least another year.',
    'The *Belcastro Courier* reported that Council officials had drafted contingency plans for withdrawing the monitors if either side asked them to leave.',
    'Freya Mallory’s institute published [an analysis](/basin-studies/council-budget) showing that the monitoring mission costs less each year than a single week of the war did.',
    'Edan Corvish and Marek Solan shook hands in public for the first time at the close of the {lastMonth} round, a photograph that ran on the front of every Kaldoran newspaper.',
  ],
  stakes: [
    'Consensus has kept every member inside the process, but it also means that the least committed member sets the pace.',
    'For Orsenia, hosting the talks is a source of prestige and a form of insurance: a settled north is good for its banks, and a war next door is not.',
    'The talks have been very good at preventing bad things and much less good at producing new ones.',
    'A process that depends on one envoy’s memory is strong while he stays and fragile the day he leaves.',
    'The draft matters less for what it says than for what it assumes: that the movement will remain a party to the conversation, not just a problem to be managed.',
    'Both delegations find the process useful as a place to be seen being reasonable, which is not the same as a place to make concessions.',
  ],
  next: [
    'The Council is due to vote on the monitoring budget before the end of the year.',
    'A new round of talks is expected in Belcastro early next {month|season}, if both delegations confirm.',
    'Lisandro Pell’s mandate runs until next summer; Orsenian officials say privately that he has not decided whether to stay.',
    'Diplomats expect a revised draft after the next round, with the land commission either strengthened or quietly dropped.',
  ],
  watch: [
    'The Council’s budget vote, and whether any member attaches conditions.',
    'Whether both delegations formally receive the new draft.',
    'Who succeeds Lisandro Pell, if he steps down next summer.',
    'The Orsenian parliament’s debate on the cost of hosting the talks.',
  ],
  shots: [
    { scene: 'parliament', alt: 'A pale stone building with columns and a shallow dome across an empty square', caption: 'The Council’s conference hall on the Ponte Alto in Belcastro, {date}.' },
    { scene: 'city', alt: 'A city of pale buildings and towers along a waterfront under a clear sky', caption: 'Belcastro’s waterfront, seen from the old harbour, {date}.' },
    { scene: 'coast', alt: 'A calm sea at sunset with a headland in the distance', caption: 'The Orsenian coast outside Belcastro, {date}.' },
    { scene: 'portrait', alt: 'A woman in a grey coat stands in silhouette beside a tall window', caption: 'Livia Maranzo, Orsenia’s foreign minister, in Belcastro, {date}.' },
    { scene: 'map', alt: 'A map of an inland sea with five states marked by borders and a shared coastline', caption: 'The five member states of the Calvane Basin Council.' },
  ],
  readerViews: [
    'The point about the fishing-quota charter is underrated. The Council’s lawyers have been improvising for two years.',
    'As an Orsenian taxpayer I am happy to pay for the hotels. It is cheaper than the alternative.',
    'I would be more impressed by the process if the session records were published, even with a delay.',
    'Pell has done more for this than anyone, but the article is right that a process built around one man is fragile.',
  ],
  questions: [
    {
      question: 'Why does Ilvara have a veto on a conflict it has nothing to do with?',
      answer: 'Because the charter gives every member one. Ilvara joined for the fishing rules; the veto came with the membership.',
    },
    {
      question: 'Has the map annexed to the truce ever been published anywhere?',
      answer: 'Not officially. A version leaked to the Courier last year, but both delegations said it was an old draft.',
    },
  ],
};
