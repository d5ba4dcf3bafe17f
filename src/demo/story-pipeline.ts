import type { StoryLine } from './story-types.js';

/** Tamrhat’s plan to pipe its southern gas north, and the company behind it. */
export const PIPELINE: StoryLine = {
  id: 'pipeline',
  primaryTopics: ['tamrhat-national-energy', 'energy', 'tamrhat'],
  extraTopics: ['orsenia', 'kaldora', 'economy', 'drought'],
  tags: ['gas', 'infrastructure', 'investment'],
  authors: ['leila-brandt', 'mariam-castell'],
  beganMonthsAgo: 26,
  tokens: {
    subject: 'the Calvane gas pipeline',
    topic: 'the pipeline',
    actor: 'the Tamrhat National Energy Company',
    actorShort: 'TNEC',
    counterpart: 'the Orsenian utilities that would buy the gas',
    place: 'Qasr Enna',
    country: 'Tamrhat',
    adj: 'Tamrhati',
    affected: 'herders and farmers along the route',
    stake: 'who will pay for the pipeline and who will control the gas it carries',
    origin: 'TNEC announced a 1,100-kilometre pipeline to carry southern gas north to Orsenia and Kaldora',
    mediator: 'the Basin Development Fund',
  },
  people: [
    {
      name: 'Karim Oussadi', short: 'Oussadi', pronoun: 'he',
      role: 'chief executive of the Tamrhat National Energy Company',
      quotes: [
        'The gas is there, the buyers are there, and the route is shorter than any alternative. The only thing missing is a signature.',
        'We are not asking anyone for charity. We are offering the north twenty years of secure supply at a fair price.',
      ],
    },
    {
      name: 'Yusra Khaldane', short: 'Khaldane', pronoun: 'she',
      role: 'Tamrhat’s energy minister',
      quotes: [
        'Tamrhat has sold its gas by ship for forty years, at prices set by other people. The pipeline is about choosing our own customers.',
        'Every kilometre of the route has been surveyed twice. The herders were consulted, and they will be compensated.',
      ],
    },
    {
      name: 'Oren Castellan', short: 'Castellan', pronoun: 'he',
      role: 'an energy analyst at the Institute for Basin Studies',
      quotes: [
        'A pipeline is a marriage, not a sale. Once it is built, both sides are stuck with each other, and the buyers know it.',
        'The numbers work at today’s prices. The question is whether anyone will sign a twenty-year contract on the strength of today’s prices.',
      ],
    },
    {
      name: 'Miriam Tazi', short: 'Tazi', pronoun: 'she',
      role: 'head of a herders’ cooperative on the Ourzan plain',
      quotes: [
        'They showed us a map with a line on it. The line goes through our wells. Nobody asked where the wells were before they drew it.',
        'Compensation is paid once. Water is needed every day.',
      ],
    },
  ],
  titles: [
    'Tamrhat’s pipeline dream meets the arithmetic of twenty-year contracts',
    'On the Ourzan plain, the pipeline route runs through the wells',
    'TNEC’s chief makes his pitch in Belcastro',
    'Why Orsenia is hesitating over Tamrhati gas',
    'The Calvane pipeline and the politics of the route',
    'Gas, water and debt: what the pipeline would cost Tamrhat',
    'Kaldora wants a cut of the transit fees before it signs',
    'The pipeline’s financing gap, explained',
  ],
  deks: [
    'The gas is real and the demand is real. The money, and the trust, are harder to find.',
    'Tamrhat wants to stop selling gas by ship at other people’s prices. Its neighbours are not sure they want to depend on it.',
    'A 1,100-kilometre project has become a test of whether the Calvane states can build anything together.',
    '{Elapsed} after the pipeline was announced, the route is surveyed, the first section is tendered and the buyers have not signed.',
  ],
  ledes: [
    'The survey stakes run across the Ourzan plain in a straight line, one every hundred metres, orange paint already fading in the sun. They mark the route of {subject}, and they pass within a stone’s throw of {three|four|five} of the plain’s oldest wells.',
    'When {origin} in {began}, the announcement came with a map, a price tag and a promise of first gas within five years. {Elapsed} later, the map has changed twice and the price tag once.',
    '{Actor} opened bidding for the first 300-kilometre section of {topic} on {day}, inviting tenders from builders in four countries. It is the first concrete step in a project that has so far existed mostly in presentations.',
    'Karim Oussadi has given the same presentation in Belcastro, {place} and Marenth so often that diplomats can recite the slides. On {day} he added a new one, showing the price at which Tamrhati gas would undercut shipped cargoes.',
  ],
  background: [
    'Tamrhat’s southern fields hold proven reserves of about 1.9 trillion cubic metres of gas, most of which is exported as liquefied gas from the terminal at Ras Kelif.',
    'The pipeline would run 1,100 kilometres from the southern fields to the Orsenian coast, with a branch to Sabriq, at an estimated cost of 9.4 billion ducats.',
    'TNEC is wholly owned by the Tamrhati state and provides roughly half of the government’s revenue.',
    'The route crosses the Ourzan plain, where about 40,000 people live from herding and small-scale farming around wells that date back centuries.',
    'Orsenia buys most of its gas by ship today, from several suppliers, and its utilities value that flexibility.',
    'Kaldora would receive transit fees for the Sabriq branch and cheaper gas for its power stations, which currently burn imported fuel oil.',
    'The Basin Development Fund has said it could lend up to a quarter of the cost, provided the buyers sign long-term contracts first.',
  ],
  recent: [
    'On {day}, TNEC said it had received {five|six|seven} bids for the first section, more than it expected.',
    'Orsenia’s largest utility said it would decide on a supply contract only after an independent review of the project’s water use.',
    'Kaldora’s energy ministry has asked for transit fees of 1.2 ducats per thousand cubic metres, roughly double what TNEC has offered.',
    'Herders on the Ourzan plain blocked a survey convoy for two days in {lastMonth}, demanding that the route be moved away from the wells.',
    'Yusra Khaldane announced a compensation fund for families along the route, without saying how large it would be.',
    'A study by the [Institute for Basin Studies](/basin-studies/pipeline-economics) found the project profitable at current prices but loss-making if prices fell by a fifth.',
    'TNEC quietly revised the route near Dunmar to avoid the oasis’s main aquifer recharge zone.',
  ],
  stakes: [
    'The pipeline would bind the Calvane states together more tightly than any treaty, which is exactly why some of them hesitate.',
    'For Tamrhat, the project is a way out of dependence on shipping markets; for its buyers, it risks creating a new dependence on Tamrhat.',
    'The fight over the route is a fight over water, in a country where water is scarcer than gas.',
    'Financing is the real bottleneck: no lender will commit until buyers sign, and no buyer wants to sign before the price is fixed.',
    'Transit fees are a small part of the cost but a large part of the politics, because they decide who in Kaldora gains.',
    'If the project stalls, TNEC will keep selling by ship, and the region will have lost another chance to build something that needs cooperation.',
  ],
  next: [
    'TNEC expects to award the contract for the first section by the spring.',
    'The independent review of water use is due to report in {nextMonth|the new year}.',
    'Transit talks with Kaldora are scheduled to resume after the Kaldoran election.',
    'The Fund’s board will consider the project only once at least one buyer has signed.',
  ],
  watch: [
    'Whether Orsenia’s largest utility signs a supply contract.',
    'The size of the compensation fund for families on the Ourzan plain.',
    'Transit fee talks with Kaldora after its election.',
    'The water-use review, and any further changes to the route near Dunmar.',
    'Gas prices on the shipping market, which decide whether the numbers still work.',
  ],
  shots: [
    { scene: 'desert', alt: 'A line of survey stakes runs across a flat desert plain towards low hills', caption: 'Survey stakes marking the pipeline route on the Ourzan plain, {date}.' },
    { scene: 'coast', alt: 'Storage tanks and a jetty on a flat coastline at sunset', caption: 'The gas terminal at Ras Kelif on Tamrhat’s southern coast, {date}.' },
    { scene: 'map', alt: 'A map showing a pipeline route running north across a desert country to a coastline, with a branch to a port', caption: 'The planned route of the Calvane pipeline, with the branch to Sabriq.' },
    { scene: 'desert', alt: 'Dunes in late afternoon light with a line of pylons on the horizon', caption: 'Power lines crossing the desert south of Qasr Enna, {date}.' },
    { scene: 'city', alt: 'A low city of pale buildings and towers shimmering in desert heat', caption: 'Qasr Enna, Tamrhat’s capital, {date}.' },
    { scene: 'field', alt: 'Goats graze on sparse scrub near a stone well under a wide sky', caption: 'A well used by herders on the Ourzan plain, {date}.' },
  ],
  readerViews: [
    'Castellan’s line about a marriage is the whole story. Nobody in Belcastro wants to marry TNEC without a prenuptial agreement.',
    'The revision near Dunmar was announced in a footnote. Credit to the Review for spotting it.',
    'Herders have been moved for every project in the south for fifty years. I will believe the compensation fund when it pays out.',
    'The transit fee demand is Kaldora overplaying a weak hand. Without the Sabriq branch, it gets nothing.',
  ],
  questions: [
    {
      question: 'How much water would the pipeline actually use? Gas pipelines are not normally thirsty.',
      answer: 'The pipe itself uses little, but the compressor stations and the construction camps draw on local wells, which is what the review is looking at.',
    },
    {
      question: 'Is the Sabriq branch part of the 9.4 billion estimate?',
      answer: 'Yes, at about 1.1 billion. TNEC has said it could be built later if the transit talks drag on.',
    },
  ],
};
