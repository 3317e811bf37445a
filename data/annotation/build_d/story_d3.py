OUTCOMES = """# Outcomes for story d3 (Merrow Bank fishing dispute), written as a user would.
outcomes:
  - key: quota_treaty
    label: Quota treaty
    description: a treaty between Drennland and Ilvara dividing the mackerel and cod quotas on the Merrow Bank
    terms: [treaty, quota, fishing agreement]

  - key: naval_patrols
    label: Naval patrols
    description: Drennland's navy patrolling the Merrow Bank to keep Ilvaran trawlers out (favor = send or keep the ships there)
    terms: [navy, patrols, warships]

  - key: fishing_moratorium
    label: Fishing moratorium
    description: a temporary ban on all fishing on the Merrow Bank to let the cod stock recover
    terms: [moratorium, fishing ban, closure]
"""

PEOPLE = {
    "Edwin Marlow-Tate": ["Edwin Marlow-Tate", "Marlow-Tate", "Edwin"],
    "Sigrun Aakre": ["Sigrun Aakre", "Aakre", "Sigrun"],
    "Halvard Quist": ["Halvard Quist", "Quist", "Halvard"],
    "Dougal Penhallow": ["Dougal Penhallow", "Penhallow", "Dougal"],
    "Matteo Delvanne": ["Matteo Delvanne", "Delvanne", "Matteo"],
    "Lotte Hammervik": ["Lotte Hammervik", "Hammervik", "Lotte"],
    "Carmela Vestri": ["Carmela Vestri", "Vestri", "Carmela"],
    "Rosa Ibarrech": ["Rosa Ibarrech", "Ibarrech", "Rosa"],
    "Anders Moll": ["Anders Moll", "Moll", "Anders"],
    "Ines Carvalhal": ["Ines Carvalhal", "Carvalhal", "Ines"],
    "Oona Fairbairn": ["Oona Fairbairn", "Fairbairn", "Oona"],
}

A1 = '''By Edwin Marlow-Tate

There is a particular kind of politician who looks at a fishing dispute and sees a war film. Sigrun Aakre, our defence minister, appears to be one. On Monday she told reporters that two patrol vessels would sail for the Merrow Bank “to show that Drennland’s waters are Drennland’s”.

Her colleague at fisheries, Halvard Quist, went further, promising that the ships would “stay as long as a single Ilvaran net is in the water”.

One can understand the temptation. The coastguard says Ilvaran trawlers have been sighted 43 times inside the disputed zone since August, and the fishermen of Port Skellan are furious. Dougal Penhallow, who speaks for the Skellan Fishermen’s Association, told me last week that his members “would rather see grey hulls out there than empty harbours”.

But what, exactly, is a frigate going to do? Board a trawler? Ilvara’s foreign minister, Matteo Delvanne, has already said that any boarding would be treated as “a hostile act” and that Ilvara would send its own coastguard to escort its fleet.

“We are not the ones sending warships,” Delvanne said in Casamar on Wednesday. “Drennland wants a deal and a navy at the same time. It can have one.”

Ilvara’s prime minister, Rosa Ibarrech, was gentler. She said she hoped it would never come to boarding.

Then there is the treaty. Both governments say they want one. Both have said so, in almost identical words, for six years. Delvanne insists the draft framework tabled in Brasco last spring is “ninety percent done”. Quist says the remaining ten percent, the share of the cod quota, is the only part that matters. Both are right, which is the problem.

Quist, to be fair, has not slammed the door. “An accord is still on the agenda. It is just not on this week’s agenda,” he told the Skellan Herald.

Penhallow is less patient. “Their talk of a treaty is a smokescreen. Every year we talk, they fish,” he said.

The scientists, meanwhile, have been saying something nobody in either capital wants to hear. Dr Lotte Hammervik, who chairs the Merrow Bank Science Panel, warned in October that cod stocks had fallen to a third of their 2010 level and that only a two-year closure of the bank would let them recover.

“A treaty that divides a collapsing stock is a treaty about who gets the last fish,” she said.

A moratorium is, of course, the one idea that unites the two fleets: against it. Carmela Vestri, who owns four trawlers in Casamar, said a closure would be “a death sentence for towns like ours”. Penhallow, for once agreeing with an Ilvaran, said his members “would not survive two years tied up”. Quist said the government would “look seriously” at the panel’s advice but that a full closure was “not on the table”.

Aakre, for her part, said the crews “deserve our thanks for giving up Christmas at home”. No doubt they do. They also deserve a mission that makes sense.

Here is mine, for free. Sign the framework, with the cod share cut to what the panel says the bank can bear. Write a two-year closure into it, so that neither fleet can say the other got away with something. Pay the Skellan boats to tie up, as Ilvara has already offered to do for its own. And bring the frigates home.

It will not make a war film. It might make a fishing industry that still exists in ten years. Ms Aakre can have her heroics some other time.
'''

