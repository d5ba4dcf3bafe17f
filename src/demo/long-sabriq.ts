import type { LongAnalysis } from './long-types.js';

export const LONG_SABRIQ: LongAnalysis = {
  title: 'Who runs Sabriq? The port, the Brigades and the fight for Kaldora’s second city',
  dek: 'A dispute over a terminal lease has become a contest over who governs the waterfront: the state, the union, a militia born on its picket lines, or the voters who will choose the next government.',
  primaryTopic: 'harbour-brigades',
  topics: ['sabriq', 'sabriq-port-strike', 'kaldoran-election'],
  tags: ['labour', 'shipping', 'elections', 'long-read', 'corruption'],
  authors: ['ayo-mensah', 'rosalind-hale'],
  ageDays: 150,
  intro: [
    'At five in the morning, before the heat, the old quay in Sabriq used to be the loudest place in Kaldora: lorries reversing, cranes whining, foremen calling out the day’s register. Since the strike began, the quay is quiet at five, and loud only at noon, when the Harbour Brigades’ escort lorries start their runs to the coast road and the traders who pay for them argue about the price.',
    'That shift, from a port run by its workers and its authority to a port where a militia sells passage, is the subject of this essay. It is about a strike, but not only about a strike. It is about how power works on the waterfront of Kaldora’s second city, how it has changed over fifty years, and what the election will decide about who holds it next.',
  ],
  sections: [
    {
      heading: 'A city built around a quay',
      story: 'port',
      paragraphs: [
        'Sabriq exists because of its harbour. The old town grew up around the fishing quay, the new town around the container terminal, and the neighbourhoods in between around the warehouses, chandleries and cafés that serve them. Roughly one household in five in the city has a member who works in or for the port, and many more depend on the trade it brings.',
        'That dependence has made the port the centre of the city’s politics. Mayors are elected on promises about the docks; governments in Marenth appoint port directors with an eye on Sabriq’s votes. When the port stops, the city stops, and for {elapsed} it has been stopping.',
        'It shows in small ways. The cafés on the old quay open later now, because there is no early shift to feed. The chandleries have cut their hours. Taxi drivers who used to wait at the container gate have moved to the railway station, where the fares are smaller but at least there are fares. Nobody in the city is untouched, and almost everybody has an opinion about who is to blame.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'The register',
      story: 'port',
      paragraphs: [
        'To understand the strike, one has to understand the register, the list of dockers entitled to work on the quay, kept by the union and honoured by the port authority for half a century.',
      ],
      subsections: [
        {
          heading: 'How a job passes down',
          paragraphs: [
            'Places on the register pass, in practice, from parent to child. A docker’s son or daughter is first in line for a vacancy, then a nephew or niece, then someone from the same street. The system is closed, and its critics call it a hereditary privilege. Its defenders call it the reason dockers in Sabriq have decent wages, pensions and a say in how the port is run. Both descriptions are accurate.',
            'The concession contract with Kestrel Maritime would end the register. The new operator would hire its own workers, on its own terms, with a ten-year guarantee for those already registered. For the union, that is the real issue: not the cranes, not even the jobs, but the end of the institution that gave its members power.',
          ],
        },
      ],
      extras: ['quote'],
    },
    {
      heading: 'From picket guards to power brokers',
      story: 'port',
      paragraphs: [
        'The Harbour Brigades began as something modest: a guard formed by the union in the 1990s to protect picket lines from strike-breakers and, at times, from the police. In a decade of strikes and economic turmoil they earned a reputation for discipline, and a certain romance.',
      ],
      subsections: [
        {
          heading: 'The nineties',
          paragraphs: [
            'Older dockers still speak of the Brigades of that period with affection. They kept the peace on the quay when the state could not, escorted strikers’ families through hostile crowds and, on at least one occasion, stopped a riot. Their commanders were dockers themselves, and answered to the union.',
          ],
        },
        {
          heading: 'The escort trade',
          paragraphs: [
            'That changed as the port grew and the union’s control of the Brigades weakened. Escort work for trucking firms became a business, and from there it was a short step to charging for protection, and to smuggling. Today the Brigades answer to their commander, Marco Dessel, more than to any union committee. The strike has made them indispensable: with the quay closed, they are the only people who can move goods from the old quay to the city.',
          ],
        },
      ],
      extras: ['pull'],
    },
    {
      heading: 'The concession',
      story: 'port',
      paragraphs: [
        'The government’s case for the concession is straightforward. The container terminal is old, the channel is too shallow for the largest ships and the state cannot afford to fix either. Kestrel Maritime has promised new cranes and a dredged channel in exchange for thirty years of revenue. Without such investment, officials argue, Sabriq will lose its trade to better-equipped ports anyway.',
        'The union’s case is that the contract was negotiated in secret, signed without consultation and designed to break the register. The secrecy is not in dispute: the employment annex of the published contract is almost entirely blacked out. The rest is a matter of interpretation, and the strike is the form that interpretation has taken.',
        'There is a third view, heard quietly among shipping agents and some port officials: that both sides are right about the other. The terminal does need investment the state cannot provide, and the contract was written to make the register disappear without anyone having to say so. A better contract was possible. Whether one is still possible, after months of strike, is the question that hangs over every meeting at the port authority.',
      ],
    },
    {
      heading: 'Ships that do not come back',
      story: 'port',
      paragraphs: [
        'Every week of the strike, the queue of ships off Sabriq grows and some of them give up and sail for Port Cassel in Ilvara. The shipping lines that have already moved their Calvane services say the move is temporary. Port officials fear otherwise: once a line has set up its schedules and its agents elsewhere, it rarely returns.',
        'The cost is not only the port’s. Imports through Ilvara take longer and cost more, and the extra cost is passed on to Kaldoran consumers already struggling with a weak sorin. The strike is, in this sense, a tax on the whole country, collected by nobody.',
        'Ilvara, for its part, has been careful not to gloat. Its port was not built for the extra traffic, and its officials know that Kaldoran goodwill matters for the Council votes they care about, from fishing quotas to the monitoring budget. But its shipping agents have been busy, and the contracts they are signing now run for years, not weeks.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'The waterfront vote',
      story: 'election',
      paragraphs: [
        'The strike would be politically important at any time. In an election year it has become central. Half of the twelve marginal districts that will decide the election lie on the coast around Sabriq, and the waterfront neighbourhoods are among the best organised in the country.',
        'The National Accord has made the port its defining issue, promising to review the concession and publish every contract the state signs. Its leader, Alma Reyhan, represented the dockers as a lawyer before she entered politics, and held the Accord’s biggest rally of the campaign on the old quay.',
      ],
      extras: ['quote'],
    },
    {
      heading: 'Renewal’s Sabriq problem',
      story: 'election',
      paragraphs: [
        'For the Civic Renewal Party, Sabriq is a problem it cannot solve without creating another. Backing down on the concession would look like weakness and would anger the investors the government has courted. Standing firm risks losing the coastal seats that gave it its majority last time.',
        'The party’s difficulties have been compounded by revelations about loans it received from companies linked to the concession, and by the decision of two of its Sabriq deputies not to stand again. Renewal insists that the loans were legal and repaid. In Sabriq, few voters seem interested in the distinction.',
      ],
    },
    {
      heading: 'The Accord’s promise, and its risk',
      story: 'election',
      paragraphs: [
        'An Accord government would inherit the same port, the same contract and the same shortage of money. Reviewing the concession is easy to promise; cancelling it would invite legal claims from Kestrel Maritime, and renegotiating it would require concessions from a union that has invested heavily in the Accord’s victory.',
        'There is also the question of the Brigades. The Accord draws strength from the waterfront, and the Brigades are part of the waterfront. Confronting them would cost it allies; ignoring them would confirm its opponents’ claim that it is soft on the people who now run the quay.',
      ],
      extras: ['list'],
    },
    {
      heading: 'What the strike costs the rest of Kaldora',
      story: 'sorin',
      paragraphs: [
        'Outside Sabriq, the strike shows up in prices. Imported food reaches Marenth later and costs more; fuel deliveries have been disrupted; exporters have struggled to ship their goods. The finance ministry estimates the cost to the economy in the tens of millions of sorins a week, a figure that is hard to verify but easy to believe.',
        'Those costs fall hardest on the households already squeezed by inflation, which is why the strike, for all the sympathy the dockers enjoy, is becoming less popular outside the city. Both sides in the dispute know that public patience is finite, and both are counting on the other’s running out first.',
        'The finance ministry has its own reasons to want the dispute over. Customs duties collected at Sabriq are one of the state’s most reliable sources of revenue, paid in hard currency by importers, and they have fallen sharply since the quay closed. Every week of the strike widens a budget gap that the ministry has promised its lenders to narrow.',
      ],
    },
    {
      heading: 'Who will run Sabriq in five years?',
      story: 'port',
      paragraphs: [
        'It is possible to imagine a settlement that gives something to everyone: a concession rewritten in public, a register reformed rather than abolished, a new operator bound by a guarantee that covers the next generation of dockers as well as this one. Such a deal would need a government with the authority to sell it and a union with the confidence to accept it.',
      ],
      subsections: [
        {
          heading: 'The Brigades’ future',
          paragraphs: [
            'What no settlement on the quay can easily address is the Brigades. They have grown in the space left by the strike, and they will not simply disappear when it ends. A future government will have to decide whether to absorb them, buy them out or confront them. Each choice carries risks, and each will shape who really runs Sabriq long after the cranes start moving again.',
          ],
        },
      ],
      extras: ['quote'],
    },
  ],
};
