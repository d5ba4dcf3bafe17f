import type { StoryLine } from './story-types.js';

/** The drought on the southern shore, seen from the Dunmar oasis. */
export const DROUGHT: StoryLine = {
  id: 'drought',
  primaryTopics: ['drought', 'dunmar', 'water-and-climate'],
  extraTopics: ['tamrhat', 'riverstone-relief', 'calvane-basin-council', 'migration'],
  tags: ['drought', 'agriculture', 'aid', 'displacement'],
  authors: ['leila-brandt'],
  beganMonthsAgo: 30,
  tokens: {
    subject: 'the drought on the southern shore',
    topic: 'the drought',
    actor: 'the Joint Calvane Water Commission',
    actorShort: 'the water commission',
    counterpart: 'the government in Qasr Enna',
    place: 'Dunmar',
    country: 'Tamrhat',
    adj: 'Tamrhati',
    affected: 'date farmers in the oasis',
    stake: 'how much water the oasis can draw from an aquifer that is no longer refilling',
    origin: 'the winter rains failed for the third year running',
    mediator: 'Riverstone Relief',
  },
  people: [
    {
      name: 'Amara Keto', short: 'Keto', pronoun: 'she',
      role: 'country director of Riverstone Relief in Tamrhat',
      quotes: [
        'We can truck water into Dunmar for a year, perhaps two. We cannot truck in an aquifer.',
        'The families leaving now are not the poorest. The poorest cannot afford to leave.',
      ],
    },
    {
      name: 'Salem Ourad', short: 'Ourad', pronoun: 'he',
      role: 'a date farmer whose family has worked the same grove for five generations',
      quotes: [
        'My grandfather dug the well to eight metres. My father went to twenty. I am at sixty-two, and the pump is older than my son.',
        'A date palm takes seven years to bear fruit. You do not plant one unless you believe you will still be here.',
      ],
    },
    {
      name: 'Ana Dahl', short: 'Dahl', pronoun: 'she',
      role: 'a hydrologist with the Joint Calvane Water Commission',
      quotes: [
        'The aquifer under Dunmar is ancient water. Most of it fell as rain thousands of years ago. When we pump it, we are spending savings, not income.',
        'Three dry winters in a row is unusual. Three dry winters in a row, twice in fifteen years, is a pattern.',
      ],
    },
    {
      name: 'Rafiq Samaan', short: 'Samaan', pronoun: 'he',
      role: 'governor of Dunmar province',
      quotes: [
        'We are asking farmers to use less water while telling them we understand their situation. Both things are true, and neither is comfortable.',
        'The oasis has survived worse. It survived because people shared. That is the policy.',
      ],
    },
  ],
  titles: [
    'Dunmar’s wells go deeper as the drought enters its third year',
    'The oasis that is spending its savings',
    'Water trucks, quotas and the quiet exodus from Dunmar',
    'What the water commission’s aquifer survey found',
    'In the date groves, a harvest that nobody wanted to count',
    'Riverstone’s water lifeline and its limits',
    'Tamrhat’s drought is becoming a regional question',
    'Why Dunmar’s farmers are switching off their pumps',
  ],
  deks: [
    'Three failed winters have left the oasis dependent on water that fell as rain thousands of years ago.',
    'The government wants farmers to pump less. The farmers want to know how they will live on less.',
    'The drought is no longer an emergency. It is becoming the climate, and the oasis is adapting at a cost.',
    '{Elapsed} after the rains first failed, aid agencies are planning for years, not months.',
  ],
  ledes: [
    'Salem Ourad’s well in {place} is now {58-66} metres deep. His grandfather dug it by hand to eight. Between those two numbers lies the history of {subject}, and of an oasis that has started to spend water it cannot replace.',
    'Since {origin} in {began}, the date groves of {place} have been living on the aquifer. The water commission’s latest survey, published on {day}, suggests the aquifer cannot carry them much longer.',
    'The water trucks reach the eastern quarter of {place} at six every morning, {three|four|five} of them, painted in Riverstone Relief’s green. By eight, the queue has gone and so has the water.',
    '{Topic} has a sound in {place}: the whine of diesel pumps running through the night, pulling water from ever deeper wells. This {month|season}, for the first time, some of them have gone quiet.',
  ],
  background: [
    'Dunmar is home to about 210,000 people and some 1.3 million date palms, fed by an aquifer that stretches under the desert towards the Orsenian border.',
    'Rainfall across the southern shore has been below average in six of the past ten winters, according to the Joint Calvane Water Commission.',
    'The commission, set up by the Basin Council in the 1980s, monitors shared rivers and aquifers but has no power to set quotas.',
    'Much of the aquifer’s water is fossil water, recharged during wetter periods thousands of years ago and replenished only slowly today.',
    'Diesel pumps became common in the oasis in the 1990s, when fuel subsidies made it cheap to pump from depth.',
    'Tamrhat’s government introduced metering for large wells two years ago, but most family wells remain unmetered.',
    'Riverstone Relief has worked in the oasis since the previous drought, running water trucking and repairing the old channels that carry water between groves.',
  ],
  recent: [
    'The water commission’s survey, released on {day}, found the water table under Dunmar falling by about {a metre|one and a half metres|two metres} a year.',
    'The provincial government has introduced pumping hours, restricting large wells to night-time use between ten in the evening and six in the morning.',
    'Riverstone Relief has doubled its trucking programme to reach {9000-14000/500} people a day in the eastern quarter.',
    'Date exports from the oasis fell by {a quarter|a third|nearly forty percent} last season, according to the growers’ association.',
    'Several hundred families have moved from Dunmar to the outskirts of Qasr Enna this year, according to [a survey by Riverstone](/riverstone/dunmar-movement).',
    'The government announced a scheme to replace diesel pumps with solar ones, which farmers welcomed but which will make pumping cheaper, not rarer.',
    'Rafiq Samaan met the water commission in Belcastro {last week|this month} to ask for help in mapping the aquifer’s recharge zones.',
  ],
  stakes: [
    'The drought is turning a question of weather into a question of rules: who may pump, how much, and who checks.',
    'Solar pumps solve the fuel bill and worsen the underlying problem, a trap that other oases have fallen into before.',
    'Water trucking buys time; it does not buy a future for the groves, which need far more water than any convoy can bring.',
    'The families leaving Dunmar are the first sign that a local shortage is becoming a national movement of people.',
    'Because the aquifer crosses borders, every well deepened in Dunmar is a decision that affects Orsenia too, whether or not anyone says so.',
    'The commission knows more about the aquifer than anyone, and can do less about it than almost anyone.',
  ],
  next: [
    'The next winter rains, or their absence, will decide whether pumping hours become permanent.',
    'The water commission will present proposals for shared aquifer rules to the Basin Council at its next summit.',
    'Riverstone Relief’s funding for trucking runs out in the spring unless donors renew it.',
    'The solar pump scheme is due to start in the western groves next {month|season}.',
  ],
  watch: [
    'Winter rainfall totals across the southern shore.',
    'Whether pumping hours are enforced, and on whom.',
    'Donor funding for water trucking beyond the spring.',
    'The Basin Council’s response to proposals for shared aquifer rules.',
    'Movement from the oasis to Qasr Enna and the coast.',
  ],
  shots: [
    { scene: 'desert', alt: 'Low dunes and scrub under a hazy white sun', caption: 'The desert edge east of Dunmar, {date}.' },
    { scene: 'field', alt: 'Rows of date palms above dry, cracked ground', caption: 'Date groves in Dunmar after a third dry winter, {date}.' },
    { scene: 'crowd', alt: 'People with plastic containers wait in line beside a water truck', caption: 'Residents queue for water in Dunmar’s eastern quarter, {date}.' },
    { scene: 'map', alt: 'A map of a desert region showing an oasis and the outline of an aquifer stretching across a border', caption: 'The Dunmar aquifer and its recharge zones, according to the water commission.' },
    { scene: 'city', alt: 'Flat-roofed houses and palm trees in an oasis town at dusk', caption: 'Dunmar’s old town at dusk, {date}.' },
    { scene: 'portrait', alt: 'A man in a headscarf stands in silhouette in front of palm trees', caption: 'Salem Ourad in his grove in Dunmar, {date}.' },
  ],
  readerViews: [
    'The line about fossil water should be taught in every school on the southern shore.',
    'My uncle switched to a solar pump last year. He now pumps all day because it costs nothing. The article is right about the trap.',
    'Pumping hours are enforced on small farmers and ignored for the big estates. Ask anyone in the western groves.',
    'Thank you for covering this without treating it as a disaster movie. People in Dunmar are adapting, and they are tired of being pitied.',
  ],
  questions: [
    {
      question: 'Does the water commission publish its well measurements, or only the summary?',
      answer: 'It publishes the readings from its monitoring wells each quarter. Private wells are not included, which is part of the problem.',
    },
    {
      question: 'Is the aquifer also used on the Orsenian side?',
      answer: 'Yes, by a handful of farming towns near the border. Orsenia has asked to join the survey, which is a good sign.',
    },
  ],
};
