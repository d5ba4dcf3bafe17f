import type { LongAnalysis } from './long-types.js';

export const LONG_SQUEEZE: LongAnalysis = {
  title: 'Gas, water and a falling currency: the squeeze on the Calvane economies',
  dek: 'Kaldora’s sorin, Tamrhat’s pipeline and the drought on the southern shore are usually treated as separate stories. They are one story about money, scarcity and trust, and the choices it leaves.',
  primaryTopic: 'energy',
  topics: ['sorin-and-debt', 'drought', 'tamrhat-national-energy'],
  tags: ['gas', 'inflation', 'drought', 'long-read', 'investment'],
  authors: ['mariam-castell', 'leila-brandt'],
  ageDays: 230,
  intro: [
    'In a pharmacy in central Marenth, the price stickers on imported medicines are changed every Monday. Six hundred kilometres to the south, in the date groves of Dunmar, farmers are switching off diesel pumps they can no longer afford to run. Between the two, survey stakes mark the route of a gas pipeline that does not yet exist, across a plain where herders worry more about their wells than about gas.',
    'These look like three separate stories, and they are usually reported that way. This essay argues that they are one: a story about how the Calvane economies pay for what they need, who bears the cost when the money runs short, and why the region’s most promising project depends on the trust that its crises keep eroding.',
  ],
  sections: [
    {
      heading: 'Three crises, one balance sheet',
      story: 'sorin',
      paragraphs: [
        'Start with the basic arithmetic. Kaldora imports most of its fuel, much of its food and nearly all of its medicines, and pays for them with a currency that has lost about a third of its value since its peg was abandoned. Tamrhat sells gas by ship at prices set in distant markets and spends a growing share of the proceeds on water. Orsenia, the richest of the three, lends to the others through its banks and through the Basin Development Fund, and worries about being repaid.',
        'Each country’s problem is another’s risk. A weaker sorin raises the cost of Tamrhati gas in Kaldora. A deeper drought raises Tamrhat’s spending and reduces what it can invest in the pipeline. A Kaldoran default would fall first on Orsenian banks. The region is more tightly bound together than its politics suggests.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'How the sorin lost its anchor',
      story: 'sorin',
      paragraphs: [
        'The sorin’s troubles began long before the peg broke.',
      ],
      subsections: [
        {
          heading: 'The peg and the war',
          paragraphs: [
            'For twelve years the sorin was held at 30 to the Orsenian ducat, a peg that gave Kaldorans cheap imports and gave the government cheap borrowing. The war changed both. Military spending rose, tax revenue in the north disappeared and the central bank spent its reserves defending a rate that markets no longer believed. When the peg went, it went quickly: the sorin fell by a fifth in a week.',
          ],
        },
        {
          heading: 'Who holds the debt',
          paragraphs: [
            'About two-thirds of Kaldora’s public debt is owed abroad, much of it in ducats. Every fall in the sorin makes that debt heavier in sorin terms, which is why the finance ministry watches the exchange rate as closely as any household. Ines Maro’s stabilisation plan, with its managed float, its hiring freeze and its tax on bank profits, is an attempt to stop that spiral without a default.',
          ],
        },
      ],
    },
    {
      heading: 'The price of everything',
      story: 'sorin',
      paragraphs: [
        'For most Kaldorans, the currency crisis is not about reserves or debt ratios. It is about prices. Fuel, bread and medicines have risen fastest, and these are the goods that poorer households spend most of their money on. Pensions are indexed once a year; rents in the capital are not regulated at all.',
        'The politics follow the prices. Pensioners have held sit-ins outside the finance ministry, the opposition has made the cost of living the centre of its campaign, and the government faces a choice between the subsidies that voters want and the reforms that lenders demand. In an election year, that choice has mostly been postponed.',
      ],
      extras: ['quote'],
    },
    {
      heading: 'Tamrhat’s gas and the northern market',
      story: 'pipeline',
      paragraphs: [
        'Tamrhat has the opposite problem to Kaldora: it has something to sell and depends on markets it does not control. For forty years its southern fields have exported gas by ship from the terminal at Ras Kelif, at prices set by buyers on the other side of the world. In good years the revenue has paid for half of the state’s budget. In bad years it has paid for rather less.',
        'The Calvane pipeline is Tamrhat’s attempt to change that, by selling to its neighbours directly, on long contracts, at prices agreed in advance. For Orsenia and Kaldora, it would mean cheaper gas and more secure supply. For Tamrhat, it would mean steadier revenue. On paper, everyone gains.',
      ],
    },
    {
      heading: 'The pipeline’s missing signature',
      story: 'pipeline',
      paragraphs: [
        'The difficulty is that everyone gains only if everyone signs, and nobody wants to sign first. Orsenia’s utilities value the flexibility of buying by ship and are wary of depending on a single supplier. Lenders, including the Basin Development Fund, will not commit until buyers have signed. Without lenders, the pipeline cannot be built, and without a pipeline the buyers have nothing to sign for.',
      ],
      subsections: [
        {
          heading: 'Transit fees',
          paragraphs: [
            'Kaldora’s position adds another layer. The branch to Sabriq would give it transit fees and cheaper fuel for its power stations, which currently burn imported oil paid for in weakening sorins. But Marenth has asked for fees roughly double what TNEC has offered, hoping to ease its budget problems. It is an understandable demand from a government short of money. It also makes the project less attractive to everyone else.',
          ],
        },
      ],
      extras: ['pull'],
    },
    {
      heading: 'Water is the binding constraint',
      story: 'drought',
      paragraphs: [
        'Economists tend to treat water as a local problem, but on the southern shore it shapes everything else. The drought, now in its third year, has cut harvests, raised food imports and forced the Tamrhati government to spend heavily on trucking and on subsidies for pumping. Every sorin or ducat spent on water is one not spent on the pipeline or on paying down debt.',
        'The drought also touches the pipeline directly. Its route crosses the Ourzan plain, where herders depend on wells that the construction camps and compressor stations would also use. The independent review of the project’s water use, demanded by Orsenia’s largest utility, may turn out to matter more to the pipeline’s future than the price of gas.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'The oasis economy',
      story: 'drought',
      paragraphs: [
        'Dunmar shows what is at stake. The oasis has some 1.3 million date palms and an economy that has depended for generations on the aquifer beneath it. Diesel pumps, made cheap by fuel subsidies, allowed farmers to follow the water table down. Now the water table is falling faster than the pumps can follow, and the subsidies that made pumping cheap are under review.',
        'The government’s answer, a scheme to replace diesel pumps with solar ones, illustrates the dilemma. It will cut farmers’ costs, which is good for incomes, and make pumping even cheaper, which is bad for the aquifer. Without rules on how much each well may draw, cheaper energy simply means faster depletion.',
      ],
      extras: ['quote'],
    },
    {
      heading: 'Lenders, conditions and elections',
      story: 'sorin',
      paragraphs: [
        'The Basin Development Fund sits at the centre of this web. It lends to Kaldora, it could lend to the pipeline and it has financed water projects in Tamrhat. Its conditions, especially on fuel subsidies, cut across all three crises at once: ending subsidies would help Kaldora’s budget and the sorin, raise the cost of pumping in Dunmar and change the economics of the power stations that would burn pipeline gas.',
        'Those conditions arrive in the middle of an election campaign in Kaldora, which means that economic choices are being made, or avoided, for political reasons. That is not unusual. It does mean that the most important decisions are likely to be taken after the vote, by whichever government emerges.',
        'Lenders, for their part, face a dilemma of their own. Conditions that are too strict risk a political backlash that produces a government less willing to repay; conditions that are too loose risk lending good money after bad. The Fund’s officials say privately that they would rather wait for a new government with a fresh mandate than extract promises from one fighting for its life.',
      ],
    },
    {
      heading: 'Could the pipeline pay for the drought?',
      story: 'pipeline',
      paragraphs: [
        'There is an optimistic version of this story, and it deserves a hearing. If the pipeline were built, Tamrhat would have steadier revenues to invest in water; Kaldora would have cheaper fuel and transit income to steady its budget; Orsenia would have secure supply and a more stable neighbourhood. A project that depends on cooperation could, if completed, make further cooperation easier.',
        'The pessimistic version is just as coherent. The pipeline would take years to build, the drought and the currency crisis are happening now, and the trust needed to sign twenty-year contracts is exactly what those crises erode. Projects of this kind often wait for a political moment that never quite arrives.',
      ],
      extras: ['list'],
    },
    {
      heading: 'What would have to go right',
      story: 'drought',
      paragraphs: [
        'For the optimistic version to prevail, several things would need to happen at roughly the same time, and in the right order.',
      ],
      subsections: [
        {
          heading: 'For Kaldora',
          paragraphs: [
            'Kaldora would need a government with a credible plan for the sorin after the election, a deal with its lenders that phases out subsidies without a social explosion and a realistic position on transit fees. None of these is impossible. All of them require a degree of political consensus that the campaign has not so far produced.',
          ],
        },
        {
          heading: 'For Tamrhat',
          paragraphs: [
            'Tamrhat would need to show that the pipeline can be built without draining the wells of the Ourzan plain, agree rules for pumping in Dunmar that farmers accept as fair, and sign at least one buyer. The water review and the compensation fund for herders are the first tests. How the government handles them will tell its neighbours a great deal about whether it can be a reliable partner for twenty years.',
          ],
        },
      ],
    },
  ],
};
