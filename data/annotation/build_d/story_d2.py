OUTCOMES = """# Outcomes for story d2 (Marvenne pension reform), written as a user would.
outcomes:
  - key: general_strike
    label: General strike
    description: the nationwide general strike called by the union confederations for 3 March going ahead
    terms: [general strike, strike, walkout]

  - key: pension_reform
    label: Pension age reform
    description: the government's bill raising the pension age from 62 to 65 being passed and applied
    terms: [pension reform, pension age, reform bill]

  - key: referendum
    label: Referendum on the reform
    description: a national referendum on the pension reform, as proposed by the opposition
    terms: [referendum, plebiscite, popular vote]
"""

PEOPLE = {
    "Adrien Castaval": ["Adrien Castaval", "Castaval", "Adrien"],
    "Celine Varro": ["Celine Varro", "Varro", "Celine"],
    "Bruno Teszler": ["Bruno Teszler", "Teszler", "Bruno"],
    "Maren Dukas": ["Maren Dukas", "Dukas", "Maren"],
    "Lidia Okafor-Brandt": ["Lidia Okafor-Brandt", "Okafor-Brandt", "Lidia"],
    "Tobias Renmark": ["Tobias Renmark", "Renmark", "Tobias"],
    "Oskar Lindgaard": ["Oskar Lindgaard", "Lindgaard", "Oskar"],
    "Gregor Amundsen": ["Gregor Amundsen", "Amundsen", "Gregor"],
    "Anika Szabo": ["Anika Szabo", "Szabo", "Anika"],
    "Erik Santavuori": ["Erik Santavuori", "Santavuori", "Erik"],
    "Samir Haddou": ["Samir Haddou", "Haddou", "Samir"],
    "Tomasz": ["Tomasz"],
    "Philippa Rowntree": ["Philippa Rowntree", "Rowntree"],
}

A1 = '''By Philippa Rowntree, Sollis

Marvenne’s largest union confederation will call a 24-hour general strike on 3 March unless the government withdraws its plan to raise the pension age from 62 to 65, the General Workers’ Confederation announced last night.

Bruno Teszler, the confederation’s general secretary, said: ‘Nobody strikes for fun. But three more years at the line, at the till, on the scaffolding, is not reform. It is theft.’

He said the stoppage would shut ports, railways and schools ‘from the first minute to the last’.

Prime Minister Adrien Castaval told the National Assembly that the reform was ‘the price of keeping pensions at all’ and that the bill would be put to a vote next month regardless.

Mr Castaval said: ‘I respect the right to strike. I do not accept the right of a strike to write the budget.’

Labour Minister Celine Varro said a general strike would cost the economy ‘at least 1.2 billion marks a day’ and would hurt ‘the very workers it claims to defend’.

But Ms Varro signalled some flexibility, saying the government was willing to discuss exemptions for workers in heavy manual jobs.

The opposition leader, Lidia Okafor-Brandt, said the dispute should be settled by the public in a referendum, not ‘on the pavements or in a half-empty chamber at midnight’.

She said: ‘If the prime minister is so sure the country needs this, he should ask the country. What is he afraid of?’

Dismissing the idea within the hour, Mr Castaval’s office issued a one-line statement. ‘A referendum on arithmetic is not democracy, it is a delay,’ a spokesman said.

Ms Varro added that organising a national vote would take ‘at least eight months and 90 million marks’, by which time the pension fund would be deeper in deficit.

Professor Tobias Renmark, a constitutional lawyer at Sollis University, said a referendum could only be called by the president at the request of 150 deputies or 500,000 citizens, and that neither route could be completed before the summer.

The Federation of Public Employees, whose leader Maren Dukas joined the strike call on Tuesday, struck a more cautious note.

‘The date is set. Whether we need it is up to the government,’ Ms Dukas said.

‘I would sign a petition for a referendum tomorrow. I would rather sign an agreement,’ she added.

Employers were alarmed. Oskar Lindgaard, head of the Marvenne Business Council, said: ‘A general strike in March, a referendum in the autumn: that is a year lost. Pass the bill and let people plan.’

Pollsters at Kestrel Research, in a survey for the Sollis Evening Post, said 61 per cent of voters opposed the reform and 54 per cent would back a referendum on it.

Some in the prime minister’s own party are uneasy. Gregor Amundsen, a government MP, said: ‘The reform is right. The timing is a gift to the unions.’

Asked whether the vote might be postponed, Mr Amundsen said the bill would at worst be ‘parked, not buried’.

Mr Teszler was unmoved by the referendum row. He said: ‘A referendum is a fine idea for next year. Our members retire in this one. The strike goes ahead either way.’

He said he would meet Ms Varro on Thursday but expected ‘nothing but coffee’.
'''

