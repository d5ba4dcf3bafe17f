/**
 * English words that say nothing about what an article is about, removed before stemming.
 *
 * The core is the usual function-word list (articles, pronouns, auxiliaries, prepositions,
 * conjunctions, quantifiers); to it we add what every news story is full of whatever its
 * subject — reporting verbs ("said", "told", "according"), days of the week, and
 * contractions as they look once the apostrophe is dropped ("dont", "theyre"). Words of one
 * or two letters are dropped by length anyway, so they are not listed.
 */
const WORDS = `
  about above across actually after afterwards again against ago ahead all almost alone along
  already also although always among amongst amid and another any anybody anyhow anyone
  anything anyway anywhere are aren arent around aside away
  back became because become becomes becoming been before beforehand behind being below beside
  besides between beyond both but
  came can cannot cant certain certainly could couldn couldnt
  did didn didnt does doesn doesnt doing don done dont down during
  each either else elsewhere enough especially etc even ever every everybody everyone everything
  everywhere except
  far few fewer for former formerly from further furthermore
  gave get gets getting give given gives giving goes going gone got gotten
  had hadn hadnt has hasn hasnt have haven havent having hed hell hence her here hereafter hereby
  herein heres hers herself hes him himself his how however
  ill indeed instead into isn isnt its itself ive
  just
  keep keeps kept know known knows
  last later latter least less let lets like likely
  made make makes making many may maybe meanwhile might mine more moreover most mostly much must
  mustn mustnt myself
  namely near nearly need needs neither never nevertheless next nobody non none nonetheless noone
  nor not nothing now nowhere
  off often once one ones only onto other others otherwise ought our ours ourselves out over
  overall own
  per perhaps please put
  quite
  rather really
  said same say saying says see seem seemed seeming seems seen several shall shan she shed shell
  shes should shouldn shouldnt since some somebody somehow someone something sometime sometimes
  somewhat somewhere still such sure
  take taken takes taking than that thats the their theirs them themselves then thence there
  thereafter thereby therefore therein theres these they theyd theyll theyre theyve thing things
  this those though through throughout thru thus
  together too took toward towards
  under unless unlike until upon used using usually
  very via
  want wanted wants was wasn wasnt way ways well went were weren werent weve what whatever whats
  when whence whenever where whereafter whereas whereby wherein wheres wherever whether which
  while whither who whoever whole whom whomever whose why will with within without won wont
  would wouldn wouldnt
  yes yet you youd youll your youre yours yourself yourselves youve
  according added adding asked asks told tell tells telling reported reportedly reports
  statement spokesman spokeswoman spokesperson
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
  also among around every first second third
  mr mrs ms dr
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));
