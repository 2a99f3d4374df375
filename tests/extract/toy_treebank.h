// tests/extract/toy_treebank.h -- a tiny UD treebank written for these tests (our own
// sentences, nothing from ../shared): enough to train toy models and check the oracle.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "extract/conllu.h"

namespace geokg::testing {

inline constexpr const char* kToyTreebank = R"(# sent_id = toy-1
# text = The minister visited Rabat.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	visited	visit	VERB	VBD	_	0	root	_	_
4	Rabat	Rabat	PROPN	NNP	_	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = toy-2
# text = Leaders of both countries signed a new trade agreement on Monday.
1	Leaders	leader	NOUN	NNS	_	5	nsubj	_	_
2	of	of	ADP	IN	_	4	case	_	_
3	both	both	DET	DT	_	4	det	_	_
4	countries	country	NOUN	NNS	_	1	nmod	_	_
5	signed	sign	VERB	VBD	_	0	root	_	_
6	a	a	DET	DT	_	9	det	_	_
7	new	new	ADJ	JJ	_	9	amod	_	_
8	trade	trade	NOUN	NN	_	9	compound	_	_
9	agreement	agreement	NOUN	NN	_	5	obj	_	_
10	on	on	ADP	IN	_	11	case	_	_
11	Monday	Monday	PROPN	NNP	_	5	obl	_	SpaceAfter=No
12	.	.	PUNCT	.	_	5	punct	_	_

# sent_id = toy-3
# text = Protesters gathered outside the embassy and demanded the release of the journalists.
1	Protesters	protester	NOUN	NNS	_	2	nsubj	_	_
2	gathered	gather	VERB	VBD	_	0	root	_	_
3	outside	outside	ADP	IN	_	5	case	_	_
4	the	the	DET	DT	_	5	det	_	_
5	embassy	embassy	NOUN	NN	_	2	obl	_	_
6	and	and	CCONJ	CC	_	7	cc	_	_
7	demanded	demand	VERB	VBD	_	2	conj	_	_
8	the	the	DET	DT	_	9	det	_	_
9	release	release	NOUN	NN	_	7	obj	_	_
10	of	of	ADP	IN	_	12	case	_	_
11	the	the	DET	DT	_	12	det	_	_
12	journalists	journalist	NOUN	NNS	_	9	nmod	_	SpaceAfter=No
13	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = toy-4
# text = The talks, which began in March, were suspended.
1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	10	nsubj:pass	_	SpaceAfter=No
3	,	,	PUNCT	,	_	5	punct	_	_
4	which	which	PRON	WDT	_	5	nsubj	_	_
5	began	begin	VERB	VBD	_	2	acl:relcl	_	_
6	in	in	ADP	IN	_	7	case	_	_
7	March	March	PROPN	NNP	_	5	obl	_	SpaceAfter=No
8	,	,	PUNCT	,	_	5	punct	_	_
9	were	be	AUX	VBD	_	10	aux:pass	_	_
10	suspended	suspend	VERB	VBN	_	0	root	_	SpaceAfter=No
11	.	.	PUNCT	.	_	10	punct	_	_

# sent_id = toy-5
# text = She said that the army would withdraw.
1	She	she	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	that	that	SCONJ	IN	_	7	mark	_	_
4	the	the	DET	DT	_	5	det	_	_
5	army	army	NOUN	NN	_	7	nsubj	_	_
6	would	would	AUX	MD	_	7	aux	_	_
7	withdraw	withdraw	VERB	VB	_	2	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = toy-6
# text = Officials want to reopen the border.
1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	want	want	VERB	VBP	_	0	root	_	_
3	to	to	PART	TO	_	4	mark	_	_
4	reopen	reopen	VERB	VB	_	2	xcomp	_	_
5	the	the	DET	DT	_	6	det	_	_
6	border	border	NOUN	NN	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = toy-7
# text = Ana Silva, the foreign minister, arrived yesterday.
1	Ana	Ana	PROPN	NNP	_	8	nsubj	_	_
2	Silva	Silva	PROPN	NNP	_	1	flat	_	SpaceAfter=No
3	,	,	PUNCT	,	_	6	punct	_	_
4	the	the	DET	DT	_	6	det	_	_
5	foreign	foreign	ADJ	JJ	_	6	amod	_	_
6	minister	minister	NOUN	NN	_	1	appos	_	SpaceAfter=No
7	,	,	PUNCT	,	_	6	punct	_	_
8	arrived	arrive	VERB	VBD	_	0	root	_	_
9	yesterday	yesterday	NOUN	NN	_	8	obl:unmarked	_	SpaceAfter=No
10	.	.	PUNCT	.	_	8	punct	_	_

# sent_id = toy-8
# text = Troops didn't leave the city.
2-3	didn't	_	_	_	_	_	_	_	_
1	Troops	troop	NOUN	NNS	_	4	nsubj	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	leave	leave	VERB	VB	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	city	city	NOUN	NN	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

)";

// The toy treebank parsed into sentences (it is well-formed, so this cannot fail).
inline std::vector<extract::ConlluSentence> ToyTreebank() {
  std::istringstream in(kToyTreebank);
  extract::ConlluReader reader(in, "toy");
  std::vector<extract::ConlluSentence> out;
  extract::ConlluSentence s;
  while (reader.Next(s).value()) out.push_back(s);
  return out;
}

}  // namespace geokg::testing