A2 = '''Key events

18:42

The referendum motion has fallen, 212 votes to 171. Lidia Okafor-Brandt told reporters outside the chamber that the result was “a defeat for the government, not for the idea”.

She said her party would now begin collecting the 500,000 signatures needed to force a national vote, “starting tonight”.

18:20

Prime Minister Adrien Castaval, closing the debate: “A referendum would freeze this country for a year. The reform cannot wait a year, and neither can the pension fund.”

He added that the government would present the bill itself on 24 February “as planned”.

17:55

Bruno Teszler of the General Workers’ Confederation has been speaking to our reporter Anika Szabo outside the Assembly. He was not impressed by the debate.

“Whatever happens in there, the strike goes ahead on the third. Nothing in that motion gives a single worker back a single year,” he told her.

17:30

Some reaction from the markets: Marvenne’s ten-year bond yield rose 0.2 points today. Erik Santavuori, an economist at Bellcourt Bank, sent us this:

“Investors don’t like strikes, but they hate uncertainty more. A failed motion is, weirdly, good news for them.”

He added: “For the rest of the evening I am watching the cup final.”

17:10

Opposition deputy Samir Haddou, winding up for the motion, told the chamber that the government was “hiding behind a spreadsheet” and that a referendum was “the only exit from this mess in which nobody loses face”.

“We are not asking you to drop the reform. We are asking you to let the country own it,” he said.

16:50

Maren Dukas, of the Federation of Public Employees, says her meeting with Labour Minister Celine Varro this morning produced “a crack in the wall” on exemptions for manual workers.

She told us: “I am not calling it off. I am saying that, for the first time, there is something to call it off for.”

Varro, for her part, said any exemptions would be “narrow” and would not touch “the central figure of 65”.

16:15

A reader, Tomasz in Varrenfeld, asks: “Will hospitals be open on 3 March?”

The GWC says emergency departments will be staffed under the minimum-service rules agreed in 2019.

15:40

In the chamber, government MP Gregor Amundsen has broken ranks to say he will vote for the motion.

“I support the reform. I also trust voters. Those are not opposites,” he said, to jeers from his own benches.

15:05

Constitutional scholar Tobias Renmark, speaking on our podcast this afternoon: “Even if the motion passes, the earliest date for a vote would be late September. Anyone promising you a referendum before the bill is voted on is selling something.”

14:30

Oskar Lindgaard of the Marvenne Business Council has written to all 383 deputies urging them to reject the motion. In the letter he says a referendum would “hand the calendar to the loudest voices in the country”.

14:00

Welcome to our live coverage. Today the National Assembly debates the opposition’s motion to put Adrien Castaval’s pension reform to a national referendum. The General Workers’ Confederation has said its general strike on 3 March will go ahead whatever the result.
'''

ARTICLES = {
    "t_d03": ("Unions set date for general strike as Castaval refuses to budge on pension age",
              "The Sollis Chronicle", "2027-01-21", A1),
    "t_d04": ("Pension reform live: Assembly rejects referendum motion as unions confirm 3 March strike",
              "Marvenne Today", "2027-02-04", A2),
}

