import type { StoryLine } from './story-types.js';

/** The mountain route north through Herrevan and the Askel Pass. */
export const CROSSINGS: StoryLine = {
  id: 'crossings',
  primaryTopics: ['migration', 'herrevan', 'calvane-rights-observatory'],
  extraTopics: ['tolvane', 'calvane-basin-council', 'drought', 'kaldora'],
  tags: ['border-crossings', 'displacement', 'human-rights'],
  authors: ['jonas-petrakis', 'tobias-wren'],
  beganMonthsAgo: 14,
  tokens: {
    subject: 'the route north over the Askel Pass',
    topic: 'the Askel route',
    actor: 'the Calvane Rights Observatory',
    actorShort: 'the Observatory',
    counterpart: 'the Herrevani border police',
    place: 'Lorn',
    country: 'Herrevan',
    adj: 'Herrevani',
    affected: 'people trying to cross the mountains',
    stake: 'whether Herrevan will keep the pass open to people with nowhere else to go',
    origin: 'Herrevan began requiring transit visas at the Askel Pass',
    mediator: 'the Basin Council',
  },
  people: [
    {
      name: 'Noor Vassel', short: 'Vassel', pronoun: 'she',
      role: 'a researcher at the Calvane Rights Observatory',
      quotes: [
        'A visa system that nobody can qualify for is not a visa system. It is a wall with a form attached.',
        'We have documented pushbacks on the upper road in every month since the rules changed. The pattern is not an accident.',
      ],
    },
    {
      name: 'Gunnar Strell', short: 'Strell', pronoun: 'he',
      role: 'Herrevan’s interior minister',
      quotes: [
        'Herrevan has four hundred thousand people and one road through the mountains. We cannot be the corridor for a whole region.',
        'Every person who applies is assessed. Those who qualify pass. That is what a border is for.',
      ],
    },
    {
      name: 'Ilian Moravec', short: 'Moravec', pronoun: 'he',
      role: 'director of the Askel Shelter in Lorn',
      quotes: [
        'We have sixty beds and, most nights, a hundred and twenty people. Nobody sleeps outside in January. That is our only rule.',
        'People arrive with a phone, a coat that is too thin and a story they have told so many times it no longer sounds like theirs.',
      ],
    },
    {
      name: 'Kerem Aydan', short: 'Aydan', pronoun: 'he',
      role: 'a mechanic from Tolvane waiting in Lorn for a transit visa',
      quotes: [
        'The war ended, but the work did not come back. My brother is in Belcastro. I only want to reach him.',
        'I have applied three times. Each time they ask for a paper that the office in Tolvane no longer issues.',
      ],
    },
  ],
  titles: [
    'At the Askel Pass, a border that closes a little more each month',
    'Lorn, the mountain town that became a waiting room',
    'Herrevan’s transit visas and the people they leave behind',
    'The Observatory’s new report on pushbacks, and the ministry’s reply',
    'Winter on the upper road: what the crossings look like now',
    'Why people are still leaving Tolvane after the war',
    'The drought reaches the mountains: Dunmar families in Lorn',
    'A shelter with sixty beds and a hundred and twenty guests',
  ],
  deks: [
    'Herrevan says it cannot be the region’s corridor. Those waiting in Lorn say they have no other road.',
    'The transit visa was meant to bring order to the pass. It has mostly moved the crossings to the upper road.',
    'The people crossing are not only fleeing war. The drought and the sorin are sending them north too.',
    '{Elapsed} after the visa rules changed, the numbers crossing have fallen and the dangers have risen.',
  ],
  ledes: [
    'The bus from Tolvane arrives in {place} just after dark, and most of its passengers do not leave the station. They sleep on the benches, waiting for morning and for the office that issues transit visas at the foot of the Askel Pass.',
    'Since {origin} in {began}, the number of people crossing legally has fallen by more than half. The number found on the upper road, the old smugglers’ track above the tunnel, has risen every month.',
    '{Actor} published its latest report on {topic} on {day}, documenting {40-90} cases in which people were turned back on the upper road without their claims being heard.',
    'At the Askel Shelter in {place}, the winter coats arrive in October and are gone by November. This {month|season} the shelter’s director has started turning away donations of anything else.',
  ],
  background: [
    'The Askel Pass is the only year-round road between the Calvane region and the lowlands to the north, through a tunnel built in the 1960s.',
    'Herrevan, a republic of about 400,000 people, has long allowed travellers from the region to transit without visas, an arrangement it ended in {began}.',
    'The upper road, a mule track above the tunnel, climbs to 2,900 metres and is usually closed by snow from December to April.',
    'Most of those crossing come from Tolvane and the Kaldoran north, but the share from inland Tamrhat has grown with the drought.',
    'Lorn, a town of 60,000 people, has absorbed much of the pressure, with shelters, informal rentals and a transit office that opens at seven each morning.',
    'The Basin Council has no common rules on migration; each member sets its own, which in practice means that Herrevan sets them for everyone.',
    'The Calvane Rights Observatory has monitored the pass since the visa rules changed, publishing [monthly reports](/observatory/askel-reports) based on interviews in Lorn.',
  ],
  recent: [
    'On {day}, Herrevani police said they had rescued {eleven|fourteen|seventeen} people from the upper road after an early snowfall.',
    'The transit office in {place} approved {20-35} percent of applications in {lastMonth}, according to figures released by the interior ministry.',
    'Gunnar Strell announced plans for a second checkpoint on the upper road, which the Observatory warned would push people onto even more dangerous paths.',
    'Kaldora’s foreign ministry asked Herrevan to exempt people with family in the north from the visa requirement, so far without success.',
    'The Askel Shelter opened a second building in a former school, doubling its capacity for the winter.',
    'A Herrevani court ruled {last week|this month} that people turned back on the upper road must be given written reasons, a decision the ministry said it would appeal.',
    'Riverstone Relief began distributing winter kits in {place}, its first programme outside Tolvane and Tamrhat.',
  ],
  stakes: [
    'Herrevan’s dilemma is real: a small country on the only road north cannot absorb a whole region’s movement on its own.',
    'The visa has not stopped people crossing; it has changed how they cross, and made it more dangerous.',
    'The court ruling matters because it turns a policy into a procedure, and procedures can be checked.',
    'People are still leaving Tolvane not because the fighting continues but because the peace has not yet produced jobs.',
    'Without shared rules, the Basin Council’s members each push the problem towards the next border.',
    'Lorn is absorbing a regional problem with a town’s resources, and its patience is a resource too.',
  ],
  next: [
    'The upper road will close with the first heavy snow, usually in December, which will push more people towards the transit office.',
    'The ministry’s appeal against the court ruling will be heard in the spring.',
    'The Basin Council is due to discuss common transit rules at its next summit, though diplomats expect little.',
    'The Observatory plans a report on conditions in Lorn’s informal rentals next {month|season}.',
  ],
  watch: [
    'The approval rate at the transit office in Lorn.',
    'Rescues and deaths on the upper road once the snow comes.',
    'The appeal against the court’s ruling on written reasons.',
    'Whether the Basin Council agrees any common transit rules.',
    'Departures from Tolvane and Dunmar, which show where the pressure is coming from.',
  ],
  shots: [
    { scene: 'mountains', alt: 'A mountain pass with a road disappearing into snow-covered slopes', caption: 'The approach to the Askel Pass above Lorn, {date}.' },
    { scene: 'crowd', alt: 'People with backpacks wait in a line outside a low building in the early morning', caption: 'Applicants queue at the transit office in Lorn, {date}.' },
    { scene: 'city', alt: 'A small mountain town of steep roofs below forested slopes', caption: 'Lorn, below the Askel Pass, {date}.' },
    { scene: 'map', alt: 'A map of a mountain border with a tunnel route and a higher mountain track marked', caption: 'The tunnel road and the upper road over the Askel Pass.' },
    { scene: 'mountains', alt: 'A narrow track climbs across a bare slope towards a ridge in cloud', caption: 'The upper road above the Askel tunnel, {date}.' },
    { scene: 'portrait', alt: 'A man in a winter coat stands in silhouette at a window', caption: 'Kerem Aydan at the Askel Shelter in Lorn, {date}.' },
  ],
  readerViews: [
    'I volunteered at the Askel Shelter two winters ago. Sixty beds and a hundred and twenty guests is, if anything, a generous count.',
    'Herrevan is being made the villain for a problem the whole Council refuses to share. That deserves more emphasis.',
    'The court ruling is the most important news here. Written reasons can be appealed; a wave of the hand cannot.',
    'Nobody mentions the bus companies, which sell tickets to Lorn knowing full well what happens next.',
  ],
  questions: [
    {
      question: 'Can people apply for the transit visa from Tolvane, or only in Lorn?',
      answer: 'Officially from both, but the office in Tolvane closed for renovation last year and has not reopened, so in practice only Lorn.',
    },
    {
      question: 'Is the tunnel road itself open at night?',
      answer: 'Yes, for vehicles, but the border post at the northern end processes transit passengers only in daytime.',
    },
  ],
};
