/**
 * The fictional world of the demo publication: its settings, staff, topic tree and tags.
 * Every country, city, organisation and person here is invented for the project.
 */
import type { DemoAuthor, DemoSettings, DemoTag, DemoTopic, DemoTopicKind } from './demo-types.js';

export const PUBLICATION = 'The Sextant Review';

export const SETTINGS: DemoSettings = {
  title: PUBLICATION,
  description:
    'Independent analysis of politics, conflict and economics around the Calvane Sea. ' +
    'A demonstration publication: every country, person and event in it is invented.',
  language: 'en',
  timeZone: 'Europe/London',
  publisherName: 'Sextant Review Media',
};

export const AUTHORS: readonly DemoAuthor[] = [
  {
    slug: 'rosalind-hale',
    name: 'Rosalind Hale',
    email: 'rosalind.hale@example.org',
    role: 'administrator',
    bio: 'Editor-in-chief. Rosalind reported from the Calvane coast for fifteen years, first for a wire agency and then as a freelance, before founding the Review. She still edits every long read.',
  },
  {
    slug: 'tobias-wren',
    name: 'Tobias Wren',
    email: 'tobias.wren@example.org',
    role: 'editor',
    bio: 'Deputy editor for security and diplomacy. Tobias covered the war in Tolvane from its first winter and has followed the Belcastro talks since their opening session.',
  },
  {
    slug: 'mariam-castell',
    name: 'Mariam Castell',
    email: 'mariam.castell@example.org',
    role: 'editor',
    bio: 'Economics editor. Before joining the Review she spent eight years on the research desk of a Marenth bank. She writes about the sorin, public debt and the energy trade.',
  },
  {
    slug: 'jonas-petrakis',
    name: 'Jonas Petrakis',
    email: 'jonas.petrakis@example.org',
    role: 'author',
    bio: 'Northern correspondent, based in Tolvane since the ceasefire. Jonas writes about the valleys, the checkpoints and the people who cross them.',
  },
  {
    slug: 'leila-brandt',
    name: 'Leila Brandt',
    email: 'leila.brandt@example.org',
    role: 'author',
    bio: 'Covers water, climate and the Tamrhati gas industry from Qasr Enna. Trained as a hydrologist, she has spent a decade on the aquifers of the southern shore.',
  },
  {
    slug: 'ayo-mensah',
    name: 'Ayo Mensah',
    email: 'ayo.mensah@example.com',
    role: 'contributor',
    bio: 'Contributor in Sabriq, writing on the port, labour politics and the city that grew up around the docks.',
  },
];

type TopicRow = [slug: string, name: string, parentSlug: string | null, kind: DemoTopicKind, description: string, aliases?: string[]];

