OUTCOMES = """# Outcomes for story d1 (Oresland drug prices), written as a user would.
outcomes:
  - key: price_cap
    label: Drug price cap
    description: the government's cap on what the national insurer pays for patented medicines being passed and applied
    terms: [price cap, cap, drug prices]

  - key: compulsory_licence
    label: Compulsory licence on Cardivex
    description: the government overriding Halvern's patent on Cardivex so that generic makers can produce it
    terms: [compulsory licence, patent, generics]

  - key: pricing_talks
    label: Negotiated pricing deal
    description: talks between the health ministry and the drugmakers on a voluntary pricing agreement instead of imposed measures
    terms: [talks, negotiations, pricing agreement]
"""

PEOPLE = {
    "Teodora Vasquel": ["Teodora Vasquel", "Vasquel", "Teodora"],
    "Mattias Brenholt": ["Mattias Brenholt", "Brenholt", "Mattias", "BRENHOLT"],
    "Ingrid Solheimer": ["Ingrid Solheimer", "Solheimer"],
    "Piet Garrow": ["Piet Garrow", "Garrow"],
    "Noor Altensee": ["Noor Altensee", "Altensee", "ALTENSEE"],
    "Ruth Kalvik": ["Ruth Kalvik", "Kalvik", "KALVIK"],
    "Jonas Ferreby": ["Jonas Ferreby", "Ferreby"],
}

A1 = '''ORVIK, Nov 18 (Meridian Wire) - Oresland's government will cap the price its national insurer pays for patented medicines at the average of six comparable countries from next April, Health Minister Teodora Vasquel said on Wednesday, in a move drugmakers warned would delay new treatments.

Vasquel told parliament that the cap would save the insurer about 900 million crowns a year, money she said would go to hospital waiting lists.

"Nobody in this country should have to choose between a pill and the rent," she said. "The companies have had ten years to bring prices down on their own. They chose not to."

The minister also said the government was prepared to issue a compulsory licence for Cardivex, Halvern Therapeutics' blood-thinner, if the company did not cut its price by at least 40 percent before the end of January. Such a licence would let local generic makers produce the drug, which costs the insurer 310 million crowns a year, while paying Halvern a royalty.

"This is an expropriation dressed up as health policy," Halvern's chief executive, Mattias Brenholt, said in a statement.

"If the licence goes ahead, no company will launch a new medicine in Oresland first," he added. "Patients will wait, and some of them cannot afford to."

Brenholt said Halvern remained open to a negotiated pricing agreement and had offered a 15 percent discount on Cardivex and a confidential rebate.

The Oresland Pharmaceutical Association, which represents 31 drugmakers, said the cap would make the country "the cheapest market in Europe and the last in line". Its director, Ingrid Solheimer, urged the government to return to the talks that broke down in September.

"Sitting down with us costs the minister nothing. Capping by decree costs patients their place in the queue," Solheimer said.

Patient groups were split. The Heart Patients' League said it welcomed the cap but feared the licence would be "a gamble with our members' supply" if generic makers could not produce Cardivex in volume.

Generic maker Stavlo Pharma said it could begin production "within nine months" of a licence being granted and had already reserved capacity at its plant in Haddby.

The opposition's health spokesman, Piet Garrow, said the minister's talk of a cap was "a smokescreen for ten years of underfunding".

"She is not fighting the drug companies. She is fighting the budget," Garrow said.

Analysts at Fenwright Securities estimated that Halvern earns about 6 percent of its global revenue in Oresland, and that a licence on Cardivex alone would cut its annual profit by less than one percent.

Vasquel said she would not reopen talks "while a gun is pointed at patients", but added that her door "is not locked".

A parliamentary vote on the cap is scheduled for December 9. The health ministry said the vote would go ahead regardless of any offer from the industry.

Halvern shares closed 3.1 percent lower in Kelburg. The company's annual meeting, where Brenholt faces questions on the dispute, is on Friday.

Legal experts said a licence would be the first in Oresland since the patent law was amended in 1994. "It has been on the statute book for thirty years and nobody has dared to use it," said Jonas Ferreby, a patent lawyer at the University of Orvik.

(Reporting by the Meridian Wire health desk; Editing by the Orvik bureau)
'''

