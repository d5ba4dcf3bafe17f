import type { LongAnalysis } from './long-types.js';

export const LONG_TOLVANE: LongAnalysis = {
  title: 'After the guns: what a settlement in Tolvane would actually take',
  dek: 'The ceasefire has held for {elapsed}. Turning it into peace means settling land, language, policing and money, and deciding who gets to sign. A long read on the choices ahead.',
  primaryTopic: 'tolvane-freedom-movement',
  topics: ['tolvane', 'belcastro-talks', 'edan-corvish'],
  tags: ['ceasefire', 'mediation', 'long-read', 'human-rights'],
  authors: ['tobias-wren', 'jonas-petrakis'],
  ageDays: 6,
  intro: [
    'At the Dravna bridge, where the two sides exchange prisoners, there is a painted line across the asphalt. It is not on any official map. Soldiers from both sides painted it in the first week of the truce so that everyone would know where to stop, and they have repainted it every spring since. It is, in its way, the most successful institution the ceasefire has produced: simple, visible, maintained by both sides, and entirely provisional.',
    'This essay asks what it would take to replace lines like that one with something permanent. It draws on {elapsed} of reporting in Tolvane, Belcastro and Marenth, on interviews with negotiators, commanders, officials, teachers and farmers, and on the texts that the parties have signed and the ones they have refused to sign. Its conclusion is not optimistic, but it is not hopeless either. A settlement is possible. It would simply require each side to give up something it has so far described as non-negotiable.',
  ],
  sections: [
    {
      heading: 'A truce that outlived its critics',
      story: 'tolvane',
      paragraphs: [
        'When the Belcastro truce was signed in {began}, the most common prediction among diplomats was that it would last until the spring thaw. The fighting had ended before, twice, and both earlier ceasefires collapsed within weeks, once over a disputed checkpoint and once over a funeral that turned into a gun battle. There was little reason to think the third attempt would be different.',
        'It has been different, and the reasons are worth understanding before asking what comes next. The truce was signed by exhausted parties. The Kaldoran army had failed to retake the upper valleys in three successive offensives; the movement had lost most of its foreign money and many of its best commanders. Neither side was persuaded of the other’s good faith. Both were persuaded that another year of war would cost more than it could win.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'What the war was about',
      story: 'tolvane',
      paragraphs: [
        'Wars acquire new causes as they go on, and by its fourth year the conflict in Tolvane was about revenge, prisoners and territory as much as anything else. But its origins were specific, and any settlement will have to address them.',
      ],
      subsections: [
        {
          heading: 'The Long Winter',
          paragraphs: [
            'The movement’s founders were farmers and schoolteachers from the valley towns, organised in the 1990s around land rights and the use of the northern dialect in schools. The turning point came with the crackdown its members call the Long Winter, when the army occupied the valley towns, arrested several hundred activists and closed the dialect schools. The movement took up arms the following year. Almost every senior figure in it today either spent time in prison during those months or lost a relative to them.',
          ],
        },
        {
          heading: 'Land and language',
          paragraphs: [
            'Two grievances have outlasted everything else. The first is land: the valley farms were never properly registered, and successive governments in Marenth granted titles to outsiders, many of them retired officers. The second is language: the northern dialect is the first language of most people in the valleys and has no official status. Neither issue appears in the truce, which was deliberately limited to military questions. Both will have to appear in any settlement.',
          ],
        },
      ],
    },
    {
      heading: 'The movement that became a government',
      story: 'tolvane',
      paragraphs: [
        'The truce changed the Tolvane Freedom Movement more than it changed the Kaldoran state. Overnight, a guerrilla organisation found itself responsible for water, rubbish, clinics and schools in the five northern valleys, along with the complaints that come with them. Its leaders had spent years promising a better administration than Marenth’s. Now they had to provide one, without a budget, a civil service or international recognition.',
        'The results are mixed, and the movement knows it. Some valleys are run by competent local councils that predate the war. Others are run by commanders who treat checkpoints as a source of income. The levy at the Meskel market, which traders describe as a tax in good months and a protection fee in bad ones, is the clearest example. The movement’s leaders defend it as the only way to pay teachers. Its critics, including some inside the movement, see it as the beginning of a war economy that could outlive the war.',
      ],
      extras: ['quote'],
    },
    {
      heading: 'Marenth’s patience, and its limits',
      story: 'tolvane',
      paragraphs: [
        'For the government of Davor Kaelin, the truce has been a political asset. It allowed the prime minister to claim that he had ended the war, reassured lenders that the country was stable, and moved the conflict off the front pages. The cost has been low: the army still holds the provincial capital and the main roads, and the upper valleys were never under Marenth’s effective control anyway.',
        'That comfort is a problem for any settlement. A government that benefits from quiet has little reason to take the political risk of concessions. Officials in Marenth speak about the north in the language of administration, of roads, budgets and local elections, and avoid the language of politics, of autonomy, recognition and amnesty. The gap between those two vocabularies is, in a sense, the gap that a settlement would need to close.',
      ],
      extras: ['pull'],
    },
    {
      heading: 'The mediators’ toolkit',
      story: 'mediation',
      paragraphs: [
        'The Calvane Basin Council did not set out to be a peace broker. Its charter was written for fishing quotas and river levels, and its secretariat in Belcastro had no mediation staff when the talks began. What it had was a neutral building, an Orsenian host government willing to pay for the process and an envoy, Lisandro Pell, with a reputation for patience and a good memory.',
        'Those assets have been enough to produce a ceasefire. Whether they are enough to produce a settlement is less clear. Mediation in the later stages of a peace process needs guarantees, and guarantees need money and enforcement. The Council has little of either, and its consensus rule means that any one of its five members can block a decision to provide more.',
      ],
      subsections: [
        {
          heading: 'The draft on the table',
          paragraphs: [
            'The draft circulating in Belcastro is modest. It proposes a joint commission on land titles, a timetable for local elections and a review of the dialect schools, all to be overseen by the Council. It says nothing about the movement’s weapons, which the Kaldoran delegation considers the first issue and the movement considers the last. That silence is either a weakness or the draft’s most intelligent feature, depending on whom one asks.',
          ],
        },
      ],
    },
    {
      heading: 'Land titles: the question nobody wanted',
      story: 'tolvane',
      paragraphs: [
        'If there is a single issue on which a settlement will succeed or fail, it is probably land. Thousands of families in the valleys farm plots to which they have no legal title, and in many cases the land is formally registered to someone else. Returnees have found strangers in their houses, and strangers have found returnees at their doors with documents issued by the movement’s own land office, which Marenth does not recognise.',
        'A land commission would need to decide whose documents count, how competing claims are weighed and who pays compensation to those who lose. Similar commissions elsewhere have taken a decade or more to finish their work. They succeed when both sides see them as fair and when there is money to compensate the losers. Neither condition exists yet in Tolvane.',
      ],
      extras: ['quote'],
    },
    {
      heading: 'Who polices the valleys?',
      story: 'tolvane',
      paragraphs: [
        'The second hard question is security. The Kaldoran state insists on a single police force under the interior ministry. The movement will not hand its valleys to the officers who served during the Long Winter. Proposals for mixed patrols, written into the Belcastro text as an aspiration, have never been tried, and both sides blame the other for the delay.',
        'There are models for a compromise: a provincial police force recruited locally, with Council observers and a vetting process for officers. Such arrangements are slow and expensive, and they require each side to trust the other with guns. The demining teams working around Orvec, the first joint teams of the truce, are a small test of that trust. So far, it has held.',
      ],
      extras: ['figure'],
    },
    {
      heading: 'The people who left',
      story: 'crossings',
      paragraphs: [
        'Any settlement will also have to reckon with the people who are not there. Tens of thousands of people from Tolvane left during the war, many of them through Herrevan and the Askel Pass, and many are still leaving, now for economic reasons rather than for safety. Their absence shapes the province: there are villages where only the old remain, and valleys where the movement’s support is strongest precisely because its opponents have gone.',
        'The returnees, meanwhile, are a constituency that both sides court. They want security of property, working schools and jobs, in roughly that order. A settlement that delivers those things will have defenders; one that delivers only political arrangements will not.',
      ],
      extras: ['list'],
    },
    {
      heading: 'Elections as a settlement, or a substitute for one',
      story: 'election',
      paragraphs: [
        'Marenth’s preferred route to a settlement runs through the ballot box. Local elections in the province, officials argue, would give the valleys elected councils and a legitimate voice, and would test the movement’s claim to represent them. The movement’s answer is that elections held before its members have legal status are a way of excluding it while claiming to include it.',
        'Both arguments have force. Elections can anchor a peace process by giving former fighters a political route to power; they can also harden divisions if they are held before the basic questions are settled. The national election, in which the whole province votes for the first time since the war, will offer a preview of how the valleys vote, and of whether the movement tells its supporters to take part.',
      ],
    },
    {
      heading: 'Three paths from here',
      story: 'mediation',
      paragraphs: [
        'It is possible to sketch three broad futures for the province over the next few years. None is certain, and elements of each are already visible.',
      ],
      subsections: [
        {
          heading: 'A slow settlement',
          paragraphs: [
            'In the most hopeful case, the land commission is created, the dialect schools reopen and local elections are held with the movement’s participation, perhaps under a new name. Weapons are handed over in stages as each of these steps is completed. This is roughly the path the Belcastro draft implies, and it would take five years or more.',
          ],
        },
        {
          heading: 'A frozen line',
          paragraphs: [
            'The most likely case, on current evidence, is that nothing much changes. The truce holds, the line is repainted each spring, and the valleys become a semi-permanent enclave with its own administration and its own economy. Frozen conflicts can last for decades. They are quieter than wars, but they trap the people who live in them.',
          ],
        },
        {
          heading: 'A slide back',
          paragraphs: [
            'The worst case is a gradual erosion of the truce: more violations, more checkpoints moved at night, a serious incident that neither leadership can contain. No one in Tolvane wants this, which is the best protection against it. But wars have resumed before in the region when no one wanted them to.',
          ],
        },
      ],
      extras: ['quote'],
    },
  ],
};