T, C, VR, O, D = "Bruno Teszler", "Adrien Castaval", "Celine Varro", "Lidia Okafor-Brandt", "Maren Dukas"
GWC = "General Workers' Confederation"
F, AG, N = "favor", "against", "neutral"
GS, PR, RF = "general_strike", "pension_reform", "referendum"
QUOTES = [
    ("t_d03", "indirect", "Marvenne’s largest union confederation will call a 24-hour general strike on 3 March unless the government withdraws its plan to raise the pension age from 62 to 65", GWC, "announced", {GS: F, PR: AG}),
    ("t_d03", "direct", "Nobody strikes for fun. But three more years at the line, at the till, on the scaffolding, is not reform. It is theft.", T, "said", {GS: F, PR: AG}),
    ("t_d03", "indirect", "the stoppage would shut ports, railways and schools ‘from the first minute to the last’", T, "said", {GS: F}),
    ("t_d03", "indirect", "the reform was ‘the price of keeping pensions at all’ and that the bill would be put to a vote next month regardless", C, "told the National Assembly", {PR: F}),
    ("t_d03", "direct", "I respect the right to strike. I do not accept the right of a strike to write the budget.", C, "said", {GS: AG}),
    ("t_d03", "indirect", "a general strike would cost the economy ‘at least 1.2 billion marks a day’ and would hurt ‘the very workers it claims to defend’", VR, "said", {GS: AG}),
    ("t_d03", "indirect", "the government was willing to discuss exemptions for workers in heavy manual jobs", VR, "saying", {PR: N}),
    ("t_d03", "indirect", "the dispute should be settled by the public in a referendum, not ‘on the pavements or in a half-empty chamber at midnight’", O, "said", {RF: F}),
    ("t_d03", "direct", "If the prime minister is so sure the country needs this, he should ask the country. What is he afraid of?", O, "said", {RF: F}),
    ("t_d03", "direct", "A referendum on arithmetic is not democracy, it is a delay,", None, "said", {RF: AG}),
    ("t_d03", "indirect", "organising a national vote would take ‘at least eight months and 90 million marks’, by which time the pension fund would be deeper in deficit", VR, "added", {RF: AG}),
    ("t_d03", "indirect", "a referendum could only be called by the president at the request of 150 deputies or 500,000 citizens, and that neither route could be completed before the summer", "Tobias Renmark", "said", {RF: N}),
    ("t_d03", "direct", "The date is set. Whether we need it is up to the government,", D, "said", {GS: N}),
    ("t_d03", "direct", "I would sign a petition for a referendum tomorrow. I would rather sign an agreement,", D, "added", {RF: F}),
    ("t_d03", "direct", "A general strike in March, a referendum in the autumn: that is a year lost. Pass the bill and let people plan.", "Oskar Lindgaard", "said", {GS: AG, RF: AG, PR: F}),
    ("t_d03", "indirect", "61 per cent of voters opposed the reform and 54 per cent would back a referendum on it", "Kestrel Research", "said", {PR: N, RF: N}),
    ("t_d03", "direct", "The reform is right. The timing is a gift to the unions.", "Gregor Amundsen", "said", {PR: F}),
    ("t_d03", "indirect", "the bill would at worst be ‘parked, not buried’", "Gregor Amundsen", "said", {PR: F}),
    ("t_d03", "direct", "A referendum is a fine idea for next year. Our members retire in this one. The strike goes ahead either way.", T, "said", {RF: N, GS: F}),
    ("t_d03", "indirect", "he would meet Ms Varro on Thursday but expected ‘nothing but coffee’", T, "said", {}),
    # t_d04 live blog
    ("t_d04", "indirect", "the result was “a defeat for the government, not for the idea”", O, "told reporters", {RF: F}),
    ("t_d04", "indirect", "her party would now begin collecting the 500,000 signatures needed to force a national vote, “starting tonight”", O, "said", {RF: F}),
    ("t_d04", "direct", "A referendum would freeze this country for a year. The reform cannot wait a year, and neither can the pension fund.", C, None, {RF: AG, PR: F}),
    ("t_d04", "indirect", "the government would present the bill itself on 24 February “as planned”", C, "added", {PR: F}),
    ("t_d04", "direct", "Whatever happens in there, the strike goes ahead on the third. Nothing in that motion gives a single worker back a single year,", T, "told her", {GS: F, RF: AG}),
    ("t_d04", "direct", "Investors don’t like strikes, but they hate uncertainty more. A failed motion is, weirdly, good news for them.", "Erik Santavuori", "sent us this", {RF: N}),
    ("t_d04", "direct", "For the rest of the evening I am watching the cup final.", "Erik Santavuori", "added", {}),
    ("t_d04", "indirect", "the government was “hiding behind a spreadsheet” and that a referendum was “the only exit from this mess in which nobody loses face”", "Samir Haddou", "told the chamber", {PR: AG, RF: F}),
    ("t_d04", "direct", "We are not asking you to drop the reform. We are asking you to let the country own it,", "Samir Haddou", "said", {PR: N, RF: F}),
    ("t_d04", "indirect", "her meeting with Labour Minister Celine Varro this morning produced “a crack in the wall” on exemptions for manual workers", D, "says", {PR: N}),
    ("t_d04", "direct", "I am not calling it off. I am saying that, for the first time, there is something to call it off for.", D, "told us", {GS: N}),
    ("t_d04", "indirect", "any exemptions would be “narrow” and would not touch “the central figure of 65”", VR, "said", {PR: F}),
    ("t_d04", "direct", "Will hospitals be open on 3 March?", "Tomasz", "asks", {GS: N}),
    ("t_d04", "indirect", "emergency departments will be staffed under the minimum-service rules agreed in 2019", GWC, "says", {GS: N}),
    ("t_d04", "indirect", "he will vote for the motion", "Gregor Amundsen", "to say", {RF: F}),
    ("t_d04", "direct", "I support the reform. I also trust voters. Those are not opposites,", "Gregor Amundsen", "said", {PR: F, RF: F}),
    ("t_d04", "direct", "Even if the motion passes, the earliest date for a vote would be late September. Anyone promising you a referendum before the bill is voted on is selling something.", "Tobias Renmark", "speaking on our podcast", {RF: AG}),
    ("t_d04", "indirect", "them to reject the motion", "Oskar Lindgaard", "urging", {RF: AG}),
    ("t_d04", "indirect", "a referendum would “hand the calendar to the loudest voices in the country”", "Oskar Lindgaard", "says", {RF: AG}),
    ("t_d04", "indirect", "its general strike on 3 March will go ahead whatever the result", GWC, "has said", {GS: F}),
]