A2 = '''ORVIK PUBLIC RADIO - THE MORNING DESK

Oresland's parliament votes on December 9 on a cap on the prices of patented medicines, and the health minister has threatened to override Halvern Therapeutics' patent on its blood-thinner Cardivex. Presenter Ruth Kalvik spoke to Halvern's chief executive, Mattias Brenholt, and to Dr Noor Altensee, a family doctor who chairs the campaign group Fair Pills Now. This transcript has been edited for length.

KALVIK: Mr Brenholt, the minister says you have had ten years. Why should anyone believe you will cut prices now?

BRENHOLT: Because we have put an offer on the table: fifteen percent off Cardivex and a rebate on top. That is real money. What we cannot accept is a ceiling that ties our prices to the poorest markets in Europe.

KALVIK: The minister says your offer is too little, too late.

BRENHOLT: Then let her make a counter-offer. That is how negotiation works. You do not negotiate by threatening to take someone's property.

KALVIK: Dr Altensee, is a compulsory licence taking property?

ALTENSEE: No. It is a legal tool written into our patent law and into international trade rules. Halvern keeps a royalty. What it loses is a monopoly price.

KALVIK: Mr Brenholt says new medicines will reach Oresland later, or not at all.

ALTENSEE: I hear that threat every time. It has not come true once. My patients are skipping doses today, not in some future launch queue.

KALVIK: Would you accept the fifteen percent if it were offered tomorrow?

ALTENSEE: Fifteen? No. Forty, with a guarantee of supply, and I would tell the minister to take it.

KALVIK: Mr Brenholt, could you go to forty?

BRENHOLT: I am not going to negotiate on the radio. But if the licence goes ahead, there is nothing left to talk about.

KALVIK: The Heart Patients' League fears generic makers could not supply enough. Dr Altensee?

ALTENSEE: It is a fair worry, and I share it. But Stavlo says it can make the pills within nine months, and the licence can be phased in over a year.

KALVIK: What about the cap itself? Both of you.

BRENHOLT: A six-country average sounds reasonable until you see which six countries. It was designed to produce a number, not a policy.

ALTENSEE: I would have set it lower. But it is a start, and it applies to every company, not just one.

KALVIK: The opposition's Piet Garrow says the whole thing is about the budget, not patients.

ALTENSEE: Both can be true. A health budget that is not spent on monopoly prices is spent on nurses.

KALVIK: Mr Brenholt, Halvern made a profit of 2.3 billion crowns last year. Does a company like that need Oresland's money?

BRENHOLT: Profits pay for the next medicine. Twelve of our compounds are in trials, four of them for heart failure.

KALVIK: You moved your research centre to Orvik in 2019. Is it safe?

BRENHOLT: We employ 1,400 people there. I have no plans to move them, and I would rather not be asked again.

KALVIK: Finally: will the vote on December 9 pass?

ALTENSEE: I think it will, narrowly. And I hope the minister holds her nerve on Cardivex as well.

BRENHOLT: If it passes, we will still be here on December 10, asking for a meeting. The door stays open from our side.

KALVIK: Mattias Brenholt, Noor Altensee, thank you both.
'''

ARTICLES = {
    "t_d01": ("Oresland to cap prices of patented medicines, threatens licence on Halvern heart drug",
              "Meridian Wire", "2026-11-18", A1),
    "t_d02": ("'A licence is not a lottery ticket': the drugmaker and the doctor on Cardivex",
              "Orvik Public Radio", "2026-11-24", A2),
}