A2 = '''Talks on a quota treaty between Drennland and Ilvara resume in Brasco on Thursday, a week after two Drennland patrol vessels arrived on the Merrow Bank. Fisheries Minister Halvard Quist told reporters on Monday that he was “more hopeful than a month ago”. Here is what you need to know.

What is on the table?

The draft framework would split the bank’s mackerel quota 55-45 in Drennland’s favour and leave the cod share to be settled later. Ilvara’s foreign ministry said on Monday that it could accept the mackerel split if the cod share was agreed “in the same document”.

What are the ships doing?

Drennland’s navy says the two vessels have shadowed but not boarded Ilvaran trawlers. Defence Minister Sigrun Aakre has said they will withdraw “the day a treaty is signed”. Insurers report that premiums for boats working the bank have risen sharply.

What they said

• Halvard Quist, Drennland fisheries minister: “The framework is a good one. Ilvara should sign the part we agree on and stop holding it hostage to the part we don’t.”

• Matteo Delvanne, Ilvaran foreign minister: “We want this treaty more than anyone. But half a treaty is no treaty.”

• Sigrun Aakre, Drennland defence minister: “The patrols are not a threat to anyone who respects our waters. They stay until the illegal fishing stops.”

• Rosa Ibarrech, Ilvaran prime minister: “You do not negotiate with a frigate parked outside the window.”

• Dougal Penhallow, Skellan Fishermen’s Association: “If the ships leave, the trawlers are back the next morning. Keep them there.”

• Anders Moll, Drennland opposition fisheries spokesman: “Two ships, no plan. The minister has sent a navy to do a negotiator’s job.”

• Carmela Vestri, trawler owner, Casamar: “My grandfather fished the Merrow Bank. Nobody in Drennland gets to tell me whose water it is.”

• Ines Carvalhal, Ilvaran Fishermen’s Cooperative: “We would accept a closure if Drennland’s boats tie up too. All of them, the same day.”

• Dr Lotte Hammervik, Merrow Bank Science Panel: “Any quota above zero for cod is a bet against the science. Close the bank for two years and there will be something left to share.”

• Oona Fairbairn, marine insurer, Harland & Coe: “Premiums for boats working the bank have doubled since the ships arrived.”

• A Drennland diplomat, speaking on condition of anonymity: “The deal is done on mackerel. It is cod that keeps everyone up at night.”

What happens next?

The talks in Brasco are scheduled to last two days. Quist’s ministry said it would publish its response to the science panel “before the spring season”, and Delvanne told Ilvaran radio that his country would take the dispute to the Maritime Arbitration Court if the talks failed.

Vestri said Ilvaran boats would keep fishing the bank “patrols or no patrols”.

Both fleets are due back on the bank when the mackerel season opens on March 1. Whether there is a signed treaty by then, or two navies, is the question in every harbour from Port Skellan to Casamar.
'''

ARTICLES = {
    "t_d05": ("Send a frigate, catch no fish: the Merrow Bank needs a treaty",
              "The Drennland Observer", "2026-12-12", A1),
    "t_d06": ("Merrow Bank: where the treaty talks stand, and what everyone is saying",
              "Coastline Brief", "2026-12-15", A2),
}

AK, Q, P, DL, H, VE, IB = ("Sigrun Aakre", "Halvard Quist", "Dougal Penhallow", "Matteo Delvanne",
                           "Lotte Hammervik", "Carmela Vestri", "Rosa Ibarrech")