const TOPIC_ROWS: readonly TopicRow[] = [
  ['regions', 'Regions', null, 'place', 'The countries and cities of the Calvane Sea that the Review covers, from the northern valleys to the desert coast.'],
  ['organizations', 'Organizations', null, 'theme', 'Parties, armed groups, companies and the regional bodies that shape events around the Calvane Sea.'],
  ['people', 'People', null, 'person', 'The politicians, negotiators and commanders who appear most often in our coverage.'],
  ['issues', 'Issues', null, 'theme', 'The long-running questions behind the news: money, energy, water and people on the move.'],
  ['events', 'Events', null, 'event', 'Negotiations, strikes and elections that we follow from start to finish.'],

  ['kaldora', 'Kaldora', 'regions', 'place', 'The largest state on the Calvane Sea, a parliamentary republic of about 14 million people. Its politics are shaped by the unresolved conflict in Tolvane and a long currency crisis.', ['Republic of Kaldora']],
  ['marenth', 'Marenth', 'kaldora', 'place', 'Kaldora’s capital and seat of government, an old river city of 2.3 million people on the Ardel.'],
  ['sabriq', 'Sabriq', 'kaldora', 'place', 'Kaldora’s main seaport and second city. Its container terminal handles most of the country’s trade.', ['Port of Sabriq']],
  ['tolvane', 'Tolvane', 'kaldora', 'place', 'The northern Kaldoran province and its capital city, scene of a four-year war and, since the Belcastro truce, of a fragile ceasefire.', ['Tolvane province']],
  ['orsenia', 'Orsenia', 'regions', 'place', 'A prosperous coastal state on the western shore, host of the Basin Council and of most regional negotiations.'],
  ['belcastro', 'Belcastro', 'orsenia', 'place', 'Orsenia’s capital, a banking and diplomatic city where the Calvane Basin Council has its seat.'],
  ['tamrhat', 'Tamrhat', 'regions', 'place', 'A desert state on the southern shore, rich in gas and phosphates and short of water. Its capital is Qasr Enna.'],
  ['dunmar', 'Dunmar', 'tamrhat', 'place', 'An oasis city in inland Tamrhat whose date groves and aquifer have been hit hardest by the drought.', ['Dunmar oasis']],
  ['herrevan', 'Herrevan', 'regions', 'place', 'A small mountain republic on Kaldora’s northern border. Its capital, Lorn, sits below the Askel Pass, the main overland route out of the region.'],

  ['armed-groups', 'Armed groups', 'organizations', 'theme', 'Movements and militias that carry weapons outside the state’s forces.'],
  ['tolvane-freedom-movement', 'Tolvane Freedom Movement', 'armed-groups', 'organization', 'The armed movement that fought the Kaldoran state for four years and now runs much of the northern valleys under the ceasefire. Founded as the Tolvane Liberation Front.', ['TFM', 'TLF', 'MLT', 'The Northern Front']],
  ['harbour-brigades', 'Harbour Brigades', 'armed-groups', 'organization', 'A dockside militia that began as a union guard at Sabriq port and is now a power broker in the city’s politics.', ['Sabriq Harbour Brigades', 'SHB']],
  ['political-parties', 'Political parties', 'organizations', 'theme', 'The parties and alliances competing for power in Kaldora.'],
  ['civic-renewal-party', 'Civic Renewal Party', 'political-parties', 'organization', 'Kaldora’s governing centre-right party, led by Prime Minister Davor Kaelin.', ['CRP', 'Renewal']],
  ['national-accord', 'National Accord', 'political-parties', 'organization', 'Kaldora’s main opposition alliance of social democrats, regional parties and the Sabriq labour movement, led by Alma Reyhan.', ['The Accord']],
  ['international-bodies', 'International bodies', 'organizations', 'theme', 'Regional and international institutions with a role in the Calvane states.'],
  ['calvane-basin-council', 'Calvane Basin Council', 'international-bodies', 'organization', 'The regional organisation of the five Calvane states, based in Belcastro. It runs the ceasefire monitoring mission in Tolvane and the joint water commission.', ['CBC', 'Basin Council']],
  ['aid-and-rights-groups', 'Aid and rights groups', 'organizations', 'theme', 'Humanitarian agencies and human-rights monitors working in the region.'],
  ['riverstone-relief', 'Riverstone Relief', 'aid-and-rights-groups', 'organization', 'An aid agency working on water, shelter and mine clearance in Tolvane and inland Tamrhat.', ['Riverstone']],
  ['calvane-rights-observatory', 'Calvane Rights Observatory', 'aid-and-rights-groups', 'organization', 'A Belcastro-based group that documents detentions, displacement and abuses at borders across the region.', ['CRO', 'The Observatory']],
  ['companies', 'Companies', 'organizations', 'theme', 'State and private companies whose decisions move the regional economy.'],
  ['tamrhat-national-energy', 'Tamrhat National Energy Company', 'companies', 'organization', 'Tamrhat’s state gas company, operator of the southern fields and sponsor of the planned Calvane pipeline.', ['TNEC', 'Tamnergy']],

  ['davor-kaelin', 'Davor Kaelin', 'people', 'person', 'Prime Minister of Kaldora and leader of the Civic Renewal Party, a former mayor of Marenth.'],
  ['ines-maro', 'Ines Maro', 'people', 'person', 'Kaldora’s finance minister, author of the sorin stabilisation plan and the government’s negotiator with its lenders.'],
  ['edan-corvish', 'Edan Corvish', 'people', 'person', 'Political chief of the Tolvane Freedom Movement and its negotiator at the Belcastro talks. He spent ten years in exile in Orsenia.'],
  ['lisandro-pell', 'Lisandro Pell', 'people', 'person', 'The Basin Council’s special envoy for Tolvane, an Orsenian diplomat who chaired the talks that produced the truce.'],

  ['economy', 'Economy', 'issues', 'theme', 'Growth, prices, trade and public money in the Calvane states.'],
  ['sorin-and-debt', 'The sorin and debt', 'economy', 'theme', 'Kaldora’s currency, the sorin, and the public debt that has weighed on it since the war.', ['Kaldoran sorin']],
  ['energy', 'Energy', 'economy', 'theme', 'Gas fields, pipelines and power prices, above all Tamrhat’s plans to sell gas north.'],
  ['water-and-climate', 'Water and climate', 'issues', 'theme', 'Rainfall, rivers, aquifers and the politics of sharing them.'],
  ['drought', 'Drought', 'water-and-climate', 'theme', 'The multi-year drought across the southern shore and its effect on farms, cities and borders.'],
  ['migration', 'Migration', 'issues', 'theme', 'People leaving, crossing and returning: the mountain routes through Herrevan and the return to Tolvane.'],

  ['belcastro-talks', 'Belcastro talks', 'events', 'event', 'The Basin Council’s negotiations between the Kaldoran government and the Tolvane Freedom Movement, which produced the ceasefire.', ['Belcastro process']],
  ['sabriq-port-strike', 'Sabriq port strike', 'events', 'event', 'The dockworkers’ strike that closed Kaldora’s main port and drew in the Harbour Brigades.'],
  ['kaldoran-election', 'Kaldoran general election', 'events', 'event', 'The contest between the Civic Renewal Party and the National Accord for control of the National Chamber.'],
];

export const TOPICS: readonly DemoTopic[] = TOPIC_ROWS.map(([slug, name, parentSlug, kind, description, aliases]) => ({
  slug,
  name,
  parentSlug,
  kind,
  description,
  aliases: aliases ?? [],
}));

const TAG_NAMES = [
  'Ceasefire', 'Mediation', 'Diplomacy', 'Elections', 'Protests', 'Corruption', 'Budget', 'Inflation',
  'Gas', 'Infrastructure', 'Shipping', 'Labour', 'Drought', 'Agriculture', 'Displacement',
  'Border crossings', 'Human rights', 'Aid', 'Investment', 'Explainer', 'Long read',
] as const;

export const TAGS: readonly DemoTag[] = TAG_NAMES.map((name) => ({
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  name,
}));

/** Fictional photo agencies and their photographers, for image credits. */
export const AGENCIES: readonly { name: string; photographers: readonly string[] }[] = [
  { name: 'Calvane Press Agency', photographers: ['Mira Solberg', 'Anton Ferrage', 'Yusra Benali'] },
  { name: 'Northlight Images', photographers: ['Petra Okonkwo', 'Dimitri Lask'] },
  { name: 'Basin Photo Service', photographers: ['Hadi Saroyan', 'Lucia Marchetti', 'Tove Brink'] },
  { name: 'Harbour Street Pictures', photographers: ['Kwame Adjei', 'Elin Varro'] },
];

export const GRAPHICS_CREDIT = `${PUBLICATION} / Graphics desk`;
