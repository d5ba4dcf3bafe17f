import type { StoryLine } from './story-types.js';

/** Kaldora’s currency crisis and the debt behind it. */
export const SORIN: StoryLine = {
  id: 'sorin',
  primaryTopics: ['sorin-and-debt', 'ines-maro', 'economy'],
  extraTopics: ['kaldora', 'marenth', 'civic-renewal-party', 'ines-maro'],
  tags: ['inflation', 'budget', 'investment'],
  authors: ['mariam-castell'],
  beganMonthsAgo: 16,
  tokens: {
    subject: 'the slide of the sorin',
    topic: 'the currency crisis',
    actor: 'the finance ministry',
    actorShort: 'the ministry',
    counterpart: 'Kaldora’s foreign lenders',
    place: 'Marenth',
    country: 'Kaldora',
    adj: 'Kaldoran',
    affected: 'households living on sorin wages',
    stake: 'who will bear the cost of stabilising the sorin',
    origin: 'the Bank of Kaldora gave up defending the sorin’s peg to the Orsenian ducat',
    mediator: 'the Basin Development Fund',
  },
  people: [
    {
      name: 'Ines Maro', short: 'Maro', pronoun: 'she',
      role: 'Kaldora’s finance minister',
      quotes: [
        'There is no painless way to pay for a war after it ends. There are only honest and dishonest ways.',
        'We will not print our way out of this. We tried that once, and the pensioners remember it.',
        'The lenders need us to recover more than we need them to be generous. That is our leverage, and we intend to use it.',
      ],
    },
    {
      name: 'Tomas Albe', short: 'Albe', pronoun: 'he',
      role: 'chief economist at Marenth Commercial Bank',
      quotes: [
        'The sorin is not collapsing. It is being repriced, which feels the same if you are buying medicine.',
        'Markets can live with bad news. What they punish is a government that changes its story every month.',
      ],
    },
    {
      name: 'Emil Varnholt', short: 'Varnholt', pronoun: 'he',
      role: 'governor of the Bank of Kaldora',
      quotes: [
        'Our job is to make the sorin boring again. It will take longer than anyone would like.',
        'Reserves are adequate. Adequate is not a word I enjoy using, but it is the accurate one.',
      ],
    },
    {
      name: 'Zora Denik', short: 'Denik', pronoun: 'she',
      role: 'a pharmacist in central Marenth',
      quotes: [
        'I change the prices on the shelves every Monday now. Some customers ask me to write the old price underneath, so they can be angry at the right number.',
        'Imported insulin costs three times what it did. The pension has not tripled.',
      ],
    },
  ],
  titles: [
    'The sorin’s long slide, and why the floor keeps moving',
    'Ines Maro’s balancing act between lenders and pensioners',
    'Inflation reaches the pharmacy shelf in Marenth',
    'What the Basin Development Fund wants in return for its loan',
    'Kaldora’s reserves are adequate. That is the problem',
    'A war paid for twice: the debt behind the currency crisis',
    'Why a strong sorin might not be the goal any more',
    'The central bank’s new rulebook, explained',
  ],
  deks: [
    'The currency has lost a third of its value since the peg went. The government says the worst is over.',
    'Kaldora is negotiating with its lenders while trying not to anger voters. It cannot fully do both.',
    'Prices for imported goods have risen fastest, and imports are most of what Kaldorans buy.',
    '{Elapsed} after the peg was abandoned, the argument has shifted from whether to devalue to who pays.',
  ],
  ledes: [
    'The sorin closed at {44-52} to the Orsenian ducat on {day}, a fresh low, and the finance ministry in {place} issued its now familiar statement: the fundamentals are sound, the movement is technical, and the plan is on track.',
    'Since {origin} in {began}, {subject} has been the one economic story every {adj} household follows. Prices in the shops have become a weekly bulletin on how it is going.',
    'Ines Maro arrived in Belcastro on {day} with a {thirty|forty}-page plan and a problem: {counterpart} want spending cuts before the election, and her party wants them after it.',
    'Walk into any pharmacy in {place} and you can read {topic} off the shelves. Imported medicines carry stickers on top of stickers, and the newest ones are printed weekly.',
  ],
  background: [
    'For twelve years the sorin was pegged to the Orsenian ducat at 30 to one, a peg defended with reserves that the war steadily drained.',
    'Kaldora’s public debt rose from 48 percent of national income before the war to about 91 percent at the time of the truce.',
    'About two-thirds of the debt is held abroad, much of it by Orsenian banks and the Basin Development Fund.',
    'The country imports most of its fuel, a large share of its food and nearly all of its medicines, so a weaker sorin reaches households quickly.',
    'The Bank of Kaldora was made formally independent only nine years ago, and its governors have a history of resigning under pressure.',
    'Remittances from Kaldorans working in Orsenia and Ilvara are worth about seven percent of national income, and rise when the sorin falls.',
    'The stabilisation plan that Ines Maro presented last year combines a managed float, a freeze on public-sector hiring and a new tax on bank profits.',
  ],
  recent: [
    'Annual inflation reached {14-19} percent in {lastMonth}, driven by fuel and imported food, according to the national statistics office.',
    'On {day}, the Bank of Kaldora raised its main rate by {a full point|one and a half points|two points}, its {third|fourth} increase this year.',
    'The Basin Development Fund has asked for a timetable for ending fuel subsidies as a condition of its next loan tranche.',
    'Ines Maro told parliament that the fuel subsidy would be phased out “gradually, and not before the harvest”.',
    'Marenth Commercial Bank has begun offering deposits in ducats to retail customers, a move the central bank has quietly asked other banks not to copy.',
    'The government published a [debt sustainability analysis](/finance-ministry/debt-analysis) showing the debt ratio falling below 80 percent within five years, on assumptions that most economists call optimistic.',
    'Pensioners’ associations staged a sit-in outside the finance ministry, demanding that pensions be indexed monthly rather than once a year.',
  ],
  stakes: [
    'The economics of stabilisation are well understood; the politics, in an election year, are not.',
    'A weaker sorin helps exporters and the port, but most Kaldorans experience it as a pay cut they did not vote for.',
    'The lenders have leverage, but so does Kaldora: a default by the largest economy on the Calvane Sea would hurt Orsenian banks first.',
    'The danger is a loop in which each fall of the sorin raises prices, each rise in prices raises demands for subsidies, and each subsidy weakens the sorin again.',
    'Ines Maro’s credibility is the plan’s main asset. If she is replaced after the election, markets will price the plan as if it had been replaced too.',
    'The war’s cost did not end with the truce; it moved from the battlefield to the budget.',
  ],
  next: [
    'The Basin Development Fund’s board meets next month to decide on the next tranche.',
    'The budget for next year must pass the National Chamber before the end of {nextMonth|the year}.',
    'The central bank publishes its next inflation report in six weeks.',
    'Fuel subsidy reform is expected to be announced after the harvest, whatever the result of the election.',
  ],
  watch: [
    'The sorin’s rate against the ducat, and whether the central bank intervenes.',
    'The Fund’s decision on the next loan tranche.',
    'Monthly inflation for food and medicines, which hurt poorer households most.',
    'Any change of finance minister after the election.',
    'Deposit flows from sorins into ducats at the big banks.',
  ],
  shots: [
    { scene: 'city', alt: 'Office towers and older stone buildings in a city centre under a grey sky', caption: 'The banking district in central Marenth, {date}.' },
    { scene: 'crowd', alt: 'A queue of people stands along a pavement outside a row of shops', caption: 'Pensioners queue outside a bank in Marenth, {date}.' },
    { scene: 'parliament', alt: 'A long stone government building with tall windows and a flag on its roof', caption: 'The finance ministry in Marenth, {date}.' },
    { scene: 'portrait', alt: 'A woman with short hair seen in silhouette against a bright window', caption: 'Ines Maro, Kaldora’s finance minister, {date}.' },
    { scene: 'harbour', alt: 'Tankers moored at a fuel terminal in a harbour at dawn', caption: 'Fuel imports arriving at Sabriq, {date}.' },
  ],
  readerViews: [
    'My mother’s pension is indexed once a year, in January. By December it buys about two-thirds of what it did. Monthly indexing is not a luxury.',
    'Good piece, but the bank profits tax deserves more attention. It is the only part of the plan that asks anything of the people who did well out of the war.',
    'The point about Maro’s credibility is spot on. Change the minister and you change the plan, whatever the documents say.',
    'Exporters are doing fine. Nobody interviews them because it does not fit the story.',
  ],
  questions: [
    {
      question: 'What exactly is the Basin Development Fund? Is it part of the Council?',
      answer: 'It is a separate lender owned by the five Council states, with Orsenia as the largest shareholder. It shares a building with the Council but not a board.',
    },
    {
      question: 'Why not simply restore the peg at a lower rate?',
      answer: 'Because a new peg needs reserves to defend it, and the reserves are what ran out. The central bank says it wants a few quiet months first.',
    },
  ],
};