F, AG, N = "favor", "against", "neutral"
QT, NP, FM = "quota_treaty", "naval_patrols", "fishing_moratorium"
QUOTES = [
    ("t_d05", "indirect", "two patrol vessels would sail for the Merrow Bank “to show that Drennland’s waters are Drennland’s”", AK, "told reporters", {NP: F}),
    ("t_d05", "indirect", "the ships would “stay as long as a single Ilvaran net is in the water”", Q, "promising", {NP: F}),
    ("t_d05", "indirect", "Ilvaran trawlers have been sighted 43 times inside the disputed zone since August", "Drennland Coastguard", "says", {}),
    ("t_d05", "indirect", "his members “would rather see grey hulls out there than empty harbours”", P, "told me", {NP: F}),
    ("t_d05", "indirect", "any boarding would be treated as “a hostile act” and that Ilvara would send its own coastguard to escort its fleet", DL, "has already said", {NP: AG}),
    ("t_d05", "direct", "We are not the ones sending warships,", DL, "said", {NP: AG}),
    ("t_d05", "direct", "Drennland wants a deal and a navy at the same time. It can have one.", DL, "said", {NP: AG, QT: F}),
    ("t_d05", "indirect", "she hoped it would never come to boarding", IB, "said", {NP: AG}),
    ("t_d05", "indirect", "they want one", None, "say", {QT: F}),
    ("t_d05", "indirect", "the draft framework tabled in Brasco last spring is “ninety percent done”", DL, "insists", {QT: F}),
    ("t_d05", "indirect", "the remaining ten percent, the share of the cod quota, is the only part that matters", Q, "says", {QT: N}),
    ("t_d05", "direct", "An accord is still on the agenda. It is just not on this week’s agenda,", Q, "told the Skellan Herald", {QT: F}),
    ("t_d05", "direct", "Their talk of a treaty is a smokescreen. Every year we talk, they fish,", P, "said", {QT: AG}),
    ("t_d05", "indirect", "cod stocks had fallen to a third of their 2010 level and that only a two-year closure of the bank would let them recover", H, "warned", {FM: F}),
    ("t_d05", "direct", "A treaty that divides a collapsing stock is a treaty about who gets the last fish,", H, "said", {QT: AG, FM: F}),
    ("t_d05", "indirect", "a closure would be “a death sentence for towns like ours”", VE, "said", {FM: AG}),
    ("t_d05", "indirect", "his members “would not survive two years tied up”", P, "said", {FM: AG}),
    ("t_d05", "indirect", "the government would “look seriously” at the panel’s advice but that a full closure was “not on the table”", Q, "said", {FM: AG}),
    ("t_d05", "indirect", "the crews “deserve our thanks for giving up Christmas at home”", AK, "said", {}),
    # t_d06 bulleted box
    ("t_d06", "indirect", "he was “more hopeful than a month ago”", Q, "told reporters", {QT: F}),
    ("t_d06", "indirect", "it could accept the mackerel split if the cod share was agreed “in the same document”", "Ilvaran Foreign Ministry", "said", {QT: N}),
    ("t_d06", "indirect", "the two vessels have shadowed but not boarded Ilvaran trawlers", "Drennland Navy", "says", {NP: N}),
    ("t_d06", "indirect", "they will withdraw “the day a treaty is signed”", AK, "has said", {NP: N, QT: F}),
    ("t_d06", "indirect", "premiums for boats working the bank have risen sharply", None, "report", {NP: N}),
    ("t_d06", "direct", "The framework is a good one. Ilvara should sign the part we agree on and stop holding it hostage to the part we don’t.", Q, None, {QT: F}),
    ("t_d06", "direct", "We want this treaty more than anyone. But half a treaty is no treaty.", DL, None, {QT: F}),
    ("t_d06", "direct", "The patrols are not a threat to anyone who respects our waters. They stay until the illegal fishing stops.", AK, None, {NP: F}),
    ("t_d06", "direct", "You do not negotiate with a frigate parked outside the window.", IB, None, {NP: AG}),
    ("t_d06", "direct", "If the ships leave, the trawlers are back the next morning. Keep them there.", P, None, {NP: F}),
    ("t_d06", "direct", "Two ships, no plan. The minister has sent a navy to do a negotiator’s job.", "Anders Moll", None, {NP: AG}),
    ("t_d06", "direct", "My grandfather fished the Merrow Bank. Nobody in Drennland gets to tell me whose water it is.", VE, None, {}),
    ("t_d06", "direct", "We would accept a closure if Drennland’s boats tie up too. All of them, the same day.", "Ines Carvalhal", None, {FM: F}),
    ("t_d06", "direct", "Any quota above zero for cod is a bet against the science. Close the bank for two years and there will be something left to share.", H, None, {QT: AG, FM: F}),
    ("t_d06", "direct", "Premiums for boats working the bank have doubled since the ships arrived.", "Oona Fairbairn", None, {NP: N}),
    ("t_d06", "direct", "The deal is done on mackerel. It is cod that keeps everyone up at night.", None, None, {QT: N}),
    ("t_d06", "indirect", "it would publish its response to the science panel “before the spring season”", "Drennland Fisheries Ministry", "said", {FM: N}),
    ("t_d06", "indirect", "his country would take the dispute to the Maritime Arbitration Court if the talks failed", DL, "told Ilvaran radio", {QT: N}),
    ("t_d06", "indirect", "Ilvaran boats would keep fishing the bank “patrols or no patrols”", VE, "said", {NP: AG}),
]