V, B, S = "Teodora Vasquel", "Mattias Brenholt", "Ingrid Solheimer"
AL = "Noor Altensee"
F, AG, N = "favor", "against", "neutral"
QUOTES = [
    ("t_d01", "indirect", "Oresland's government will cap the price its national insurer pays for patented medicines at the average of six comparable countries from next April", V, "said", {"price_cap": F}),
    ("t_d01", "indirect", "the cap would save the insurer about 900 million crowns a year, money she said would go to hospital waiting lists", V, "told parliament", {"price_cap": F}),
    ("t_d01", "direct", "Nobody in this country should have to choose between a pill and the rent,", V, "said", {"price_cap": F}),
    ("t_d01", "direct", "The companies have had ten years to bring prices down on their own. They chose not to.", V, "said", {"price_cap": F, "pricing_talks": AG}),
    ("t_d01", "indirect", "the government was prepared to issue a compulsory licence for Cardivex, Halvern Therapeutics' blood-thinner, if the company did not cut its price by at least 40 percent before the end of January", V, "also said", {"compulsory_licence": F}),
    ("t_d01", "direct", "This is an expropriation dressed up as health policy,", B, "said in a statement", {"compulsory_licence": AG}),
    ("t_d01", "direct", "If the licence goes ahead, no company will launch a new medicine in Oresland first,", B, "added", {"compulsory_licence": AG}),
    ("t_d01", "direct", "Patients will wait, and some of them cannot afford to.", B, "added", {"compulsory_licence": AG}),
    ("t_d01", "indirect", "Halvern remained open to a negotiated pricing agreement and had offered a 15 percent discount on Cardivex and a confidential rebate", B, "said", {"pricing_talks": F}),
    ("t_d01", "indirect", 'the cap would make the country "the cheapest market in Europe and the last in line"', "Oresland Pharmaceutical Association", "said", {"price_cap": AG}),
    ("t_d01", "indirect", "the government to return to the talks that broke down in September", S, "urged", {"pricing_talks": F}),
    ("t_d01", "direct", "Sitting down with us costs the minister nothing. Capping by decree costs patients their place in the queue,", S, "said", {"pricing_talks": F, "price_cap": AG}),
    ("t_d01", "indirect", 'it welcomed the cap but feared the licence would be "a gamble with our members\' supply" if generic makers could not produce Cardivex in volume', "Heart Patients' League", "said", {"price_cap": F, "compulsory_licence": AG}),
    ("t_d01", "indirect", 'it could begin production "within nine months" of a licence being granted and had already reserved capacity at its plant in Haddby', "Stavlo Pharma", "said", {"compulsory_licence": F}),
    ("t_d01", "indirect", 'the minister\'s talk of a cap was "a smokescreen for ten years of underfunding"', "Piet Garrow", "said", {"price_cap": AG}),
    ("t_d01", "direct", "She is not fighting the drug companies. She is fighting the budget,", "Piet Garrow", "said", {"price_cap": AG}),
    ("t_d01", "indirect", "Halvern earns about 6 percent of its global revenue in Oresland, and that a licence on Cardivex alone would cut its annual profit by less than one percent", "Fenwright Securities", "estimated", {"compulsory_licence": N}),
    ("t_d01", "indirect", 'she would not reopen talks "while a gun is pointed at patients"', V, "said", {"pricing_talks": N}),
    ("t_d01", "indirect", 'her door "is not locked"', V, "added", {"pricing_talks": F}),
    ("t_d01", "indirect", "the vote would go ahead regardless of any offer from the industry", "Health Ministry", "said", {"price_cap": F, "pricing_talks": AG}),
    ("t_d01", "indirect", "a licence would be the first in Oresland since the patent law was amended in 1994", None, "said", {"compulsory_licence": N}),
    ("t_d01", "direct", "It has been on the statute book for thirty years and nobody has dared to use it,", "Jonas Ferreby", "said", {"compulsory_licence": N}),
    # t_d02 transcript
    ("t_d02", "indirect", "you have had ten years", V, "says", {"price_cap": F}),
    ("t_d02", "direct", "Because we have put an offer on the table: fifteen percent off Cardivex and a rebate on top. That is real money. What we cannot accept is a ceiling that ties our prices to the poorest markets in Europe.", B, None, {"pricing_talks": F, "price_cap": AG}),
    ("t_d02", "indirect", "your offer is too little, too late", V, "says", {"pricing_talks": AG}),
    ("t_d02", "direct", "Then let her make a counter-offer. That is how negotiation works. You do not negotiate by threatening to take someone's property.", B, None, {"pricing_talks": F, "compulsory_licence": AG}),
    ("t_d02", "direct", "No. It is a legal tool written into our patent law and into international trade rules. Halvern keeps a royalty. What it loses is a monopoly price.", AL, None, {"compulsory_licence": F}),
    ("t_d02", "indirect", "new medicines will reach Oresland later, or not at all", B, "says", {"compulsory_licence": AG}),
    ("t_d02", "direct", "I hear that threat every time. It has not come true once. My patients are skipping doses today, not in some future launch queue.", AL, None, {"compulsory_licence": F}),
    ("t_d02", "direct", "Fifteen? No. Forty, with a guarantee of supply, and I would tell the minister to take it.", AL, None, {"pricing_talks": N}),
    ("t_d02", "direct", "I am not going to negotiate on the radio. But if the licence goes ahead, there is nothing left to talk about.", B, None, {"compulsory_licence": AG, "pricing_talks": N}),
    ("t_d02", "indirect", "generic makers could not supply enough", "Heart Patients' League", "fears", {"compulsory_licence": AG}),
    ("t_d02", "direct", "It is a fair worry, and I share it. But Stavlo says it can make the pills within nine months, and the licence can be phased in over a year.", AL, None, {"compulsory_licence": F}),
    ("t_d02", "direct", "A six-country average sounds reasonable until you see which six countries. It was designed to produce a number, not a policy.", B, None, {"price_cap": AG}),
    ("t_d02", "direct", "I would have set it lower. But it is a start, and it applies to every company, not just one.", AL, None, {"price_cap": F}),
    ("t_d02", "indirect", "the whole thing is about the budget, not patients", "Piet Garrow", "says", {"price_cap": AG}),
    ("t_d02", "direct", "Both can be true. A health budget that is not spent on monopoly prices is spent on nurses.", AL, None, {"price_cap": F}),
    ("t_d02", "direct", "Profits pay for the next medicine. Twelve of our compounds are in trials, four of them for heart failure.", B, None, {}),
    ("t_d02", "direct", "We employ 1,400 people there. I have no plans to move them, and I would rather not be asked again.", B, None, {}),
    ("t_d02", "direct", "I think it will, narrowly. And I hope the minister holds her nerve on Cardivex as well.", AL, None, {"price_cap": N, "compulsory_licence": F}),
    ("t_d02", "direct", "If it passes, we will still be here on December 10, asking for a meeting. The door stays open from our side.", B, None, {"pricing_talks": F}),
]
